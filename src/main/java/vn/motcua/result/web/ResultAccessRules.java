package vn.motcua.result.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import vn.motcua.identity.Permission;
import vn.motcua.platform.security.AccessRules;

/**
 * Anyone may verify a result, by file or by number; the answer never holds personal data. Revoking is for officials
 * who approve, and the service checks that the result is their agency's.
 */
@Configuration(proxyBeanMethods = false)
class ResultAccessRules {

    @Bean
    AccessRules resultAccess() {
        return rules -> rules
                .requestMatchers("/xac-thuc").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/v1/results/*").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/v1/results/verify").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/v1/results/*/revoke").hasAuthority(Permission.APPROVE_DOSSIER.name())
                .requestMatchers(HttpMethod.POST, "/quan-tri/ket-qua/*/thu-hoi").hasAuthority(Permission.APPROVE_DOSSIER.name());
    }
}
