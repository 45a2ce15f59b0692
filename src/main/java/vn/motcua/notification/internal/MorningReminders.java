package vn.motcua.notification.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import vn.motcua.dossier.DeadlineDigest;
import vn.motcua.dossier.DeadlineDigests;
import vn.motcua.platform.database.DatabaseOutage;
import vn.motcua.platform.web.VietnamTime;

/**
 * Emails each official a morning digest of their dossiers due soon and overdue ({@link DeadlineDigests}), once per
 * working day, from {@code motcua.reminders.time}. Every node checks every {@code motcua.reminders.interval}; the
 * first check at or after that time runs the day's round on that node (so a node started later in the day still
 * sends), and every check retries the day's failed digests. The claim of (official, day) in {@link ReminderRepository}
 * makes each digest go out once however many nodes run the round at once.
 */
@Component
class MorningReminders implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(MorningReminders.class);
    private static final int MAX_ERROR_LENGTH = 1000;

    private final DeadlineDigests digests;
    private final ReminderRepository reminders;
    private final ReminderEmails emails;
    private final EmailSender email;
    private final ReminderProperties settings;
    private final DatabaseOutage outage;
    private final Clock clock;
    /** The last day this node ran the round for. */
    private final AtomicReference<LocalDate> lastRound = new AtomicReference<>();

    MorningReminders(DeadlineDigests digests, ReminderRepository reminders, ReminderEmails emails, EmailSender email,
                     ReminderProperties settings, DatabaseOutage outage, Clock clock) {
        this.digests = digests;
        this.reminders = reminders;
        this.emails = emails;
        this.email = email;
        this.settings = settings;
        this.outage = outage;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!settings.enabled()) {
            return;
        }
        registrar.addFixedDelayTask(new FixedDelayTask(() -> {
            if (!outage.resting()) {
                check(clock.instant());
            }
        }, settings.interval(), settings.interval()));
    }

    /** One check: the day's round, once per node and day from the configured time, then the due retries. */
    void check(Instant now) {
        ZonedDateTime local = now.atZone(VietnamTime.ZONE);
        if (!settings.enabled() || local.toLocalTime().isBefore(settings.time())) {
            return;
        }
        LocalDate day = local.toLocalDate();
        LocalDate before = lastRound.getAndSet(day);
        if (!day.equals(before)) {
            reminders.abandonBefore(day);
            round(now);
        }
        retry(now);
    }

    /**
     * The day's round at {@code now}: claims and sends the digest of every official with something due soon or
     * overdue whose agency works today. Safe to run on several nodes and several times: a digest already claimed is
     * left to its holder.
     *
     * @return how many digests this call sent
     */
    int round(Instant now) {
        if (!settings.enabled()) {
            return 0;
        }
        LocalDate day = now.atZone(VietnamTime.ZONE).toLocalDate();
        int sent = 0;
        for (String username : digests.officialsToRemind(now)) {
            if (reminders.claim(username, day, settings.lease()) && send(username, day, now)) {
                sent++;
            }
        }
        return sent;
    }

    /** Sends again the day's digests whose wait after a failure is over. @return how many were sent */
    int retry(Instant now) {
        if (!settings.enabled()) {
            return 0;
        }
        LocalDate day = now.atZone(VietnamTime.ZONE).toLocalDate();
        int sent = 0;
        for (Optional<String> next = reminders.claimRetry(day, settings.lease()); next.isPresent();
             next = reminders.claimRetry(day, settings.lease())) {
            if (send(next.get(), day, now)) {
                sent++;
            }
        }
        return sent;
    }

    /** Sends a claimed digest as it stands now and records the outcome. */
    private boolean send(String username, LocalDate day, Instant now) {
        Optional<DeadlineDigest> digest = digests.of(username, now);
        Optional<String> address = digest.map(DeadlineDigest::email).filter(e -> !e.isBlank())
                .flatMap(Recipients::email);
        String skipped = digest.isEmpty() ? "no longer an official"
                : digest.get().isEmpty() ? "nothing to remind of"
                : address.isEmpty() ? "no valid email address"
                : email.unavailable().orElse(null);
        if (skipped != null) {
            reminders.markSkipped(username, day, skipped);
            return false;
        }
        DeadlineDigest d = digest.get();
        NoticeTemplates.Email message = emails.render(d);
        try {
            email.send(address.get(), message.subject(), message.body());
        } catch (Exception e) {
            failed(username, day, e);
            return false;
        }
        reminders.markSent(username, day, d.dueSoon().size(), d.overdue().size() + d.agencyOverdue().size());
        return true;
    }

    private void failed(String username, LocalDate day, Exception e) {
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        error = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        // a failure is retried later the same day; the claim, not the attempt, is what counts as one digest
        int attempts = reminders.attempts(username, day) + 1;
        if (attempts >= settings.maxAttempts()) {
            log.warn("Reminder for {} on {} failed for good after {} attempts: {}", username, day, attempts, error);
            reminders.markFailed(username, day, error);
        } else {
            log.info("Reminder for {} on {} failed (attempt {}), will retry: {}", username, day, attempts, error);
            reminders.markRetry(username, day, error, settings.retryDelay());
        }
    }
}
