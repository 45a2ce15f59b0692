package vn.motcua.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.motcua.catalog.CatalogService;
import vn.motcua.result.ResultService;
import vn.motcua.support.Accounts;
import vn.motcua.support.ApiClient;
import vn.motcua.support.ApiClient.FilePart;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestData;

/**
 * Input that people (or scripts) can send and that used to answer 500: each is now a 400 with a Vietnamese message
 * (or is made harmless) and changes nothing.
 */
@IntegrationTest
class BadInputTest {

    static final String WARD = "000.31.01.H57";
    static final String BIRTH = "1.001193";

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired CatalogService catalog;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired ResultService results;

    @Test
    void aNulInAQueryParameterIsA400() throws Exception {
        for (String path : new String[]{"/thu-tuc?linhVuc=%00", "/xac-thuc?so=%00", "/tim-kiem?q=a%00b",
                "/thu-tuc?linhVuc=a%0D%0Ab", "/api/v1/procedures/search?q=%00"}) {
            HttpResponse<String> response = Http.get(port, path);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.body()).as(path).contains("ký tự điều khiển");
        }
        int status = mvc.perform(get("/quan-tri/ho-so").param("q", "\u0000")
                .with(user(accounts.findUser("reception").orElseThrow()))).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(400);
    }

    @Test
    void aPageFarAwayIsA400NotANegativeOffset() {
        assertThat(Http.get(port, "/thu-tuc?trang=99999999").statusCode()).isEqualTo(400);
        assertThat(Http.get(port, "/phan-anh-kien-nghi?trang=99999999").statusCode()).isEqualTo(400);
        HttpResponse<String> api = Http.get(port, "/api/v1/procedures?page=99999999&size=50");
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.body()).contains("Số trang không hợp lệ");
        assertThat(Http.get(port, "/thu-tuc?trang=2").statusCode()).isEqualTo(200);
    }

    @Test
    void anUnsupportedLanguageCookieIsIgnored() {
        for (String cookie : new String[]{"motcua-lang=..", "motcua-lang=xx-!!", "motcua-lang=fr"}) {
            HttpResponse<String> page = Http.get(port, "/", "Cookie", cookie);
            assertThat(page.statusCode()).as(cookie).isEqualTo(200);
            assertThat(page.body()).as(cookie).contains("lang=\"vi\"");
            assertThat(Http.get(port, "/api/v1/procedures?page=0&size=1", "Cookie", cookie).statusCode()).isEqualTo(200);
        }
        assertThat(Http.get(port, "/?lang=..").statusCode()).isEqualTo(200);
        assertThat(Http.get(port, "/", "Cookie", "motcua-lang=en").body()).contains("lang=\"en\"");
    }

    @Test
    void malformedJsonPartsAreA400() {
        ApiClient citizen = ApiClient.signIn(port, "citizen", "demo123");
        Map<String, Object> parts = TestData.submission(catalog.procedure(BIRTH).orElseThrow(), WARD);
        parts.put("dossier", "{not json");
        ApiClient.Response submitted = citizen.postMultipart("/api/v1/dossiers", parts, null);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(400);
        assertThat(submitted.json().get("message").asString()).contains("Yêu cầu không hợp lệ");

        Map<String, Object> action = ApiClient.parts();
        action.put("action", "[1,2");
        ApiClient.Response acted = citizen.postMultipart("/api/v1/dossiers/KHONG-CO/actions", action, null);
        assertThat(acted.status()).as(acted.body()).isEqualTo(400);
    }

    @Test
    void anOverlongIdempotencyKeyIsA400AndCreatesNothing() {
        ApiClient citizen = ApiClient.signIn(port, "citizen", "demo123");
        long before = dossiersOf("citizen");
        ApiClient.Response response = citizen.postMultipart("/api/v1/dossiers",
                TestData.submission(catalog.procedure(BIRTH).orElseThrow(), WARD), "k".repeat(129));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("Idempotency-Key quá dài");
        assertThat(dossiersOf("citizen")).isEqualTo(before);
    }

    @Test
    void aWalkInApplicantsOverlongIdOrPhoneIsA400() {
        ApiClient reception = ApiClient.signIn(port, "reception", "demo123");
        long before = dossiersOf("reception");
        Map<String, Object> parts = TestData.submission(catalog.procedure(BIRTH).orElseThrow(), WARD);
        @SuppressWarnings("unchecked")
        Map<String, Object> dossier = new HashMap<>((Map<String, Object>) parts.get("dossier"));
        dossier.put("applicant", Map.of("fullName", "Lê Văn Tám", "idNumber", "0460800011112222",
                "phone", "0905111222333444555666", "taxCode", "33012345678901234"));
        parts.put("dossier", dossier);
        ApiClient.Response response = reception.postMultipart("/api/v1/dossiers", parts, null);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("12 chữ số", "Số điện thoại", "Mã số thuế");
        assertThat(dossiersOf("reception")).isEqualTo(before);
    }

    @Test
    void aSingleLineFieldWithALineBreakIsRefused() {
        ApiClient citizen = ApiClient.signIn(port, "citizen", "demo123");
        Map<String, Object> parts = TestData.submission(catalog.procedure(BIRTH).orElseThrow(), WARD);
        @SuppressWarnings("unchecked")
        Map<String, Object> dossier = new HashMap<>((Map<String, Object>) parts.get("dossier"));
        @SuppressWarnings("unchecked")
        Map<String, String> form = new HashMap<>((Map<String, String>) dossier.get("formData"));
        String textField = catalog.procedure(BIRTH).orElseThrow().formFields().stream()
                .filter(f -> f.type() == vn.motcua.catalog.FieldType.TEXT).findFirst().orElseThrow().key();
        form.put(textField, "Nguyễn Văn\r\nAn");
        dossier.put("formData", form);
        parts.put("dossier", dossier);
        ApiClient.Response response = citizen.postMultipart("/api/v1/dossiers", parts, null);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("chỉ được viết trên một dòng");
    }

    @Test
    void fileNamesAreCleanedNeverRefusedForTheirLength() {
        ApiClient citizen = ApiClient.signIn(port, "citizen", "demo123");
        Map<String, Object> parts = TestData.submission(catalog.procedure(BIRTH).orElseThrow(), WARD);
        String longName = "giấy-tờ-".repeat(56) + ".pdf"; // 452 characters
        parts.put("document0", new FilePart(longName, "application/pdf", TestData.realPdf("A")));
        ApiClient.Response response = citizen.postMultipart("/api/v1/dossiers", parts, null);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        String code = response.json().get("code").asString();
        String stored = citizen.get("/api/v1/dossiers/" + code).json().get("files").get(0).get("fileName").asString();
        assertThat(stored).endsWith(".pdf").hasSizeLessThanOrEqualTo(120);

        Map<String, Object> nul = TestData.submission(catalog.procedure(BIRTH).orElseThrow(), WARD);
        nul.put("document0", new FilePart("to\u0000khai\u202Efdp.exe.pdf", "application/pdf", TestData.realPdf("B")));
        ApiClient.Response withNul = citizen.postMultipart("/api/v1/dossiers", nul, null);
        assertThat(withNul.status()).as(withNul.body()).isIn(201, 400);
        if (withNul.status() == 201) {
            String name = citizen.get("/api/v1/dossiers/" + withNul.json().get("code").asString()).json()
                    .get("files").get(0).get("fileName").asString();
            assertThat(name).doesNotContain("\u0000", "\u202E");
        }
    }

    @Test
    void aPdfWithJavaScriptIsRefusedAsADocumentAndNeverSignedAsAResult() throws Exception {
        byte[] scripted = vn.motcua.platform.files.FileInspectionTest.pdf(d -> d.getDocumentCatalog()
                .setOpenAction(new PDActionJavaScript("app.launchURL('http://example.com')")));
        ApiClient citizen = ApiClient.signIn(port, "citizen", "demo123");
        long before = dossiersOf("citizen");
        Map<String, Object> parts = TestData.submission(catalog.procedure(BIRTH).orElseThrow(), WARD);
        parts.put("document0", new FilePart("giay-chung-sinh.pdf", "application/pdf", scripted));
        ApiClient.Response response = citizen.postMultipart("/api/v1/dossiers", parts, null);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("giay-chung-sinh.pdf", "nội dung thực thi");
        assertThat(dossiersOf("citizen")).isEqualTo(before);

        assertThatThrownBy(() -> results.issue("KHONG-CO-" + System.nanoTime(), WARD, "kq.pdf", scripted, "leader"))
                .isInstanceOf(UserFacingException.class)
                .extracting(e -> ((UserFacingException) e).messageKey()).isEqualTo("file.problem.ACTIVE_CONTENT");
        String polyglot = "%PDF-1.7\n<html><script>alert(1)</script></html>";
        assertThatThrownBy(() -> results.issue("KHONG-CO-" + System.nanoTime(), WARD, "kq.pdf",
                polyglot.getBytes(StandardCharsets.US_ASCII), "leader")).isInstanceOf(UserFacingException.class);
    }

    private long dossiersOf(String username) {
        return jdbc.sql("select count(*) from dossier where created_by = ?").param(username).query(Long.class).single();
    }
}
