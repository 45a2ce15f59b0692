package vn.motcua.integration.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import vn.motcua.identity.Permission;
import vn.motcua.platform.security.AccessRules;

/**
 * Who may reach the postal endpoints. Only applicants ask for a pickup or delivery, and only on their own dossier
 * ({@code PostalService} checks); the shipments are read by whoever may see the dossier. The postal service's
 * callback carries no account: it is authenticated by its shared secret in the controller.
 */
@Configuration(proxyBeanMethods = false)
class PostalAccessRules {

    @Bean
    AccessRules postalAccess() {
        return rules -> rules
                .requestMatchers(HttpMethod.POST, "/api/v1/postal/status").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/v1/dossiers/*/postal").authenticated()
                .requestMatchers(HttpMethod.POST, "/ho-so/*/buu-chinh", "/ho-so/*/buu-chinh/huy")
                .hasAuthority(Permission.SUBMIT_DOSSIER.name());
    }
}
