package vn.motcua.reporting.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import vn.motcua.platform.security.AccessRules;

/** The service index is public (aggregates only, as on the national portal). */
@Configuration(proxyBeanMethods = false)
class ReportingAccessRules {

    @Bean
    AccessRules reportingAccess() {
        return rules -> rules.requestMatchers(HttpMethod.GET, "/api/v1/reports/service-index").permitAll();
    }
}
