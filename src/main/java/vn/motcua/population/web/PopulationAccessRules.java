package vn.motcua.population.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import vn.motcua.identity.Permission;
import vn.motcua.platform.security.AccessRules;

/**
 * Who may reach the population database's pages: officials who handle dossiers re-run a check on a dossier they see
 * and list the pending ones of their agency; applicants fill their own draft's address.
 */
@Configuration(proxyBeanMethods = false)
class PopulationAccessRules {

    @Bean
    AccessRules populationAccess() {
        return rules -> rules
                .requestMatchers(HttpMethod.POST, "/quan-tri/ho-so/*/dan-cu/doi-chieu-lai")
                .hasAuthority(Permission.HANDLE_DOSSIER.name())
                .requestMatchers(HttpMethod.GET, "/quan-tri/dan-cu/cho-doi-chieu")
                .hasAuthority(Permission.HANDLE_DOSSIER.name())
                .requestMatchers(HttpMethod.POST, "/ho-so-cua-toi/nhap/*/dia-chi-dan-cu")
                .hasAuthority(Permission.SUBMIT_DOSSIER.name());
    }
}
