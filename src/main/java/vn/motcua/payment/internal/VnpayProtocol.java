package vn.motcua.payment.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import vn.motcua.platform.security.Hashes;
import vn.motcua.platform.web.VietnamTime;

/**
 * The VNPay payment-URL protocol (version 2.1.0): parameters sorted by name, each value URL-encoded, joined as
 * {@code name=value&...}, and signed with HMAC-SHA512 under the merchant's secret ({@code vnp_SecureHash}). The same
 * rule signs the gateway's answers (the return URL and the IPN call), so one class builds orders and checks answers,
 * for the adapter and for the sandbox gateway alike.
 */
public final class VnpayProtocol {

    public static final String VERSION = "2.1.0";
    public static final String HASH = "vnp_SecureHash";
    public static final String HASH_TYPE = "vnp_SecureHashType";
    /** Answer codes of the IPN call, as VNPay defines them. */
    public static final String CONFIRMED = "00", ORDER_NOT_FOUND = "01", ALREADY_CONFIRMED = "02",
            INVALID_AMOUNT = "04", INVALID_SIGNATURE = "97", UNKNOWN_ERROR = "99";
    /** The response and transaction status of a successful payment. */
    public static final String SUCCESS = "00";

    /** VNPAY reads and writes its times in Vietnam's zone. */
    private static final ZoneId GATEWAY_ZONE = VietnamTime.ZONE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final byte[] secret;

    public VnpayProtocol(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("A VNPay hash secret is required");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The text that is signed: every non-empty {@code vnp_} parameter but the hash itself, sorted and encoded. */
    public static String hashData(Map<String, String> params) {
        return new TreeMap<>(params).entrySet().stream()
                .filter(e -> e.getKey().startsWith("vnp_") && !e.getKey().equals(HASH) && !e.getKey().equals(HASH_TYPE))
                .filter(e -> e.getValue() != null && !e.getValue().isEmpty())
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    public String sign(Map<String, String> params) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(secret, "HmacSHA512"));
            return HexFormat.of().formatHex(mac.doFinal(hashData(params).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the parameters carry a valid signature under the secret. Compared in constant time. */
    public boolean verify(Map<String, String> params) {
        String given = params.get(HASH);
        if (given == null || given.isBlank()) {
            return false;
        }
        return Hashes.sameSecret(given.strip().toLowerCase(), sign(params));
    }

    /** The gateway's URL with the signed parameters in its query string. */
    public String url(String base, Map<String, String> params) {
        String query = new TreeMap<>(params).entrySet().stream()
                .filter(e -> e.getValue() != null && !e.getValue().isEmpty())
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return base + (base.contains("?") ? "&" : "?") + query + "&" + HASH + "=" + sign(params);
    }

    /** The parameters with their signature added, as a gateway sends its answer. */
    public Map<String, String> signed(Map<String, String> params) {
        Map<String, String> all = new TreeMap<>(params);
        all.put(HASH, sign(params));
        return all;
    }

    /** {@code yyyyMMddHHmmss} in Vietnam's time, as the gateway writes times. */
    public static String time(Instant at) {
        return TIME.format(LocalDateTime.ofInstant(at, GATEWAY_ZONE));
    }

    /** A gateway time, or null when it is missing or unreadable. */
    public static Instant parseTime(String text) {
        try {
            return text == null ? null : LocalDateTime.parse(text, TIME).atZone(GATEWAY_ZONE).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.US_ASCII);
    }
}
