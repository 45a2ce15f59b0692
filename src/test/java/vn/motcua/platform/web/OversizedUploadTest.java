package vn.motcua.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.motcua.support.IntegrationTest;
import vn.motcua.support.PageClient;

/** A file over the request limit sent from a page gets the portal's own page in Vietnamese, not the server's. */
@IntegrationTest
class OversizedUploadTest {

    @LocalServerPort int port;

    @Test
    void anUploadOverTheLimitFromAPageGetsTheVietnameseErrorPage() throws Exception {
        PageClient visitor = new PageClient(port);
        String page = visitor.get("/xac-thuc").body();
        int at = page.indexOf("name=\"_csrf\" value=\"") + "name=\"_csrf\" value=\"".length();
        String csrf = page.substring(at, page.indexOf('"', at));

        String boundary = "----motcua" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ket-qua.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[61 * 1024 * 1024]);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

        HttpClient http = HttpClient.newBuilder().cookieHandler(visitor.cookies()).connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/xac-thuc"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("lang=\"vi\"", "Tệp quá lớn").doesNotContain("Apache Tomcat").doesNotContain("HTTP Status 413");
    }
}
