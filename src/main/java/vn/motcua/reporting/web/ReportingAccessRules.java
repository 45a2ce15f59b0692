package vn.motcua.reporting.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;

import vn.motcua.identity.Permission;
import vn.motcua.platform.security.AccessRules;

/**
 * The service index and the transparency page are public (aggregates only, as on the national portal). The dashboard
 * and its tables need {@link Permission#VIEW_REPORTS}; the dossiers behind its figures and their exports need
 * {@link Permission#HANDLE_DOSSIER} as well (administrators see figures, not dossiers); which agency a person may
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
                // The dossiers behind a figure are personal data: only officials who handle dossiers see them.
                .requestMatchers("/quan-tri/bao-cao/ho-so", "/quan-tri/bao-cao/ho-so/**", "/quan-tri/bao-cao/xuat/*",
                        "/quan-tri/bao-cao/xuat/*/tai-ve")
                .access(AuthorizationManagers.allOf(AuthorityAuthorizationManager.hasAuthority(Permission.VIEW_REPORTS.name()),
                        AuthorityAuthorizationManager.hasAuthority(Permission.HANDLE_DOSSIER.name())))
                .requestMatchers("/quan-tri/bao-cao", "/quan-tri/bao-cao/**").hasAuthority(Permission.VIEW_REPORTS.name());
    }
}
