package vn.motcua.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.motcua.catalog.CatalogService;
import vn.motcua.support.ApiClient;
import vn.motcua.support.ApiClient.FilePart;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestData;

/**
 * What an outside tester sent after the first round of fixes: NUL inside JSON and inside a file name, huge
 * usernames, addresses nothing serves, a forged Host header, a form posted without its token. Each is answered in
 * the project's own words and shape, with a fitting status, and changes nothing.
 */
@IntegrationTest
class HostileRequestsTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired CatalogService catalog;
    @Autowired MockMvc mvc;

    @Test
    void aNulInsideJsonIsA400NamingTheFieldAndStoresNothing() {
        int petitions = count("petition");
        HttpResponse<String> petition = Http.postJson(port, "/api/v1/petitions", """
                {"name": "Trần\\u0000Bình", "phone": "0905123456", "content": "Nội dung", "consentToPublish": false}""");
        assertThat(petition.statusCode()).isEqualTo(400);
        assertThat(petition.body()).contains("\"error\":\"invalid_request\"").contains("name").contains("ký tự điều khiển");
        assertThat(count("petition")).isEqualTo(petitions);

        HttpResponse<String> token = Http.postJson(port, "/api/v1/auth/token",
                "{\"username\":\"ab\\u0000c\",\"password\":\"x\"}");
        assertThat(token.statusCode()).isEqualTo(400);

        ApiClient citizen = ApiClient.signIn(port, "citizen", "demo123");
        Map<String, Object> parts = TestData.submission(catalog.procedure("1.001193").orElseThrow(), "000.31.01.H57");
        @SuppressWarnings("unchecked")
        Map<String, Object> dossier = new java.util.LinkedHashMap<>((Map<String, Object>) parts.get("dossier"));
        @SuppressWarnings("unchecked")
        Map<String, String> form = new java.util.LinkedHashMap<>((Map<String, String>) dossier.get("formData"));
        form.replaceAll((k, v) -> v + "\u0000");
        dossier.put("formData", form);
        parts.put("dossier", dossier);
        int dossiers = count("dossier");
        ApiClient.Response refused = citizen.postMultipart("/api/v1/dossiers", parts, null);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("ký tự điều khiển");
        assertThat(count("dossier")).isEqualTo(dossiers);
    }

    @Test
    void aNulInAFileNameIsA400InVietnamese() {
        ApiClient citizen = ApiClient.signIn(port, "citizen", "demo123");
        Map<String, Object> parts = TestData.submission(catalog.procedure("1.001193").orElseThrow(), "000.31.01.H57");
        String first = parts.keySet().stream().filter(k -> k.startsWith("document")).findFirst().orElseThrow();
        parts.put(first, new FilePart("a\u0000b.pdf", "application/pdf", TestData.realPdf("scan")));
        int dossiers = count("dossier");
        ApiClient.Response refused = citizen.postMultipart("/api/v1/dossiers", parts, null);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("ký tự điều khiển");
        assertThat(count("dossier")).isEqualTo(dossiers);
    }

    @Test
    void aHugeUsernameIsRefusedAndNeverStoredWhole() throws Exception {
        String huge = "u".repeat(100_000);
        HttpResponse<String> token = Http.postJson(port, "/api/v1/auth/token",
                "{\"username\":\"" + huge + "\",\"password\":\"x\"}");
        assertThat(token.statusCode()).isEqualTo(400);
        assertThat(token.body()).contains("username").contains("dài quá 100 ký tự");
        // Through the login form it is just a wrong sign-in, recorded cut short.
        mvc.perform(post("/dang-nhap").param("username", huge).param("password", "x").with(csrf()));
        assertThat(jdbc.sql("select coalesce(max(length(actor)), 0) from audit_pending").query(Integer.class).single())
                .isLessThanOrEqualTo(200);
        assertThat(jdbc.sql("select coalesce(max(length(actor)), 0) from audit_entry").query(Integer.class).single())
                .isLessThanOrEqualTo(200);
    }

    @Test
    void theApiAnswersInItsOwnShapeForWhatItDoesNotServe() {
        HttpResponse<String> unknown = Http.get(port, "/api/v1/khong-co");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"error\":\"not_found\"").contains("Không tìm thấy");

        ApiClient citizen = ApiClient.signIn(port, "citizen", "demo123");
        HttpResponse<String> json = Http.postJson(port, "/api/v1/dossiers", "{}",
                "Authorization", "Bearer " + citizen.token());
        assertThat(json.statusCode()).isEqualTo(415);
        assertThat(json.body()).contains("\"error\":\"unsupported_media_type\"").contains("không được hỗ trợ");

        // A path the firewall refuses (a ';') is a bad request in Vietnamese, not a system failure.
        HttpResponse<String> page = Http.get(port, "/thu-tuc/a;b");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("Yêu cầu không hợp lệ").doesNotContain("Hệ thống đang gặp sự cố");
        HttpResponse<String> api = Http.get(port, "/api/v1/procedures/a;b");
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.body()).contains("\"error\":\"invalid_request\"").contains("Yêu cầu không hợp lệ");
    }

    @Test
    void aRedirectNeverPointsWhereTheHostHeaderSays() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /ho-so-cua-toi HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String head = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).split("\r\n\r\n")[0];
            assertThat(head).startsWith("HTTP/1.1 302").containsPattern("(?i)location: /dang-nhap")
                    .doesNotContain("evil.example");
        }
    }

    @Test
    void aFormSentWithoutItsTokenSaysThePageIsStale() {
        HttpResponse<String> stale = Http.post(port, "/phan-anh-kien-nghi/gui", "name=An&phone=0905123456&content=X");
        assertThat(stale.statusCode()).isEqualTo(403);
        assertThat(stale.body()).contains("Trang đã mở quá lâu").doesNotContain("không có quyền");
    }

    private int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }
}
