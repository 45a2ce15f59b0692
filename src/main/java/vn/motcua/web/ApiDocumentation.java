package vn.motcua.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import vn.motcua.platform.security.AccessRules;

/** The OpenAPI description of the JSON API, public at {@code /v3/api-docs} (as YAML at {@code /v3/api-docs.yaml}). */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI motcuaApi() {
        return new OpenAPI().info(new Info().title("MộtCửa API").version("v1")
                .description("Catalog of administrative procedures, dossiers and tracking. Authenticate with "
                        + "POST /api/v1/auth/token and send Authorization: Bearer <token>. Errors are "
                        + "{\"error\", \"message\"} with a Vietnamese message (English with ?lang=en).")
                .license(new License().name("Open source")));
    }

    @Bean
    static AccessRules apiDocumentationAccess() {
        return rules -> rules.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml")
                .permitAll();
    }
}
