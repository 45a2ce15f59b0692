package vn.motcua.notification.internal;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the officials' morning reminders ({@code motcua.reminders.*}); the email goes out through the
 * notification settings ({@code spring.mail.*}, {@code motcua.notification.email-from}).
 *
 * @param enabled     whether digests are sent at all
 * @param time        from when, Vietnam time, on a working day, the day's digests are sent
 * @param interval    how often each node checks whether the day's digests are due and retries failed ones
 * @param retryDelay  wait after a failed attempt before the next
 * @param maxAttempts attempts before a digest is given up for the day
 * @param lease       how long a node holds a digest it is sending; if it dies, another node sends it after this time
 */
@ConfigurationProperties("motcua.reminders")
public record ReminderProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("07:30") LocalTime time,
        @DefaultValue("1m") Duration interval,
        @DefaultValue("15m") Duration retryDelay,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("5m") Duration lease) {
}
