package vn.motcua.feedback;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.motcua.platform.MotCuaProperties;

/**
 * The public rating link of a dossier, sent in the result notice by SMS and email: {@code /danh-gia/{token}?ma={code}},
 * where the token is the HMAC-SHA256 of the dossier code under {@code motcua.feedback.link-secret}. Whoever holds the
 * link may rate that dossier without signing in, and nobody can make the link of another dossier.
 */
@Component
public class RatingLinks {

    private static final Logger log = LoggerFactory.getLogger(RatingLinks.class);
    private static final String ALGORITHM = "HmacSHA256";
    static final int MIN_SECRET_LENGTH = 32;

    private final SecretKeySpec key;
    private final String publicUrl;

    RatingLinks(FeedbackProperties properties, MotCuaProperties motcua) {
        this.publicUrl = motcua.publicUrl().replaceAll("/+$", "");
        String secret = properties.linkSecret();
        if (secret != null && !secret.isBlank()) {
            if (secret.length() < MIN_SECRET_LENGTH) {
                throw new IllegalStateException("motcua.feedback.link-secret must have at least " + MIN_SECRET_LENGTH
                        + " characters");
            }
            key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        } else if (motcua.demo().enabled()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            key = new SecretKeySpec(random, ALGORITHM);
            log.info("Rating links are signed with a random secret made at start (demo mode): links sent before a "
                    + "restart no longer work. Set motcua.feedback.link-secret to keep them.");
        } else {
            key = null;
            log.warn("motcua.feedback.link-secret is not set: result notices carry no rating link.");
        }
    }

    /** Whether links are signed, and so sent and accepted. */
    public boolean enabled() {
        return key != null;
    }

    /** The full address of the dossier's rating page, for a notice; empty when links are off. */
    public Optional<String> url(String dossierCode) {
        return token(dossierCode).map(t -> publicUrl + path(t, dossierCode));
    }

    /** The address of the rating page within the portal. */
    public static String path(String token, String dossierCode) {
        return "/danh-gia/" + token + "?ma=" + URLEncoder.encode(dossierCode, StandardCharsets.UTF_8);
    }

    /** The token of a dossier's link: the HMAC-SHA256 of its code, base64url without padding. */
    public Optional<String> token(String dossierCode) {
        if (key == null || dossierCode == null) {
            return Optional.empty();
        }
        return Optional.of(Base64.getUrlEncoder().withoutPadding().encodeToString(mac(dossierCode)));
    }

    /** Whether the token is the genuine one of the dossier code (compared in constant time). */
    public boolean valid(String token, String dossierCode) {
        if (key == null || token == null || dossierCode == null || dossierCode.isBlank()) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(given, mac(dossierCode));
    }

    private byte[] mac(String dossierCode) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(dossierCode.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
