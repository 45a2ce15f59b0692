package vn.motcua.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;

@IntegrationTest
class ApiDocumentationTest {

    @LocalServerPort int port;

    @Test
    void theOpenApiDescriptionListsTheApi() {
        HttpResponse<String> response = Http.get(port, "/v3/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode paths = JsonMapper.builder().build().readTree(response.body()).get("paths");
        assertThat(paths.has("/api/v1/dossiers")).isTrue();
        assertThat(paths.has("/api/v1/dossiers/{code}/actions")).isTrue();
        assertThat(paths.has("/api/v1/tracking/{code}")).isTrue();
        assertThat(paths.has("/api/v1/procedures/search")).isTrue();
        assertThat(paths.has("/api/v1/auth/token")).isTrue();
        assertThat(paths.has("/quan-tri/ho-so")).as("pages are not part of the API").isFalse();
    }

    @Test
    void apiErrorsAreDescribedAsProblemDetails() {
        JsonNode api = JsonMapper.builder().build().readTree(Http.get(port, "/v3/api-docs").body());
        JsonNode problem = api.get("components").get("schemas").get("Problem");
        assertThat(problem.get("properties").propertyNames())
                .contains("type", "title", "status", "detail", "instance", "error", "message", "problems");
        JsonNode tracking = api.get("paths").get("/api/v1/tracking/{code}").get("get").get("responses");
        assertThat(tracking.get("default").get("content").get("application/problem+json").get("schema")
                .get("$ref").asString()).isEqualTo("#/components/schemas/Problem");
    }
}
