package vn.motcua.identity.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.motcua.identity.internal.oidc.TestIdentityProvider;
import vn.motcua.support.AlternativeIntegrationTest;

/**
 * The demo application with no citizen identity provider configured (the alternative setup has none) starts the test
 * identity provider as the port's one bean, and the provider answers discovery on loopback.
 */
@AlternativeIntegrationTest
class DemoIdentityProviderInAppTest {

    @Autowired
    TestIdentityProvider testIdentityProvider;

    @Test
    void theTestIdentityProviderRunsAndAnswersDiscovery() throws Exception {
        assertThat(testIdentityProvider).isInstanceOf(DemoIdentityProvider.class);
        URI discovery = URI.create(testIdentityProvider.issuer() + "/.well-known/openid-configuration");
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(discovery).GET().build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(200);
            JsonNode document = JsonMapper.builder().build().readTree(answer.body());
            assertThat(document.path("issuer").asString()).isEqualTo(testIdentityProvider.issuer().toString());
            assertThat(document.path("authorization_endpoint").asString()).endsWith("/vneid-thu-nghiem/authorize");
            assertThat(document.path("end_session_endpoint").asString()).endsWith("/vneid-thu-nghiem/endsession");
        }
    }
}
