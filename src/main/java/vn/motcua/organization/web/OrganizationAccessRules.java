package vn.motcua.organization.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.motcua.identity.Permission;
import vn.motcua.platform.security.AccessRules;

/** Who may reach the organisation's back office: its administrators (each within its scope, checked per change). */
@Configuration(proxyBeanMethods = false)
class OrganizationAccessRules {

    @Bean
    AccessRules organizationAccess() {
        return rules -> rules.requestMatchers("/quan-tri/to-chuc", "/quan-tri/to-chuc/**")
                .hasAuthority(Permission.ORGANIZATION_MANAGE.name());
    }
}
