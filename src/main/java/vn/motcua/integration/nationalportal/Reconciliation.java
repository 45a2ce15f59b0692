package vn.motcua.integration.nationalportal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import vn.motcua.platform.web.VietnamTime;

/**
 * The daily reconciliation with the national portal: from the configured time (01:30 Vietnam time by default), the
 * previous day's count per agency of distinct dossiers with status messages dated that day (ours counts them whether
 * delivered or not, so that what never arrived shows), ours against the national portal's answer, stored for the administrator with the differences first. A day whose run failed is
 * tried again at the next check, for up to {@code reconciliation-days} days back; a day is claimed in the database, so
 * one node runs it.
 */
@Component
public class Reconciliation implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);
    private static final Duration CHECK = Duration.ofMinutes(10);
    private static final Duration LEASE = Duration.ofMinutes(30);

    private final StatusSyncRepository outbox;
    private final ReconciliationRepository results;
    private final NationalStatusGateway gateway;
    private final StatusSyncProperties settings;
    private final Clock clock;

    Reconciliation(StatusSyncRepository outbox, ReconciliationRepository results, NationalStatusGateway gateway,
                   StatusSyncProperties settings, Clock clock) {
        this.outbox = outbox;
        this.results = results;
        this.gateway = gateway;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (gateway.available()) {
            registrar.addFixedDelayTask(new FixedDelayTask(this::check, CHECK, CHECK));
        }
    }

    /** Reconciles the past days not yet done, once the day's time has come; never throws. */
    public void check() {
        ZonedDateTime now = clock.instant().atZone(VietnamTime.ZONE);
        if (!gateway.available() || now.toLocalTime().isBefore(settings.reconciliation())) {
            return;
        }
        for (int back = settings.reconciliationDays(); back >= 1; back--) {
            LocalDate day = now.toLocalDate().minusDays(back);
            try {
                if (results.claim(day, LEASE, false)) {
                    reconcile(day);
                }
            } catch (RuntimeException e) {
                log.warn("Reconciliation of {} with the national portal not run", day, e);
            }
        }
    }

    /**
     * Reconciles the day now, again if it was done before.
     *
     * @return whether it ran and the national portal answered
     */
    public boolean run(LocalDate day) {
        return gateway.available() && results.claim(day, LEASE, true) && reconcile(day);
    }

    private boolean reconcile(LocalDate day) {
        Map<String, Integer> ours = outbox.changedOn(day);
        Map<String, Integer> theirs;
        try {
            theirs = gateway.reconciliation(day);
        } catch (NationalPortalException e) {
            log.info("Reconciliation of {} with the national portal failed, will retry: {}", day, e.getMessage());
            results.fail(day, e.getMessage());
            return false;
        }
        results.finish(day, ours, theirs);
        long differences = results.counts(day).stream().filter(ReconciliationRepository.Count::differs).count();
        if (differences > 0) {
            log.warn("Reconciliation of {} with the national portal: {} agencies differ", day, differences);
        }
        return true;
    }
}
