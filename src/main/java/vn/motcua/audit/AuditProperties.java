package vn.motcua.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the audit trail ({@code motcua.audit.*}).
 *
 * @param enabled           record entries; {@code false} only to measure what the trail costs (bench/)
 * @param showOfficialNames show citizens the names of the officials who opened their data, not only agency and role
 */
@ConfigurationProperties("motcua.audit")
public record AuditProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("false") boolean showOfficialNames) {
}
