package vn.motcua.integration.nationalportal;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the status sync to the national portal ({@code motcua.national-portal.status-sync.*}). The sync runs only
 * while the connection itself is configured ({@link NationalPortalProperties#configured()}).
 *
 * @param interval       how often the messages that are due are sent
 * @param batch          messages sent per request at most (one per dossier: a dossier's next waits for the previous)
 * @param retryDelays    the wait after the 1st, 2nd, ... failed attempt of a message; the last one repeats
 * @param lease          how long a message being sent stays reserved for the node sending it
 * @param retryWindow    a message still not accepted this long after it was written is shown as failed (and still
 *                       retried)
 * @param reconciliation the time of day (Vietnam) at which the previous day is reconciled
 * @param reconciliationDays how many past days a reconciliation that failed is tried again for
 */
@ConfigurationProperties("motcua.national-portal.status-sync")
public record StatusSyncProperties(
        @DefaultValue("1m") Duration interval,
        @DefaultValue("100") int batch,
        @DefaultValue({"1m", "5m", "30m", "2h", "6h"}) List<Duration> retryDelays,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("24h") Duration retryWindow,
        @DefaultValue("01:30") LocalTime reconciliation,
        @DefaultValue("7") int reconciliationDays) {

    /** The wait after {@code failedAttempts} failures (1 for the first). */
    public Duration retryDelay(int failedAttempts) {
        return retryDelays.get(Math.max(1, Math.min(failedAttempts, retryDelays.size())) - 1);
    }
}
