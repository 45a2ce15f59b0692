package vn.motcua.population;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the population database service of the province's LGSP ({@code motcua.population.*}). Without
 * {@code url} it is off: nothing is checked, and officials read "not connected". Secrets belong in the environment.
 *
 * @param url           the LGSP's population service, e.g. {@code https://lgsp.tinh.gov.vn/dancu/v1}; the check goes
 *                      to {@code POST {url}} + {@link LgspMapping#CHECK_PATH}
 * @param tokenUrl      the LGSP's OAuth2 token endpoint (client credentials); unset sends no bearer token
 * @param clientId      the province's client id at the LGSP
 * @param clientSecret  its secret
 * @param signingSecret every answer must carry a valid {@code X-Signature} (HMAC-SHA256 of the body), else it
 *                      counts as a failed attempt; without it the connection stays off unless {@code allowUnsigned}
 * @param allowUnsigned accept answers without a signature (an LGSP that signs nothing, trusted on its TLS alone): a
 *                      province's explicit choice, since a forged MATCH waives documents
 * @param timeout       for connecting and for each answer: short, since an applicant waits
 * @param retryInterval how often pending checks that are due are asked again
 * @param retryDelays   the wait after the 1st, 2nd, ... failed attempt; the last one repeats
 * @param retryWindow   how long after the first attempt a pending check is still retried automatically; past it, it
 *                      stays pending and listed for an official to re-run
 * @param lease         how long a pending check being asked stays reserved for the node asking it
 * @param batchSize     pending checks asked per round at most
 * @param sandbox       set by the demo's sandbox ({@code PopulationSandbox}) only, so that pages label its verdicts
 */
@ConfigurationProperties("motcua.population")
public record PopulationProperties(
        URI url,
        URI tokenUrl,
        String clientId,
        String clientSecret,
        String signingSecret,
        boolean allowUnsigned,
        @DefaultValue("3s") Duration timeout,
        @DefaultValue("1m") Duration retryInterval,
        @DefaultValue({"1m", "5m", "30m", "2h"}) List<Duration> retryDelays,
        @DefaultValue("3d") Duration retryWindow,
        @DefaultValue("1m") Duration lease,
        @DefaultValue("50") int batchSize,
        boolean sandbox) {

    /** A URL, and either a signing secret or the explicit choice to accept unsigned answers. */
    public boolean configured() {
        return url != null && (allowUnsigned || signingSecret != null && !signingSecret.isBlank());
    }

    /** The wait after {@code failedAttempts} failures (1 for the first). */
    public Duration retryDelay(int failedAttempts) {
        return retryDelays.get(Math.max(1, Math.min(failedAttempts, retryDelays.size())) - 1);
    }
}
