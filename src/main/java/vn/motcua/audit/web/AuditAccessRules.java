package vn.motcua.audit.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.motcua.identity.Permission;
import vn.motcua.platform.security.AccessRules;

/**
 * The trail's pages: the search and integrity check for those with {@code AUDIT_VIEW} (an agency administrator sees
 * only their agency's subtree, {@link AuditAdminPage}); "who looked at my data" for applicants, about themselves only.
 */
@Configuration(proxyBeanMethods = false)
class AuditAccessRules {

    @Bean
    AccessRules auditAccess() {
        return rules -> rules
                .requestMatchers("/quan-tri/nhat-ky", "/quan-tri/nhat-ky/**").hasAuthority(Permission.AUDIT_VIEW.name())
                .requestMatchers("/ai-da-xem").hasAuthority(Permission.SUBMIT_DOSSIER.name());
    }
}
