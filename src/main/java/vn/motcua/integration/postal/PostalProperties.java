package vn.motcua.integration.postal;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the public postal service ({@code motcua.postal.*}). Without {@code url} the service is off: pages say
 * so, nothing is booked and nothing is polled. Tokens belong in the environment, never in the repository.
 *
 * @param url           the postal API, e.g. {@code https://api.buudien.example/v1}; bookings go to
 *                      {@code POST {url}/shipments}, polls to {@code GET {url}/shipments/{trackingNumber}}
 * @param token         sent to the postal API as {@code Authorization: Bearer <token>}; unset sends no such header
 * @param callbackToken the shared secret the postal service sends in {@code X-Postal-Token} when it calls
 *                      {@code POST /api/v1/postal/status}; unset refuses every callback
 * @param timeout       for connecting and for each answer; a timeout is a failed attempt
 * @param fees          the tariff, in VND, shown to the applicant and kept with each shipment
 * @param retryInterval how often unbooked shipments that are due are (re)tried
 * @param retryDelays   the wait after the 1st, 2nd, ... failed booking; the last one repeats
 * @param lease         how long a shipment being booked stays reserved for the node booking it
 * @param pollInterval  how often shipments under way are polled for their status
 * @param batchSize     shipments booked or polled per round at most
 */
@ConfigurationProperties("motcua.postal")
public record PostalProperties(
        URI url,
        String token,
        String callbackToken,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue Fees fees,
        @DefaultValue("1m") Duration retryInterval,
        @DefaultValue({"1m", "5m", "30m", "2h", "6h"}) List<Duration> retryDelays,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("30m") Duration pollInterval,
        @DefaultValue("50") int batchSize) {

    /**
     * @param pickup   picking up the paper documents at the applicant's address
     * @param delivery delivering the result to an address
     */
    public record Fees(@DefaultValue("22000") long pickup, @DefaultValue("25000") long delivery) {
    }

    /** The wait after {@code failedAttempts} failures (1 for the first). */
    public Duration retryDelay(int failedAttempts) {
        return retryDelays.get(Math.max(1, Math.min(failedAttempts, retryDelays.size())) - 1);
    }
}
