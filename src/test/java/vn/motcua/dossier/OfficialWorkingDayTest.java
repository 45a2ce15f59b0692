package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.motcua.catalog.CatalogService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.support.Accounts;
import vn.motcua.support.ApiClient;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.PageClient;
import vn.motcua.support.TestData;
import vn.motcua.workflow.PaymentStage;
import vn.motcua.workflow.ProcessService;

/**
 * The official's working day: the actions first on the dossier page or why there are none, reception that
 * moves an online dossier on unless its process says otherwise, assignment to a named official, the apology's signer, and
 * refusing only when confirmed.
 */
@IntegrationTest
class OfficialWorkingDayTest {

    static final String WARD = "000.31.01.H57";
    static final String BIRTH = "1.001193";
    static final Locale VI = Locale.forLanguageTag("vi");

    @LocalServerPort int port;
    @Autowired CatalogService catalog;
    @Autowired ProcessService processes;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    @Test
    void receptionMovesAnOnlineDossierOnUnlessTheProcessSaysOtherwise() {
        // The default: the demo's processes, and any the system creates, move a received online dossier on.
        assertThat(processes.current(BIRTH).advanceOnReception()).isTrue();
        PageClient editor = signedIn("admin");
        assertThat(editor.get("/quan-tri/quy-trinh/" + BIRTH).body())
                .containsPattern("name=\"advanceOnReception\" value=\"true\"[^>]*checked");
        String code = submitted();
        // The reception hint says what Tiếp nhận will do to this dossier.
        assertThat(signedIn("reception").get("/quan-tri/ho-so/" + code).body())
                .contains("chuyển hồ sơ ngay sang bước tiếp theo").doesNotContain("vẫn ở bước tiếp nhận");
        HttpResponse<String> received = signedIn("reception").post("/quan-tri/ho-so/" + code + "/thao-tac",
                Map.of("action", "RECEIVE"));
        assertThat(received.statusCode()).isEqualTo(302);

        assertThat(dossier(code).get("status").asString()).isEqualTo("PROCESSING");
        assertThat(dossier(code).get("step").asInt()).isEqualTo(1);
        assertThat(signedIn("specialist").get("/quan-tri/ho-so").body()).contains(code);
        assertThat(jdbc.sql("select string_agg(h.action, ',' order by h.id) from dossier_history h "
                + "join dossier d on d.id = h.dossier_id where d.code = ?").param(code).query(String.class).single())
                .isEqualTo("SUBMIT,RECEIVE,FORWARD");

        // An administrator who unticks it makes reception's Tiếp nhận leave the dossier at reception.
        CurrentUser admin = accounts.findUser("admin").orElseThrow();
        processes.save(BIRTH, ProcessService.defaultSteps(), PaymentStage.BEFORE_RETURN, false, admin, VI);
        try {
            assertThat(signedIn("reception").get("/quan-tri/ho-so/" + submitted()).body())
                    .contains("vẫn ở bước tiếp nhận");
            String stays = TestData.receivedOnline(port, catalog.procedure(BIRTH).orElseThrow(), WARD);
            assertThat(dossier(stays).get("status").asString()).isEqualTo("RECEIVED");
            assertThat(dossier(stays).get("step").asInt()).isZero();
        } finally {
            processes.save(BIRTH, ProcessService.defaultSteps(), PaymentStage.BEFORE_RETURN, true, admin, VI);
        }
    }

    @Test
    void theActionsComeFirstAndWithoutOneThePageSaysWhoHasTheDossier() {
        String code = submitted();
        String atReception = signedIn("reception").get("/quan-tri/ho-so/" + code).body();
        assertThat(atReception.indexOf("value=\"RECEIVE\"")).isPositive()
                .isLessThan(atReception.indexOf("class=\"key-facts\""))
                .isLessThan(atReception.indexOf("id=\"timeline-heading\""));

        PageClient specialist = signedIn("specialist");
        assertThat(specialist.get("/quan-tri/ho-so/" + code).body())
                .doesNotContain("id=\"actions\"")
                .contains("Đang ở bước Tiếp nhận hồ sơ – chờ cán bộ một cửa của Ủy ban nhân dân phường Thuận Hóa");

        act("reception", code, Map.of("action", "RECEIVE")); // and on to the specialist's step
        assertThat(signedIn("leader").post("/quan-tri/ho-so/" + code + "/giao", Map.of("nguoiXuLy", "specialist"))
                .statusCode()).isEqualTo(302);
        assertThat(signedIn("reception").get("/quan-tri/ho-so/" + code).body())
                .contains("Đang ở bước Thẩm định, xử lý hồ sơ – chờ chuyên viên Phạm Văn Dũng");

        // A walk-in dossier reception moved on: no empty actions panel, but who has it.
        String walkIn = TestData.receivedAtCounter(port, catalog.procedure(BIRTH).orElseThrow(), WARD);
        act("reception", walkIn, Map.of("action", "FORWARD"));
        assertThat(signedIn("reception").get("/quan-tri/ho-so/" + walkIn).body()).doesNotContain("id=\"actions\"")
                .contains("id=\"waiting\"", "Đang ở bước Thẩm định, xử lý hồ sơ – chờ chuyên viên");

        act("specialist", code, Map.of("action", "FORWARD"));
        act("leader", code, Map.of("action", "APPROVE"));
        act("specialist", code, Map.of("action", "ISSUE_RESULT", "note", "Cấp giấy khai sinh"));
        act("reception", code, Map.of("action", "RETURN_RESULT", "returnMethod", "COUNTER"));
        assertThat(specialist.get("/quan-tri/ho-so/" + code).body()).contains("Hồ sơ đã trả kết quả.");
    }

    @Test
    void aDossierIsAssignedToAnOfficialOfItsStepOrTakenAndTheInboxFiltersMine() {
        String assigned = atSpecialistStep();
        String taken = atSpecialistStep();
        String nobodys = atSpecialistStep();
        PageClient leader = signedIn("leader");

        // The leader sees the step's officials with their workloads, and assigns.
        String page = leader.get("/quan-tri/ho-so/" + assigned).body();
        assertThat(page).contains("name=\"nguoiXuLy\"").containsPattern("Phạm Văn Dũng – [^<(]*\\(\\d+ hồ sơ đang giao\\)");
        int before = workload("specialist");
        assertThat(leader.post("/quan-tri/ho-so/" + assigned + "/giao", Map.of("nguoiXuLy", "specialist"))
                .statusCode()).isEqualTo(302);
        assertThat(assignee(assigned)).isEqualTo("specialist");
        assertThat(workload("specialist")).isEqualTo(before + 1);
        // Recorded with its author: pending first, then chained into the trail.
        assertThat(jdbc.sql("""
                        select (select count(*) from audit_pending where action = 'DOSSIER_ASSIGNED' and subject = :c)
                             + (select count(*) from audit_entry where action = 'DOSSIER_ASSIGNED' and subject = :c
                                and actor = 'leader')""")
                .param("c", assigned).query(Integer.class).single()).isEqualTo(1);

        // Not to someone outside the step's role or the agency, and not by someone who may not assign: nothing changes.
        assertThat(leader.post("/quan-tri/ho-so/" + assigned + "/giao", Map.of("nguoiXuLy", "leader")).statusCode())
                .isEqualTo(400);
        assertThat(leader.post("/quan-tri/ho-so/" + assigned + "/giao", Map.of("nguoiXuLy", "admin")).statusCode())
                .isEqualTo(400);
        assertThat(signedIn("specialist").post("/quan-tri/ho-so/" + nobodys + "/giao", Map.of("nguoiXuLy", "leader"))
                .statusCode()).isEqualTo(403);
        assertThat(assignee(assigned)).isEqualTo("specialist");
        assertThat(assignee(nobodys)).isNull();

        // The specialist takes one themself.
        PageClient specialist = signedIn("specialist");
        assertThat(specialist.get("/quan-tri/ho-so/" + taken).body()).contains("/nhan-xu-ly");
        assertThat(specialist.post("/quan-tri/ho-so/" + taken + "/nhan-xu-ly", Map.of()).statusCode()).isEqualTo(302);
        assertThat(assignee(taken)).isEqualTo("specialist");

        // The list itself: the morning reminders above it name every dossier of the step due within a working day.
        String mine = inbox(specialist.get("/quan-tri/ho-so?giaoChoToi=true").body());
        assertThat(mine).contains(assigned, taken).doesNotContain(nobodys).contains("Phạm Văn Dũng");
        assertThat(inbox(specialist.get("/quan-tri/ho-so").body())).contains(nobodys);

        // Reception can choose who gets the next step as it moves the dossier on; not someone of another role.
        String chosen = TestData.receivedAtCounter(port, catalog.procedure(BIRTH).orElseThrow(), WARD);
        PageClient reception = signedIn("reception");
        assertThat(reception.get("/quan-tri/ho-so/" + chosen).body()).contains("name=\"nguoiXuLyTiep\"");
        reception.post("/quan-tri/ho-so/" + chosen + "/thao-tac", Map.of("action", "FORWARD", "nguoiXuLyTiep", "leader"));
        assertThat(dossier(chosen).get("step").asInt()).isZero();
        assertThat(reception.post("/quan-tri/ho-so/" + chosen + "/thao-tac",
                Map.of("action", "FORWARD", "nguoiXuLyTiep", "specialist")).statusCode()).isEqualTo(302);
        assertThat(dossier(chosen).get("step").asInt()).isEqualTo(1);
        assertThat(assignee(chosen)).isEqualTo("specialist");

        // Moving on to the next step ends the assignment.
        act("specialist", taken, Map.of("action", "FORWARD"));
        assertThat(assignee(taken)).isNull();
        assertThat(inbox(specialist.get("/quan-tri/ho-so?giaoChoToi=true").body())).doesNotContain(taken);
    }

    @Test
    void theApologyIsSignedByTheLeaderWhoIssuesItOrTheSignerNamedInTheAction() throws Exception {
        String byLeader = atSpecialistStep();
        act("leader", byLeader, Map.of("action", "APOLOGIZE", "note", "Chờ xác minh hộ tịch",
                "newDueDate", LocalDate.now().plusDays(20).toString()));
        String letter = form04(byLeader);
        assertThat(letter).contains("PHÓ CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG", "Hoàng Minh Đức")
                .doesNotContain("LÃNH ĐẠO CƠ QUAN");

        String bySpecialist = atSpecialistStep();
        PageClient specialist = signedIn("specialist");
        Map<String, String> apology = Map.of("action", "APOLOGIZE", "note", "Chờ xác minh hộ tịch",
                "newDueDate", LocalDate.now().plusDays(20).toString());
        specialist.post("/quan-tri/ho-so/" + bySpecialist + "/thao-tac", apology);
        assertThat(jdbc.sql("select count(*) from dossier_apology a join dossier d on d.id = a.dossier_id "
                + "where d.code = ?").param(bySpecialist).query(Integer.class).single()).isZero();
        Map<String, String> signed = new java.util.HashMap<>(apology);
        signed.put("signerName", "Trần Văn Bình");
        signed.put("signerTitle", "Chủ tịch Ủy ban nhân dân phường");
        assertThat(specialist.post("/quan-tri/ho-so/" + bySpecialist + "/thao-tac", signed).statusCode()).isEqualTo(302);
        assertThat(form04(bySpecialist)).contains("CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG", "Trần Văn Bình")
                .doesNotContain("Phạm Văn Dũng", "LÃNH ĐẠO CƠ QUAN");
    }

    @Test
    void refusingWithoutTheConfirmationChangesNothingAndSaysWhy() {
        String code = TestData.receivedAtCounter(port, catalog.procedure(BIRTH).orElseThrow(), WARD);
        PageClient reception = signedIn("reception");
        HttpResponse<String> unconfirmed = reception.post("/quan-tri/ho-so/" + code + "/thao-tac",
                Map.of("action", "REFUSE", "note", "Không đủ điều kiện"));
        assertThat(unconfirmed.statusCode()).isEqualTo(302);
        assertThat(reception.get("/quan-tri/ho-so/" + code).body()).contains("Chưa từ chối");
        assertThat(dossier(code).get("status").asString()).isEqualTo("RECEIVED");

        act("reception", code, Map.of("action", "REFUSE", "note", "Không đủ điều kiện", "xacNhan", "true"));
        assertThat(dossier(code).get("status").asString()).isEqualTo("REFUSED");
    }

    // ------------------------------------------------------------------ helpers

    private String submitted() {
        ApiClient.Response created = ApiClient.signIn(port, "citizen", "demo123").postMultipart("/api/v1/dossiers",
                TestData.submission(catalog.procedure(BIRTH).orElseThrow(), WARD), null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("code").asString();
    }

    private String atSpecialistStep() {
        return TestData.atSpecialistStep(port, catalog.procedure(BIRTH).orElseThrow(), WARD);
    }

    /** The inbox's table of dossiers, without the reminders panel above it. */
    private static String inbox(String page) {
        int start = page.indexOf("<table class=\"grid cards inbox\"");
        return start < 0 ? "" : page.substring(start, page.indexOf("</table>", start));
    }

    private void act(String who, String code, Map<String, String> form) {
        PageClient official = signedIn(who);
        HttpResponse<String> answer = official.post("/quan-tri/ho-so/" + code + "/thao-tac", form);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        assertThat(official.get("/quan-tri/ho-so/" + code).body()).as(who + " " + form)
                .doesNotContain("role=\"alert\"");
    }

    private PageClient signedIn(String username) {
        PageClient client = new PageClient(port);
        client.signIn(username, "demo123");
        client.get("/"); // signing in changes the CSRF token: take the new one from a page's sign-out form
        return client;
    }

    private tools.jackson.databind.JsonNode dossier(String code) {
        return ApiClient.signIn(port, "reception", "demo123").get("/api/v1/dossiers/" + code).json();
    }

    private String assignee(String code) {
        return jdbc.sql("select a.username from dossier_assignment a join dossier d on d.id = a.dossier_id "
                + "where d.code = ?").param(code).query(String.class).optional().orElse(null);
    }

    private int workload(String username) {
        return jdbc.sql("select count(*) from dossier_assignment a join dossier d on d.id = a.dossier_id "
                + "where a.username = ? and a.step = d.step and d.status in ('RECEIVED', 'PROCESSING')")
                .param(username).query(Integer.class).single();
    }

    private String form04(String code) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/dossiers/" + code + "/forms/04"))
                .header("Authorization", "Bearer " + ApiClient.signIn(port, "citizen", "demo123").token()).GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(response.body())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
