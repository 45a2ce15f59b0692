package vn.motcua.notification.internal;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import vn.motcua.platform.web.VietnamTime;

/**
 * Settings of notifications ({@code motcua.notification.*}). Email goes through Spring Boot's mail settings
 * ({@code spring.mail.host}, {@code spring.mail.port}, {@code spring.mail.username}, ...): without a host the email
 * channel is off. Secrets (SMTP password, SMS token) belong in the environment, never in the repository.
 *
 * @param emailFrom     the sender address of notification emails; set it to an address the SMTP server may send as
 * @param emailFromName the sender name shown in the applicant's mailbox
 * @param timeZone      the zone dates and times in messages are written in
 * @param sms           the SMS gateway
 * @param dispatch      when and how often deliveries are sent and retried
 */
@ConfigurationProperties("motcua.notification")
public record NotificationProperties(
        @DefaultValue("no-reply@localhost") String emailFrom,
        @DefaultValue("Cổng Dịch vụ công") String emailFromName,
        @DefaultValue(VietnamTime.ZONE_ID) ZoneId timeZone,
        @DefaultValue Sms sms,
        @DefaultValue Dispatch dispatch) {

    /**
     * An HTTP SMS gateway that takes {@code POST {"to": "+84...", "message": "..."}}.
     *
     * @param url     where to post messages; unset turns the SMS channel off
     * @param token   sent as {@code Authorization: Bearer <token>}; unset sends no such header
     * @param timeout for connecting and for the answer; a timeout counts as a failed attempt
     * @param receiptSecret the shared secret the gateway sends in {@code X-Receipt-Secret} with its delivery receipts
     *                      ({@code POST /api/v1/notifications/sms/receipts}); unset refuses every receipt
     */
    public record Sms(URI url, String token, @DefaultValue("10s") Duration timeout, String receiptSecret) {
    }

    /**
     * @param interval    pause between two dispatch rounds on each application node
     * @param batchSize   deliveries sent per round at most
     * @param lease       how long a claimed delivery stays reserved for the node sending it; if that node dies, another
     *                    node sends it after this time. Must be longer than one send can take.
     * @param maxAttempts attempts before a delivery is given up as FAILED
     * @param retryDelays wait after the 1st, 2nd, ... failed attempt; the last one repeats
     */
    public record Dispatch(
            @DefaultValue("5s") Duration interval,
            @DefaultValue("50") int batchSize,
            @DefaultValue("5m") Duration lease,
            @DefaultValue("8") int maxAttempts,
            @DefaultValue({"1m", "5m", "30m", "2h", "6h", "12h", "24h"}) List<Duration> retryDelays) {

        /** The wait after {@code failedAttempts} failures (1 for the first). */
        public Duration retryDelay(int failedAttempts) {
            return retryDelays.get(Math.min(failedAttempts, retryDelays.size()) - 1);
        }
    }
}
