package vn.motcua.integration.nationalportal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import vn.motcua.identity.Permission;
import vn.motcua.platform.security.AccessRules;

/**
 * Who may reach the intake's routes: the national portal's push carries no account (it is authenticated by its
 * {@code X-Signature} in the controller); the list of national dossiers is the province administrator's.
 */
@Configuration(proxyBeanMethods = false)
class NationalPortalAccessRules {

    @Bean
    AccessRules nationalIntakeAccess() {
        return rules -> rules
                .requestMatchers(HttpMethod.POST, "/api/v1/national-portal/dossiers").permitAll()
                .requestMatchers(HttpMethod.GET, "/quan-tri/lien-thong/ho-so-den")
                .hasAuthority(Permission.NATIONAL_LAYER_MANAGE.name());
    }
}
