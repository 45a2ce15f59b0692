package vn.motcua.payment.internal;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.motcua.payment.Payment;
import vn.motcua.payment.PaymentProperties;
import vn.motcua.platform.text.VietnameseText;

/**
 * The VNPay merchant account this installation pays through: the gateway's address, the terminal code and the
 * secret. With the sandbox on and no account configured, the built-in sandbox gateway is the peer, with a secret made
 * up at start.
 */
@Component
public class VnpayGateway {

    /** Where the built-in sandbox gateway takes orders. */
    public static final String SANDBOX_PATH = "/sandbox/vnpay/paymentv2/vpcpay.html";
    public static final String SANDBOX_TMN_CODE = "MOTCUA0S";

    private static final Logger log = LoggerFactory.getLogger(VnpayGateway.class);

    private final String url;
    private final String tmnCode;
    private final VnpayProtocol protocol;
    private final boolean sandbox;

    VnpayGateway(PaymentProperties properties) {
        PaymentProperties.Vnpay vnpay = properties.vnpay();
        boolean configured = vnpay.url() != null && !vnpay.url().isBlank() && vnpay.tmnCode() != null
                && vnpay.hashSecret() != null && !vnpay.hashSecret().isBlank();
        this.sandbox = vnpay.sandbox();
        if (configured) {
            this.url = vnpay.url().strip();
            this.tmnCode = vnpay.tmnCode().strip();
            this.protocol = new VnpayProtocol(vnpay.hashSecret());
        } else if (sandbox) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            this.url = SANDBOX_PATH;
            this.tmnCode = SANDBOX_TMN_CODE;
            this.protocol = new VnpayProtocol(HexFormat.of().formatHex(secret));
            log.warn("Online payment goes to the built-in SANDBOX gateway at {}: no money moves. Never use this on a "
                    + "real installation.", SANDBOX_PATH);
        } else {
            this.url = null;
            this.tmnCode = null;
            this.protocol = null;
        }
    }

    public boolean enabled() {
        return protocol != null;
    }

    /** Whether the built-in sandbox gateway is served (and labelled as such). */
    public boolean sandbox() {
        return sandbox;
    }

    public String tmnCode() {
        return tmnCode;
    }

    public VnpayProtocol protocol() {
        return protocol;
    }

    /** The signed address of the gateway's payment page for an order. */
    public String orderUrl(Payment payment, String orderInfo, String clientIp, String returnUrl, Instant now) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("vnp_Version", VnpayProtocol.VERSION);
        params.put("vnp_Command", "pay");
        params.put("vnp_TmnCode", tmnCode);
        params.put("vnp_Amount", Long.toString(payment.amount() * 100));
        params.put("vnp_CurrCode", "VND");
        params.put("vnp_TxnRef", payment.reference());
        // The gateway's own samples encode as ASCII: the order text goes without diacritics.
        params.put("vnp_OrderInfo", VietnameseText.fold(orderInfo).replaceAll("[^a-z0-9 .:-]", " ").strip());
        params.put("vnp_OrderType", "other");
        params.put("vnp_Locale", "vn");
        params.put("vnp_ReturnUrl", returnUrl);
        params.put("vnp_IpAddr", clientIp == null ? "127.0.0.1" : clientIp);
        params.put("vnp_CreateDate", VnpayProtocol.time(now));
        params.put("vnp_ExpireDate", VnpayProtocol.time(payment.expiresAt()));
        return protocol.url(url, params);
    }
}
