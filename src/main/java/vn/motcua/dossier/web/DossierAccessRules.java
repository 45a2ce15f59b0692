package vn.motcua.dossier.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import vn.motcua.identity.Permission;
import vn.motcua.platform.security.AccessRules;

/**
 * Who may reach dossiers. These rules only open the doors; which dossier a person may see or act on (their own,
 * or their agency's at their role's step) is checked by the dossier services on every call.
 */
@Configuration(proxyBeanMethods = false)
class DossierAccessRules {

    @Bean
    AccessRules dossierAccess() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/tra-cuu", "/api/v1/tracking/**").permitAll()
                .requestMatchers("/nop-ho-so/**", "/ho-so-cua-toi", "/ho-so-cua-toi/**")
                .hasAuthority(Permission.SUBMIT_DOSSIER.name())
                .requestMatchers("/quan-tri/tiep-nhan", "/quan-tri/tiep-nhan/**", "/quan-tri/so-theo-doi")
                .hasAuthority(Permission.RECEIVE_DOSSIER.name())
                .requestMatchers("/quan-tri/ho-so", "/quan-tri/ho-so/**").hasAuthority(Permission.HANDLE_DOSSIER.name())
                .requestMatchers("/api/v1/dossiers", "/api/v1/dossiers/**").authenticated();
    }
}
