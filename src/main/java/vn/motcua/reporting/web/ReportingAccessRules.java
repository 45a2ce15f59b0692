package vn.motcua.reporting.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import vn.motcua.identity.Permission;
import vn.motcua.platform.security.AccessRules;

/**
 * The service index and the transparency page are public (aggregates only, as on the national portal). The dashboard,
 * the dossiers behind its figures and their exports need {@link Permission#VIEW_REPORTS}; which agency a person may
 * see is checked on every request by {@link ReportScopes}. Rebuilding the read model needs
 * {@link Permission#REBUILD_REPORTS}.
 */
@Configuration(proxyBeanMethods = false)
class ReportingAccessRules {

    @Bean
    AccessRules reportingAccess() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/v1/reports/service-index", "/minh-bach", "/minh-bach/xuat.xlsx")
                .permitAll()
                .requestMatchers(HttpMethod.POST, "/quan-tri/bao-cao/xay-dung-lai")
                .hasAuthority(Permission.REBUILD_REPORTS.name())
                .requestMatchers("/quan-tri/bao-cao", "/quan-tri/bao-cao/**").hasAuthority(Permission.VIEW_REPORTS.name());
    }
}
