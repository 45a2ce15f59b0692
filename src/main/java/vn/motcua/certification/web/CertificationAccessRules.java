package vn.motcua.certification.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.motcua.identity.Permission;
import vn.motcua.platform.security.AccessRules;

/** The counter's certification pages and the books are for officials who certify; the service checks the commune. */
@Configuration(proxyBeanMethods = false)
class CertificationAccessRules {

    @Bean
    AccessRules certificationAccess() {
        return rules -> rules.requestMatchers("/quan-tri/chung-thuc", "/quan-tri/chung-thuc/**")
                .hasAuthority(Permission.CERTIFY_COPY.name());
    }
}
