package vn.motcua.integration.nationalportal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the intake of dossiers from the National Public Service Portal ({@code motcua.national-portal.intake.*});
 * the connection itself is {@link NationalPortalProperties}. Nothing runs while the connection is not configured.
 *
 * @param pullInterval    how often national dossiers are pulled ({@code /ho-so/lay-danh-sach})
 * @param retryInterval   how often waiting dossiers (documents not fetched yet) and unsent acknowledgements are tried
 * @param batchSize       national dossiers asked for per pull, and dossiers or acknowledgements tried per round
 * @param retryDelays     the wait after the 1st, 2nd, ... failed attempt; the last one repeats for ever
 * @param lease           how long a dossier or acknowledgement being handled stays reserved for the node handling it
 * @param maxDocumentSize a document larger than this is not downloaded; the dossier is refused
 * @param agencyCodes     national agency code ({@code MaCoQuan}) → this province's agency code, where they differ
 */
@ConfigurationProperties("motcua.national-portal.intake")
public record NationalIntakeProperties(
        @DefaultValue("5m") Duration pullInterval,
        @DefaultValue("1m") Duration retryInterval,
        @DefaultValue("20") int batchSize,
        @DefaultValue({"1m", "5m", "30m", "2h", "6h"}) List<Duration> retryDelays,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("10MB") DataSize maxDocumentSize,
        Map<String, String> agencyCodes) {

    public NationalIntakeProperties {
        agencyCodes = agencyCodes == null ? Map.of() : Map.copyOf(agencyCodes);
    }

    /** The wait after {@code failedAttempts} failures (1 for the first). */
    public Duration retryDelay(int failedAttempts) {
        return retryDelays.get(Math.max(1, Math.min(failedAttempts, retryDelays.size())) - 1);
    }
}
