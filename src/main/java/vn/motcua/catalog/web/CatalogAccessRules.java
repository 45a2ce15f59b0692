package vn.motcua.catalog.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import vn.motcua.identity.Permission;
import vn.motcua.platform.security.AccessRules;

/** Who may reach the catalog: anyone may read it; only catalog managers change it. */
@Configuration(proxyBeanMethods = false)
class CatalogAccessRules {

    @Bean
    AccessRules catalogAccess() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/", "/tim-kiem", "/thu-tuc", "/thu-tuc/**").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/v1/procedures", "/api/v1/procedures/**").permitAll()
                .requestMatchers("/quan-tri/thu-tuc", "/quan-tri/thu-tuc/**").hasAuthority(Permission.CATALOG_MANAGE.name());
    }
}
