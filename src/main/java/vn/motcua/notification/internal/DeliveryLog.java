package vn.motcua.notification.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.stereotype.Service;

import vn.motcua.platform.web.UserFacingException;

/**
 * The delivery log: what was sent to an applicant, when, to which (masked) address, and whether it arrived, as the
 * SMTP server and the SMS gateway's receipts tell. Who may read which part is the caller's to check: a dossier's log
 * goes to whoever may see the dossier, the whole log to the province's administrator.
 */
@Service
public class DeliveryLog {

    /** The most rows the administrator's log shows at once; a narrower filter finds the rest. */
    public static final int LIMIT = 200;
    private static final int MAX_ERROR_LENGTH = 1000;

    private final DeliveryLogRepository log;
    private final byte[] receiptSecret;
    private final ZoneId zone;

    DeliveryLog(DeliveryLogRepository log, NotificationProperties properties) {
        this.log = log;
        String secret = properties.sms().receiptSecret();
        this.receiptSecret = secret == null || secret.isBlank() ? null : secret.getBytes(StandardCharsets.UTF_8);
        this.zone = properties.timeZone();
    }

    /** The criteria of the administrator's log; null leaves one out. Dates are whole days in the portal's zone. */
    public record Filter(LocalDate from, LocalDate to, NotificationChannel channel, DeliveryState state) {
    }

    public List<LoggedDelivery> ofDossier(String code) {
        return log.ofDossier(code);
    }

    /** @throws UserFacingException 400 when the period ends before it starts */
    public List<LoggedDelivery> search(Filter filter) {
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            throw UserFacingException.badRequest("notification.log.badPeriod");
        }
        Instant from = filter.from() == null ? null : filter.from().atStartOfDay(zone).toInstant();
        Instant to = filter.to() == null ? null : filter.to().plusDays(1).atStartOfDay(zone).toInstant();
        return log.search(from, to, filter.channel(), filter.state(), LIMIT);
    }

    /** Whether a receipt carries the configured secret; compared in constant time, never true without a secret. */
    public boolean receiptAuthentic(String secret) {
        return receiptSecret != null && secret != null
                && MessageDigest.isEqual(receiptSecret, secret.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The gateway reports what became of an SMS it took.
     *
     * @param delivered true for delivered to the phone, false for given up
     * @param at        when, as the gateway says; null for now
     * @throws UserFacingException 404 when no SMS was given that id
     */
    public void smsReceipt(String messageId, boolean delivered, Instant at, String error) {
        if (messageId == null || messageId.isBlank()) {
            throw UserFacingException.badRequest("notification.receipt.noId");
        }
        String reason = error == null || error.isBlank() ? null
                : error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        int recorded = log.recordReceipt(messageId.strip(),
                delivered ? DeliveryState.DELIVERED : DeliveryState.UNDELIVERED, at, delivered ? null : reason);
        if (recorded == 0) {
            throw UserFacingException.notFound("notification.receipt.unknownId", messageId);
        }
    }
}
