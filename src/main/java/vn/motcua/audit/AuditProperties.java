package vn.motcua.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the audit trail ({@code motcua.audit.*}).
 *
 * @param enabled           record entries; {@code false} only to measure what the trail costs (bench/)
 * @param showOfficialNames show citizens the names of the officials who opened their data, not only agency and role
 * @param streams           how many chains a day is split into, so that concurrent transactions do not all queue
 *                          for the one chain head
 */
@ConfigurationProperties("motcua.audit")
public record AuditProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("false") boolean showOfficialNames,
        @DefaultValue("4") int streams) {

    public AuditProperties {
        if (streams < 1 || streams > 64) {
            throw new IllegalArgumentException("motcua.audit.streams must be between 1 and 64");
        }
    }
}
