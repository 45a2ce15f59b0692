package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.support.ApiClient;
import vn.motcua.support.ApiClient.FilePart;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestData;

/** The official forms come from the dossier's own facts, at the points of its life where the rules call for them. */
@IntegrationTest
class DossierFormsTest {

    static final String WARD = "000.31.01.H57";
    static final String BIRTH = "1.001193";

    @LocalServerPort int port;
    @Autowired CatalogService catalog;

    @Test
    void eachFormAppearsWhenItsMomentComesAndCarriesTheDossier() throws Exception {
        ApiClient citizen = ApiClient.signIn(port, "citizen", "demo123");
        ApiClient reception = ApiClient.signIn(port, "reception", "demo123");
        ApiClient specialist = ApiClient.signIn(port, "specialist", "demo123");
        ApiClient leader = ApiClient.signIn(port, "leader", "demo123");

        String code = submit(citizen);
        assertThat(citizen.get("/api/v1/dossiers/" + code + "/forms/01").status()).isEqualTo(404); // not received yet
        reception.postJson("/api/v1/dossiers/" + code + "/actions", Map.of("action", "RECEIVE"));
        String slip = text(reception, code, "01");
        assertThat(slip).contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", code, "Nguyễn Văn An", "Đăng ký khai sinh",
                "Lê Thị Cúc", "Huế, ngày");
        assertThat(text(citizen, code, "01")).contains(code);

        // Receiving it moved it on to the specialist's step, where the supplement is asked for.
        specialist.postJson("/api/v1/dossiers/" + code + "/actions", Map.of("action", "REQUEST_SUPPLEMENT",
                "items", List.of("Bản sao giấy chứng sinh có dấu giáp lai"), "note", "Bản chụp thiếu dấu"));
        assertThat(text(citizen, code, "02")).contains("Bản sao giấy chứng sinh có dấu giáp lai", code);

        String late = submit(citizen);
        reception.postJson("/api/v1/dossiers/" + late + "/actions", Map.of("action", "RECEIVE"));
        leader.postJson("/api/v1/dossiers/" + late + "/actions", Map.of("action", "APOLOGIZE",
                "note", "Chờ xác minh thông tin hộ tịch", "newDueAt", Instant.now().plus(Duration.ofDays(7)).toString()));
        assertThat(text(citizen, late, "04")).contains("Chờ xác minh thông tin hộ tịch", late);
        specialist.postJson("/api/v1/dossiers/" + late + "/actions", Map.of("action", "REFUSE",
                "note", "Người yêu cầu không đủ điều kiện"));
        assertThat(text(citizen, late, "05")).contains("Người yêu cầu không đủ điều kiện");

        String refused = submit(citizen);
        reception.postJson("/api/v1/dossiers/" + refused + "/actions", Map.of("action", "REFUSE",
                "note", "Thủ tục không thuộc thẩm quyền của phường"));
        assertThat(text(citizen, refused, "03")).contains("Thủ tục không thuộc thẩm quyền của phường", refused);
        assertThat(citizen.get("/api/v1/dossiers/" + refused + "/forms/01").status()).isEqualTo(404);

        // The control sheet lists every hand-over; it is for officials.
        assertThat(text(reception, code, "06")).contains(code, "Lê Thị Cúc");
        assertThat(citizen.get("/api/v1/dossiers/" + code + "/forms/06").status()).isEqualTo(404);
    }

    @Test
    void theDossierLogListsWhatTheCounterReceived() throws Exception {
        ApiClient citizen = ApiClient.signIn(port, "citizen", "demo123");
        ApiClient reception = ApiClient.signIn(port, "reception", "demo123");
        String code = submit(citizen);
        reception.postJson("/api/v1/dossiers/" + code + "/actions", Map.of("action", "RECEIVE"));

        HttpClient http = HttpClient.newHttpClient();
        String session = sessionCookie(http);
        HttpResponse<byte[]> log = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/quan-tri/so-theo-doi"))
                .header("Cookie", session).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(log.statusCode()).isEqualTo(200);
        String text = pdfText(log.body());
        assertThat(text).contains("SỔ THEO DÕI HỒ SƠ", "Đăng ký khai sinh");
        assertThat(text.replace(" ", "")).as("the code may wrap in its narrow column").contains(code);
    }

    private String sessionCookie(HttpClient http) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/dang-nhap"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String csrf = page.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/dang-nhap"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=reception&password=demo123&_csrf=" + csrf)).build(),
                HttpResponse.BodyHandlers.ofString());
        // The login answer also drops the anonymous CSRF cookie: keep the session's.
        return login.headers().allValues("Set-Cookie").stream().map(c -> c.split(";")[0])
                .filter(c -> c.startsWith("SESSION=")).findFirst().orElse(cookie);
    }

    private String submit(ApiClient citizen) {
        Procedure procedure = catalog.procedure(BIRTH).orElseThrow();
        Map<String, Object> parts = ApiClient.parts();
        parts.put("dossier", Map.of("procedureCode", BIRTH, "agencyCode", WARD, "formData", TestData.validFormData(procedure)));
        for (int i = 0; i < procedure.documents().size(); i++) {
            if (procedure.documents().get(i).mandatory()) {
                parts.put("document" + i, FilePart.pdf("giay-to.pdf"));
            }
        }
        return citizen.postMultipart("/api/v1/dossiers", parts, null).json().get("code").asString();
    }

    private String text(ApiClient who, String code, String form) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/dossiers/" + code + "/forms/" + form))
                .header("Authorization", "Bearer " + who.token()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("form " + form).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        return pdfText(response.body());
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
