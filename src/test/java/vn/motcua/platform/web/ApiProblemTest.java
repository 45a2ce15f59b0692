package vn.motcua.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.motcua.support.ApiClient;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;

/**
 * Every kind of API error answers RFC 9457 problem details, {@code application/problem+json}, with the stable code
 * both in {@code type} and in {@code error}, and the Vietnamese message as {@code detail} (and {@code message}),
 * whichever layer refused the request: the security filters, Spring's dispatcher, the exception handlers, a
 * controller.
 */
@IntegrationTest
class ApiProblemTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;

    @Test
    void withoutOrWithAForgedTokenIs401() {
        assertProblem(Http.get(port, "/api/v1/me"), 401, "unauthorized", "/api/v1/me");
        assertProblem(Http.get(port, "/api/v1/me", "Authorization", "Bearer forged"), 401, "invalid_token",
                "/api/v1/me");
        assertProblem(Http.postJson(port, "/api/v1/auth/token", "{\"username\":\"citizen\",\"password\":\"sai\"}"),
                401, "invalid_grant", "/api/v1/auth/token");
    }

    @Test
    void aCitizenRevokingAResultIs403() {
        ApiClient citizen = ApiClient.signIn(port, "citizen", "demo123");
        assertProblem(Http.postJson(port, "/api/v1/results/KQ-1/revoke", "{}",
                "Authorization", "Bearer " + citizen.token()), 403, "forbidden", "/api/v1/results/KQ-1/revoke");
    }

    @Test
    void whatTheApiDoesNotServeIs404405Or415() {
        assertProblem(Http.get(port, "/api/v1/khong-co"), 404, "not_found", "/api/v1/khong-co");
        ApiClient citizen = ApiClient.signIn(port, "citizen", "demo123");
        assertProblem(Http.postJson(port, "/api/v1/me", "{}", "Authorization", "Bearer " + citizen.token()), 405,
                "method_not_allowed", "/api/v1/me");
        assertProblem(Http.post(port, "/api/v1/auth/token", "username=citizen"), 415, "unsupported_media_type",
                "/api/v1/auth/token");
    }

    @Test
    void badJsonAndInvalidInputAre400WithEveryProblem() {
        JsonNode broken = assertProblem(Http.postJson(port, "/api/v1/auth/token", "{\"username\":"), 400,
                "invalid_request", "/api/v1/auth/token");
        assertThat(broken.get("detail").asString()).contains("Yêu cầu không hợp lệ");

        JsonNode invalid = assertProblem(Http.postJson(port, "/api/v1/petitions", "{\"name\": \" \", \"content\": \"\"}"),
                400, "invalid_request", "/api/v1/petitions");
        assertThat(invalid.get("problems").isArray()).isTrue();
        assertThat(invalid.get("problems").valueStream().map(JsonNode::asString).toList())
                .contains("Hãy nhập họ và tên người gửi.");
    }

    @Test
    void anUploadOverTheLimitIs413() throws IOException {
        ApiClient citizen = ApiClient.signIn(port, "citizen", "demo123");
        // The declared length is over the limit: the server refuses before reading a body it never gets.
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/dossiers HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + citizen.token()
                    + "\r\nContent-Type: multipart/form-data; boundary=xyz\r\nContent-Length: 100000000\r\n"
                    + "Connection: close\r\n\r\n--xyz\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = readHead(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 413");
            assertThat(answer.toLowerCase()).contains("content-type: application/problem+json");
            assertThat(answer).contains("\"type\":\"urn:motcua:problem:too_large\"").contains("\"error\":\"too_large\"");
        }
    }

    private static String readHead(InputStream in) throws IOException {
        byte[] buffer = new byte[16_384];
        int total = 0;
        while (total < buffer.length) {
            int read = in.read(buffer, total, buffer.length - total);
            if (read < 0 || new String(buffer, 0, total + read, StandardCharsets.UTF_8).contains("\"error\"")) {
                total += Math.max(read, 0);
                break;
            }
            total += read;
        }
        return new String(buffer, 0, total, StandardCharsets.UTF_8);
    }

    private static JsonNode assertProblem(HttpResponse<String> response, int status, String error, String path) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .as(path).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:motcua:problem:" + error);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("instance").asString()).isEqualTo(path);
        assertThat(problem.get("error").asString()).isEqualTo(error);
        assertThat(problem.get("detail").asString()).isNotBlank().isEqualTo(problem.get("message").asString());
        return problem;
    }
}
