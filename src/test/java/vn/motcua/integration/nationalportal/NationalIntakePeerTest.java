package vn.motcua.integration.nationalportal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.motcua.support.Accounts;
import vn.motcua.support.AlternativeIntegrationTest;
import vn.motcua.support.Peers;
import vn.motcua.platform.security.HmacSignatures;

/**
 * The intake against the national portal's API played by WireMock on loopback (the {@link AlternativeIntegrationTest}
 * application is pointed at it with a test secret): pull and push, duplicates, refusals, retries of document fetches
 * and acknowledgements through an outage, and what is refused as unsigned or malformed. Each ends with one dossier at
 * most per national code, and the record on the administrator's page.
 */
@AlternativeIntegrationTest
class NationalIntakePeerTest {

    static final WireMockServer PORTAL = Peers.NATIONAL_PORTAL;
    static final String SECRET = Peers.NATIONAL_PORTAL_SECRET;
    static final String BASE = Peers.NATIONAL_PORTAL_PATH;
    static final String PROCEDURE = "1.010041";
    static final String WARD = "000.31.01.H57";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort int port;
    @Autowired NationalIntake intake;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;

    @BeforeEach
    void reset() {
        PORTAL.resetAll();
        Peers.nationalPortalDefaults();
        // Each test follows its own national dossiers: what earlier tests left waiting is not due during this one.
        jdbc.sql("update national_intake set next_attempt_at = now() + interval '1 day' where state = 'WAITING'")
                .update();
        jdbc.sql("update national_intake_ack set next_attempt_at = now() + interval '1 day' where sent_at is null")
                .update();
    }

    @Test
    void aPulledDossierBecomesOneDossierWithItsDocumentsAndIsAcknowledged() throws Exception {
        String code = nationalCode();
        stubDocument("F-" + code, 200, SandboxDossiers.pdf("to khai"), true, 0);
        stubPull(dossier(code, PROCEDURE, WARD, fileUrl("F-" + code)));

        assertThat(intake.pull()).isEqualTo(1);

        Row d = dossierOf(code);
        assertThat(d.channel()).isEqualTo("NATIONAL_PORTAL");
        assertThat(d.status()).isEqualTo("SUBMITTED");
        assertThat(d.files()).isEqualTo(1);
        assertThat(intake.of(d.code())).contains(code);
        assertThat(state(code)).isEqualTo("RECEIVED");

        assertThat(intake.sendAcknowledgements()).isEqualTo(1);
        JsonNode ack = onlyAck(code);
        assertThat(ack.path("KetQua").asString()).isEqualTo("TIEP_NHAN");
        assertThat(ack.path("MaHoSoDiaPhuong").asString()).isEqualTo(d.code());
        // The pull and the documents were signed requests with the bearer token.
        LoggedRequest pull = PORTAL.findAll(postRequestedFor(urlEqualTo(BASE + "/ho-so/lay-danh-sach"))).getFirst();
        assertThat(pull.getHeader("Authorization")).isEqualTo("Bearer " + Peers.NATIONAL_PORTAL_TOKEN);
        assertThat(HmacSignatures.verify(SECRET, pull.getBody(), pull.getHeader("X-Signature"))).isTrue();
        // Acknowledged once: a second round sends nothing.
        assertThat(intake.sendAcknowledgements()).isZero();
    }

    @Test
    void aPushIsAcceptedOnceAndTheSameDossierPulledOrPushedAgainStaysOneDossier() throws Exception {
        String code = nationalCode();
        stubDocument("F-" + code, 200, SandboxDossiers.pdf("to khai"), true, 0);
        String body = dossier(code, PROCEDURE, WARD, fileUrl("F-" + code));

        HttpResponse<String> first = push(body, true);
        assertThat(first.statusCode()).isEqualTo(202);
        String ours = json.readTree(first.body()).path("MaHoSoDiaPhuong").asString();
        assertThat(ours).isEqualTo(dossierOf(code).code());

        HttpResponse<String> again = push(body, true);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json.readTree(again.body()).path("MaHoSoDiaPhuong").asString()).isEqualTo(ours);

        stubPull(body);
        intake.pull();
        assertThat(jdbc.sql("select count(*) from dossier where idempotency_key = ?").param(code)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select source from national_intake where national_code = ?").param(code)
                .query(String.class).single()).isEqualTo("PUSH");
    }

    @Test
    void theSameDossierPushedAndPulledAtOnceIsOneDossier() throws Exception {
        String code = nationalCode();
        stubDocument("F-" + code, 200, SandboxDossiers.pdf("to khai"), true, 300);
        String body = dossier(code, PROCEDURE, WARD, fileUrl("F-" + code));
        stubPull(body);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/national-portal/dossiers")).header("Content-Type", "application/json")
                .header("X-Signature", HmacSignatures.sign(SECRET, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        var pushed = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        intake.pull();
        assertThat(pushed.get().statusCode()).isIn(200, 202);

        assertThat(jdbc.sql("select count(*) from dossier where idempotency_key = ?").param(code)
                .query(Long.class).single()).isEqualTo(1);
        intake.retryDue();
        assertThat(state(code)).isEqualTo("RECEIVED");
        assertThat(dossierOf(code).files()).isEqualTo(1);
        intake.sendAcknowledgements();
        assertThat(PORTAL.findAll(postRequestedFor(urlEqualTo(BASE + "/ho-so/xac-nhan"))
                .withRequestBody(matchingJsonPath("$.MaHoSo", com.github.tomakehurst.wiremock.client.WireMock
                        .equalTo(code))))).hasSize(1);
    }

    @Test
    void anUnknownProcedureOrAgencyIsRefusedAcknowledgedWithTheReasonAndListed() throws Exception {
        String unknownProcedure = nationalCode();
        String unknownAgency = nationalCode();
        HttpResponse<String> refused = push(dossier(unknownProcedure, "9.999999", WARD, fileUrl("x")), true);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json.readTree(refused.body()).path("LyDo").asString()).contains("9.999999");
        stubPull(dossier(unknownAgency, PROCEDURE, "000.99.99.H99", fileUrl("x")));
        intake.pull();
        assertThat(state(unknownAgency)).isEqualTo("REFUSED");
        assertThat(noDossier(unknownProcedure) && noDossier(unknownAgency)).isTrue();

        intake.sendAcknowledgements();
        assertThat(onlyAck(unknownProcedure).path("KetQua").asString()).isEqualTo("TU_CHOI");
        assertThat(onlyAck(unknownAgency).path("LyDo").asString()).contains("000.99.99.H99");

        String page = adminPage("?trangThai=REFUSED");
        assertThat(page).contains(unknownProcedure, unknownAgency, "Không có thủ tục mã 9.999999", "Đã từ chối");
        assertThat(page).doesNotContain("Trần Văn Quốc Gia").contains("T*** V*** Q*** G***");
    }

    @Test
    void aDocumentThatFailsToComeIsRetriedThenTheDossierIsReceived() throws Exception {
        String code = nationalCode();
        stubPull(dossier(code, PROCEDURE, WARD, fileUrl("F-" + code)));
        stubDocument("F-" + code, 503, new byte[0], true, 0);
        intake.pull();
        assertThat(state(code)).isEqualTo("WAITING");
        // A timeout is a failed attempt too.
        stubDocument("F-" + code, 200, SandboxDossiers.pdf("to khai"), true, 6000);
        intake.retryDue();
        assertThat(state(code)).isEqualTo("WAITING");
        assertThat(attempts(code)).isEqualTo(2);
        assertThat(adminPage("?trangThai=WAITING")).contains(code, "Đã thử 2 lần");

        stubDocument("F-" + code, 200, SandboxDossiers.pdf("to khai"), true, 0);
        intake.retryDue();
        assertThat(state(code)).isEqualTo("RECEIVED");
        assertThat(dossierOf(code).files()).isEqualTo(1);
    }

    @Test
    void unsignedOrMalformedAnswersAndPushesApplyNothing() throws Exception {
        String code = nationalCode();
        String body = dossier(code, PROCEDURE, WARD, fileUrl("F-" + code));
        // A pull answer without a valid signature is not an answer.
        String answer = "{\"error_code\":\"0\",\"data\":[" + body + "]}";
        PORTAL.stubFor(post(urlEqualTo(BASE + "/ho-so/lay-danh-sach")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("X-Signature", "00ff").withBody(answer)));
        assertThatThrownBy(() -> intake.pull()).isInstanceOf(NationalPortalException.class);
        // A signed answer that is not JSON, or not error_code 0, neither.
        PORTAL.stubFor(post(urlEqualTo(BASE + "/ho-so/lay-danh-sach"))
                .willReturn(Peers.nationalPortalAnswer("{\"error_code\":\"99\",\"message\":\"bảo trì\"}")));
        assertThatThrownBy(() -> intake.pull()).isInstanceOf(NationalPortalException.class);
        // A document with a wrong signature is a failed fetch, not a document.
        stubPull(body);
        stubDocument("F-" + code, 200, SandboxDossiers.pdf("to khai"), false, 0);
        intake.pull();
        assertThat(state(code)).isEqualTo("WAITING");
        assertThat(noDossier(code)).isTrue();

        String other = nationalCode();
        HttpResponse<String> unsigned = push(dossier(other, PROCEDURE, WARD, fileUrl("x")), false);
        assertThat(unsigned.statusCode()).isEqualTo(401);
        HttpResponse<String> notJson = push("{\"MaHoSo\": ", true);
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("không phải JSON hợp lệ");
        HttpResponse<String> noCode = push("{\"MaTTHC\":\"1.010041\"}", true);
        assertThat(noCode.statusCode()).isEqualTo(400);
        assertThat(noCode.body()).contains("Hồ sơ thiếu trường MaHoSo");
        HttpResponse<String> nul = push("{\"MaHoSo\":\"" + other + "\",\"MaTTHC\":\"1.010041\\u0000\"}", true);
        assertThat(nul.statusCode()).isEqualTo(400);
        assertThat(nul.body()).contains("ký tự rỗng");
        // A body larger than any national dossier is not read to the end, signed or not.
        String huge = "{\"MaHoSo\":\"" + "x".repeat(NationalIntakeApi.MAX_BODY) + "\"}";
        for (boolean signed : new boolean[]{false, true}) {
            HttpResponse<String> tooLarge = push(huge, signed);
            assertThat(tooLarge.statusCode()).isEqualTo(413);
            assertThat(tooLarge.body()).contains("quá lớn");
        }
        assertThat(jdbc.sql("select count(*) from national_intake where national_code = ?").param(other)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aDocumentOutsideTheNationalPortalIsNeverFetchedAndTheDossierRefused() throws Exception {
        String code = nationalCode();
        String outside = "http://127.0.0.1:" + PORTAL.port() + "/khac/tep/F1";
        HttpResponse<String> answer = push(dossier(code, PROCEDURE, WARD, outside), true);
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("không nằm tại địa chỉ của Cổng Dịch vụ công quốc gia");
        assertThat(PORTAL.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlEqualTo("/khac/tep/F1")))).isEmpty();
        assertThat(noDossier(code)).isTrue();
    }

    @Test
    void anOutageLongerThanTheRetryWindowLosesNothing() throws Exception {
        String code = nationalCode();
        stubPull(dossier(code, PROCEDURE, WARD, fileUrl("F-" + code)));
        stubDocument("F-" + code, 500, new byte[0], true, 0);
        PORTAL.stubFor(post(urlEqualTo(BASE + "/ho-so/xac-nhan")).willReturn(aResponse().withStatus(503)));
        intake.pull();
        // More failed attempts than there are retry delays: the dossier keeps waiting, never given up.
        for (int i = 0; i < 7; i++) {
            intake.retryDue();
        }
        assertThat(state(code)).isEqualTo("WAITING");
        assertThat(attempts(code)).isEqualTo(8);

        stubDocument("F-" + code, 200, SandboxDossiers.pdf("to khai"), true, 0);
        intake.retryDue();
        assertThat(state(code)).isEqualTo("RECEIVED");
        // The acknowledgement fails while the outage lasts, and the administrator sees it.
        for (int i = 0; i < 3; i++) {
            intake.sendAcknowledgements();
        }
        assertThat(adminPage("?trangThai=RECEIVED")).contains(code, "Gửi chưa được", "Đã thử 3 lần");

        Peers.nationalPortalDefaults();
        PORTAL.stubFor(post(urlEqualTo(BASE + "/ho-so/xac-nhan")).atPriority(1)
                .willReturn(Peers.nationalPortalAnswer("{\"error_code\":\"0\",\"message\":\"ok\"}")));
        intake.sendAcknowledgements();
        assertThat(onlyAck(code).path("KetQua").asString()).isEqualTo("TIEP_NHAN");
        assertThat(jdbc.sql("select count(*) from dossier where idempotency_key = ?").param(code)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(adminPage("?trangThai=RECEIVED")).contains(code, "Đã gửi");
    }

    // ---------------------------------------------------------------- helpers

    record Row(long id, String code, String channel, String status, int files) {
    }

    Row dossierOf(String nationalCode) {
        return jdbc.sql("""
                        select d.id, d.code, d.channel, d.status,
                               (select count(*) from dossier_file f where f.dossier_id = d.id) as files
                        from dossier d where d.created_by = 'cong-dvc-quoc-gia' and d.idempotency_key = ?""")
                .param(nationalCode).query((rs, i) -> new Row(rs.getLong("id"), rs.getString("code"),
                        rs.getString("channel"), rs.getString("status"), rs.getInt("files"))).single();
    }

    boolean noDossier(String nationalCode) {
        return jdbc.sql("select count(*) from dossier where idempotency_key = ?").param(nationalCode)
                .query(Long.class).single() == 0;
    }

    String state(String nationalCode) {
        return jdbc.sql("select state from national_intake where national_code = ?").param(nationalCode)
                .query(String.class).single();
    }

    int attempts(String nationalCode) {
        return jdbc.sql("select attempts from national_intake where national_code = ?").param(nationalCode)
                .query(Integer.class).single();
    }

    JsonNode onlyAck(String nationalCode) {
        List<JsonNode> acks = PORTAL.findAll(postRequestedFor(urlEqualTo(BASE + "/ho-so/xac-nhan"))
                        .withRequestBody(matchingJsonPath("$.MaHoSo", com.github.tomakehurst.wiremock.client.WireMock
                                .equalTo(nationalCode)))).stream()
                .filter(r -> HmacSignatures.verify(SECRET, r.getBody(), r.getHeader("X-Signature")))
                .map(r -> json.readTree(r.getBodyAsString())).toList();
        assertThat(acks).isNotEmpty();
        return acks.getLast();
    }

    String adminPage(String query) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get("/quan-tri/lien-thong/ho-so-den" + query)
                        .with(user(accounts.findUser("admin").orElseThrow())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    static String nationalCode() {
        return "G22.46-T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    String fileUrl(String id) {
        return "http://127.0.0.1:" + PORTAL.port() + BASE + "/tep/" + id;
    }

    static String dossier(String code, String procedure, String agency, String fileUrl) {
        return """
                {"MaHoSo":"%s","MaTTHC":"%s","MaCoQuan":"%s","NgayNop":"20251120083000",
                 "ChuHoSo":{"HoVaTen":"Trần Văn Quốc Gia","SoDinhDanh":"046090001234","NgaySinh":"19900101",
                            "SoDienThoai":"0905123456","Email":"qg@example.vn","DiaChi":"12 Lê Lợi, Huế"},
                 "LoaiDoiTuong":"1",
                 "TruongDuLieu":{"confirmationContent":"Nơi thường trú"},
                 "TaiLieuNop":[{"TepDinhKemId":"1","TenTepDinhKem":"to-khai.pdf","MaThanhPhanHoSo":"1",
                                "DuongDanTaiTepTin":"%s"}]}""".formatted(code, procedure, agency, fileUrl);
    }

    void stubPull(String... dossiers) {
        PORTAL.stubFor(post(urlEqualTo(BASE + "/ho-so/lay-danh-sach")).atPriority(1).willReturn(
                Peers.nationalPortalAnswer("{\"error_code\":\"0\",\"data\":[" + String.join(",", dossiers) + "]}")));
    }

    void stubDocument(String id, int status, byte[] content, boolean signed, int delayMillis) {
        var response = aResponse().withStatus(status).withHeader("Content-Type", "application/pdf").withBody(content)
                .withFixedDelay(delayMillis);
        if (signed) {
            response = response.withHeader("X-Signature", HmacSignatures.sign(SECRET, content));
        }
        PORTAL.stubFor(get(urlEqualTo(BASE + "/tep/" + id)).atPriority(1).willReturn(response));
    }

    HttpResponse<String> push(String body, boolean signed) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/national-portal/dossiers")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (signed) {
            request.header("X-Signature", HmacSignatures.sign(SECRET, body));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
