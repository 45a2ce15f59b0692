package vn.motcua.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import vn.motcua.platform.security.AccessRules;
import vn.motcua.platform.web.ApiProblem;

/** The OpenAPI description of the JSON API, public at {@code /v3/api-docs} (as YAML at {@code /v3/api-docs.yaml}). */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    @Bean
    OpenAPI motcuaApi() {
        return new OpenAPI().info(new Info().title("MộtCửa API").version("v1")
                .description("Catalog of administrative procedures, dossiers and tracking. Authenticate with "
                        + "POST /api/v1/auth/token and send Authorization: Bearer <token>. Errors are RFC 9457 "
                        + "problem details (application/problem+json): type " + ApiProblem.TYPE_PREFIX
                        + "<error>, title, status, detail (a Vietnamese message, English with ?lang=en), instance, "
                        + "and the members error (a stable code), message (the same as detail) and, for invalid "
                        + "input, problems (every problem found).")
                .license(new License().name("Open source")));
    }

    /**
     * Every API operation's error answers are problem details: its documented 4xx and 5xx answers and a default one,
     * whatever springdoc inferred from the exception handlers.
     */
    @Bean
    OpenApiCustomizer problemDetailsForErrors() {
        return api -> {
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
                if (operation.getResponses() == null) {
                    return;
                }
                operation.getResponses().forEach((code, response) -> {
                    if (code.startsWith("4") || code.startsWith("5")) {
                        response.setContent(problemContent());
                    }
                });
                operation.getResponses().addApiResponse("default",
                        new ApiResponse().description("An error, as problem details").content(problemContent()));
            }));
        };
    }

    private static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    }

    private static Schema<?> problemSchema() {
        Map<String, Schema> members = new LinkedHashMap<>();
        members.put("type", new StringSchema().format("uri").example(ApiProblem.TYPE_PREFIX + "not_found"));
        members.put("title", new StringSchema().example("Not Found"));
        members.put("status", new IntegerSchema().example(404));
        members.put("detail", new StringSchema().example("Không tìm thấy hồ sơ."));
        members.put("instance", new StringSchema().format("uri-reference").example("/api/v1/tracking/X"));
        members.put("error", new StringSchema().description("A stable code for programs").example("not_found"));
        members.put("message", new StringSchema().description("The same as detail"));
        members.put("problems", new ArraySchema().items(new StringSchema())
                .description("For invalid input: every problem found"));
        return new ObjectSchema().description("RFC 9457 problem details").properties(members)
                .required(List.of("type", "title", "status", "error"));
    }

    @Bean
    static AccessRules apiDocumentationAccess() {
        return rules -> rules.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml")
                .permitAll();
    }
}
