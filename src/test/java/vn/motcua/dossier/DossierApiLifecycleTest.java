package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import vn.motcua.catalog.CatalogService;
import vn.motcua.identity.Role;
import vn.motcua.platform.web.VietnamTime;
import vn.motcua.support.Accounts;
import vn.motcua.support.ApiClient;
import vn.motcua.support.ApiClient.FilePart;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestData;
import vn.motcua.workflow.Deadlines;
import vn.motcua.workflow.Pause;

/** Whole lifecycles through the HTTP API, for both channels, as the national portal or an app would drive them. */
@IntegrationTest
class DossierApiLifecycleTest {

    static final String WARD = "000.31.01.H57";      // Phường Thuận Hóa: the demo officials work here
    static final String OTHER_WARD = "000.31.02.H57"; // Phường Phú Xuân
    static final String BIRTH = "1.001193";           // Đăng ký khai sinh (commune level)

    @LocalServerPort int port;
    @Autowired CatalogService catalog;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired Deadlines deadlines;

    ApiClient citizen, reception, specialist, leader;

    @BeforeEach
    void signIn() {
        citizen = ApiClient.signIn(port, "citizen", "demo123");
        reception = ApiClient.signIn(port, "reception", "demo123");
        specialist = ApiClient.signIn(port, "specialist", "demo123");
        leader = ApiClient.signIn(port, "leader", "demo123");
    }

    Map<String, Object> submission(String procedureCode, String agency) {
        return TestData.submission(catalog.procedure(procedureCode).orElseThrow(), agency);
    }

    JsonNode act(ApiClient who, String code, Map<String, Object> body, int expectedStatus) {
        ApiClient.Response response = who.postJson("/api/v1/dossiers/" + code + "/actions", body);
        assertThat(response.status()).as(response.body()).isEqualTo(expectedStatus);
        return response.json();
    }

    @Test
    void onlineDossierGoesAllTheWayToItsResult() {
        ApiClient.Response created = citizen.postMultipart("/api/v1/dossiers", submission(BIRTH, WARD), null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String code = created.json().get("code").asString();
        assertThat(code).matches("000\\.31\\.01\\.H57-\\d{6}-\\d{4}");
        assertThat(created.json().get("status").asString()).isEqualTo("SUBMITTED");

        // An action only officials take is forbidden to the applicant, not a conflict with the dossier's status.
        JsonNode forbidden = act(citizen, code, Map.of("action", "RECEIVE"), 403);
        assertThat(forbidden.get("message").asString()).contains("Chỉ cán bộ");
        // Receiving it moves it on to the specialist's step in the same action (the process's default).
        JsonNode received = act(reception, code, Map.of("action", "RECEIVE"), 200);
        assertThat(received.get("status").asString()).isEqualTo("PROCESSING");
        assertThat(received.get("step").asInt()).isEqualTo(1);
        assertThat(received.get("dueAt").isNull()).isFalse();
        assertThat(received.get("code").asString()).isEqualTo(code);
        act(reception, code, Map.of("action", "FORWARD"), 409); // no longer reception's step

        JsonNode atLeader = act(specialist, code, Map.of("action", "FORWARD"), 200);
        assertThat(atLeader.get("step").asInt()).isEqualTo(2);
        // Each step has its own due time, within the dossier's.
        Instant stepDue = Instant.parse(atLeader.get("stepDueAt").asString());
        assertThat(stepDue).isAfter(Instant.now().minusSeconds(60)).isBeforeOrEqualTo(Instant.parse(atLeader.get("dueAt").asString()));
        act(leader, code, Map.of("action", "APPROVE", "note", "Đồng ý"), 200);

        Map<String, Object> issue = ApiClient.parts();
        issue.put("action", Map.of("action", "ISSUE_RESULT"));
        issue.put("file", new FilePart("giay-khai-sinh.pdf", "application/pdf", TestData.realPdf("Ket qua")));
        ApiClient.Response issued = specialist.postMultipart("/api/v1/dossiers/" + code + "/actions", issue, null);
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        assertThat(issued.json().get("status").asString()).isEqualTo("RESULT_READY");

        JsonNode returned = act(reception, code, Map.of("action", "RETURN_RESULT", "returnMethod", "ONLINE"), 200);
        assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
        // Early when returned on a day before the legal due day, else on time (which one depends on the hour the test
        // runs at): the dossier's own dates say which it must be.
        LocalDate returnedOn = Instant.parse(returned.get("finishedAt").asString()).atZone(VietnamTime.ZONE).toLocalDate();
        LocalDate dueOn = Instant.parse(returned.get("legalDueAt").asString()).atZone(VietnamTime.ZONE).toLocalDate();
        assertThat(returned.get("timeliness").asString()).isEqualTo(returnedOn.isBefore(dueOn) ? "EARLY" : "ON_TIME");
        assertThat(returned.get("code").asString()).isEqualTo(code);

        List<String> actions = returned.get("history").valueStream().map(h -> h.get("action").asString()).toList();
        assertThat(actions).containsExactly("SUBMIT", "RECEIVE", "FORWARD", "FORWARD", "APPROVE", "ISSUE_RESULT",
                "RETURN_RESULT");
        JsonNode mine = citizen.get("/api/v1/dossiers/" + code).json();
        assertThat(mine.get("files").valueStream().map(f -> f.get("kind").asString())).contains("DOCUMENT", "RESULT");
    }

    @Test
    void counterDossierIsReceivedAtOnceWithItsDeadline() {
        Map<String, Object> parts = submission(BIRTH, WARD);
        @SuppressWarnings("unchecked")
        Map<String, Object> dossier = new java.util.HashMap<>((Map<String, Object>) parts.get("dossier"));
        dossier.put("applicant", Map.of("fullName", "Lê Văn Tám", "phone", "0905111222", "idNumber", "046080001111"));
        dossier.put("sets", 1);
        parts.put("dossier", dossier);
        ApiClient.Response created = reception.postMultipart("/api/v1/dossiers", parts, null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("status").asString()).isEqualTo("RECEIVED");
        Instant due = Instant.parse(created.json().get("dueAt").asString());
        assertThat(due).isAfter(Instant.now());
        String code = created.json().get("code").asString();
        JsonNode view = reception.get("/api/v1/dossiers/" + code).json();
        assertThat(view.get("channel").asString()).isEqualTo("COUNTER");
        assertThat(view.get("applicant").get("fullName").asString()).isEqualTo("Lê Văn Tám");

        // Anyone with the code and the last four digits of the phone sees status and dates, never personal data.
        ApiClient.Response tracked = citizen.get("/api/v1/tracking/" + code + "?phone=1222");
        assertThat(tracked.status()).isEqualTo(200);
        assertThat(tracked.json().get("status").asString()).isEqualTo("RECEIVED");
        assertThat(tracked.body()).doesNotContain("Lê Văn Tám", "046080001111", "0905111222");
        assertThat(citizen.get("/api/v1/tracking/" + code + "?phone=9999").status()).isEqualTo(404);
    }

    @Test
    void submittingTwiceWithTheSameIdempotencyKeyCreatesOneDossier() {
        ApiClient.Response first = citizen.postMultipart("/api/v1/dossiers", submission(BIRTH, WARD), "key-123");
        ApiClient.Response second = citizen.postMultipart("/api/v1/dossiers", submission(BIRTH, WARD), "key-123");
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.json().get("code").asString()).isEqualTo(first.json().get("code").asString());
        assertThat(jdbc.sql("select count(*) from dossier where idempotency_key = 'key-123'").query(Integer.class)
                .single()).isEqualTo(1);

        // A double click at the counter: the walk-in applicant's dossier is created once too.
        Map<String, Object> counter = submission(BIRTH, WARD);
        @SuppressWarnings("unchecked")
        Map<String, Object> dossier = new java.util.HashMap<>((Map<String, Object>) counter.get("dossier"));
        dossier.put("applicant", Map.of("fullName", "Phan Thị Hoa", "phone", "0905333444"));
        counter.put("dossier", dossier);
        String once = reception.postMultipart("/api/v1/dossiers", counter, "counter-key-1").json().get("code").asString();
        String twice = reception.postMultipart("/api/v1/dossiers", counter, "counter-key-1").json().get("code").asString();
        assertThat(twice).isEqualTo(once);
        assertThat(jdbc.sql("select owner from dossier where code = ?").param(once).query(String.class).optional()).isEmpty();
    }

    @Test
    void badSubmissionsGetClearMessagesAndCreateNothing() {
        int before = jdbc.sql("select count(*) from dossier").query(Integer.class).single();
        Map<String, Object> parts = submission(BIRTH, WARD);
        parts.put("document0", new FilePart("to-khai.pdf", "application/pdf", "MZ this is really an exe".getBytes()));
        ApiClient.Response fake = citizen.postMultipart("/api/v1/dossiers", parts, null);
        assertThat(fake.status()).isEqualTo(400);
        assertThat(fake.json().get("error").asString()).isEqualTo("invalid_request");
        assertThat(fake.json().get("message").asString()).contains("không phải là PDF");

        Map<String, Object> missing = submission(BIRTH, WARD);
        missing.keySet().removeIf(k -> k.startsWith("document"));
        ApiClient.Response noFiles = citizen.postMultipart("/api/v1/dossiers", missing, null);
        assertThat(noFiles.status()).isEqualTo(400);
        assertThat(noFiles.json().get("problems").get(0).asString()).startsWith("Chưa đính kèm");

        Map<String, Object> wrongAgency = submission(BIRTH, "000.00.11.H57");
        assertThat(citizen.postMultipart("/api/v1/dossiers", wrongAgency, null).json().get("message").asString())
                .contains("không giải quyết thủ tục này");
        assertThat(jdbc.sql("select count(*) from dossier").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void supplementStopsTheClockAndTheDueDateMovesWhenItComesBack() {
        String code = citizen.postMultipart("/api/v1/dossiers", submission(BIRTH, WARD), null).json().get("code").asString();
        act(reception, code, Map.of("action", "RECEIVE"), 200);
        act(specialist, code, Map.of("action", "REQUEST_SUPPLEMENT", "items", List.of("Bản sao giấy chứng sinh rõ nét"),
                "note", "Bản chụp bị mờ"), 200);
        // Pretend all this happened three days ago: the applicant took three days to send the supplement.
        Instant received = Instant.now().minus(Duration.ofDays(3)).minus(Duration.ofHours(1));
        Instant asked = Instant.now().minus(Duration.ofDays(3));
        int days = catalog.procedure(BIRTH).orElseThrow().processingDays();
        Instant dueWithoutPause = deadlines.dueAt(received, days, WARD, List.of());
        jdbc.sql("update dossier set received_at = ?, due_at = ?, legal_due_at = ? where code = ?")
                .params(java.sql.Timestamp.from(received), java.sql.Timestamp.from(dueWithoutPause),
                        java.sql.Timestamp.from(dueWithoutPause), code).update();
        jdbc.sql("update dossier_pause set started_at = ? where dossier_id = (select id from dossier where code = ?)")
                .params(java.sql.Timestamp.from(asked), code).update();

        Map<String, Object> supplement = ApiClient.parts();
        supplement.put("action", Map.of("action", "SUPPLEMENT", "note", "Đã gửi bản rõ"));
        supplement.put("file", FilePart.pdf("giay-chung-sinh.pdf"));
        ApiClient.Response back = citizen.postMultipart("/api/v1/dossiers/" + code + "/actions", supplement, null);
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(back.json().get("status").asString()).isEqualTo("PROCESSING");
        JsonNode pause = back.json().get("pauses").get(0);
        Instant resumed = Instant.parse(pause.get("endedAt").asString());
        Instant expected = deadlines.dueAt(received, days, WARD, List.of(new Pause(asked, resumed)));
        assertThat(Instant.parse(back.json().get("dueAt").asString())).isEqualTo(expected).isAfter(dueWithoutPause);
        assertThat(Instant.parse(back.json().get("legalDueAt").asString())).isEqualTo(expected);
    }

    @Test
    void refusalAndWithdrawalEndTheDossier() {
        String refusedCode = citizen.postMultipart("/api/v1/dossiers", submission(BIRTH, WARD), null).json().get("code").asString();
        act(reception, refusedCode, Map.of("action", "REFUSE"), 409); // a reason is required
        JsonNode refused = act(reception, refusedCode, Map.of("action", "REFUSE", "note", "Không thuộc thẩm quyền"), 200);
        assertThat(refused.get("status").asString()).isEqualTo("REFUSED");

        String withdrawnCode = citizen.postMultipart("/api/v1/dossiers", submission(BIRTH, WARD), null).json().get("code").asString();
        act(reception, withdrawnCode, Map.of("action", "RECEIVE"), 200);
        act(reception, withdrawnCode, Map.of("action", "WITHDRAW"), 409); // only the applicant withdraws an online dossier
        JsonNode withdrawn = act(citizen, withdrawnCode, Map.of("action", "WITHDRAW", "note", "Nộp nhầm thủ tục"), 200);
        assertThat(withdrawn.get("status").asString()).isEqualTo("WITHDRAWN");
        act(citizen, withdrawnCode, Map.of("action", "WITHDRAW"), 409);
    }

    @Test
    void interAgencyTransferLinksAChildDossierThatReturnsItsResult() {
        accounts.official("reception-phuxuan", OTHER_WARD, Role.RECEPTION);
        accounts.official("specialist-phuxuan", OTHER_WARD, Role.SPECIALIST);
        accounts.official("leader-phuxuan", OTHER_WARD, Role.LEADER);
        String code = citizen.postMultipart("/api/v1/dossiers", submission(BIRTH, WARD), null).json().get("code").asString();
        act(reception, code, Map.of("action", "RECEIVE"), 200); // and on to the specialist's step
        JsonNode transferred = act(specialist, code, Map.of("action", "TRANSFER", "targetAgency", OTHER_WARD,
                "note", "Xác minh nơi cư trú của mẹ"), 200);
        String child = transferred.get("childCodes").get(0).asString();
        assertThat(child).startsWith(OTHER_WARD + "-").isNotEqualTo(code);
        assertThat(transferred.get("code").asString()).isEqualTo(code);
        // The original waits for the other agency.
        act(specialist, code, Map.of("action", "FORWARD"), 409);

        ApiClient phuXuanReception = ApiClient.signIn(port, "reception-phuxuan", TestData.PASSWORD);
        ApiClient phuXuanSpecialist = ApiClient.signIn(port, "specialist-phuxuan", TestData.PASSWORD);
        ApiClient phuXuanLeader = ApiClient.signIn(port, "leader-phuxuan", TestData.PASSWORD);
        assertThat(phuXuanReception.get("/api/v1/dossiers/" + code).status()).isEqualTo(404);
        JsonNode childView = phuXuanReception.get("/api/v1/dossiers/" + child).json();
        assertThat(childView.get("parentCode").asString()).isEqualTo(code);
        act(phuXuanReception, child, Map.of("action", "FORWARD"), 200);
        act(phuXuanSpecialist, child, Map.of("action", "FORWARD"), 200);
        act(phuXuanLeader, child, Map.of("action", "APPROVE"), 200);
        Map<String, Object> issue = ApiClient.parts();
        issue.put("action", Map.of("action", "ISSUE_RESULT"));
        issue.put("file", new FilePart("van-ban-xac-minh.pdf", "application/pdf", TestData.realPdf("Ket qua")));
        assertThat(phuXuanSpecialist.postMultipart("/api/v1/dossiers/" + child + "/actions", issue, null).status())
                .isEqualTo(200);
        assertThat(phuXuanReception.get("/api/v1/dossiers/" + child).json().get("status").asString()).isEqualTo("RETURNED");

        // The original continues at its own agency.
        act(specialist, code, Map.of("action", "FORWARD"), 200);
        assertThat(jdbc.sql("select count(*) from dossier where parent_id is null and code in (?, ?)").params(code, child)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void withdrawingADossierWithdrawsItsPartAtTheOtherAgency() {
        accounts.official("reception-phuxuan", OTHER_WARD, Role.RECEPTION);
        String code = citizen.postMultipart("/api/v1/dossiers", submission(BIRTH, WARD), null).json().get("code").asString();
        act(reception, code, Map.of("action", "RECEIVE"), 200); // and on to the specialist's step
        String child = act(specialist, code, Map.of("action", "TRANSFER", "targetAgency", OTHER_WARD,
                "note", "Xác minh nơi cư trú của mẹ"), 200).get("childCodes").get(0).asString();

        act(citizen, code, Map.of("action", "WITHDRAW", "note", "Không cần nữa"), 200);

        ApiClient phuXuanReception = ApiClient.signIn(port, "reception-phuxuan", TestData.PASSWORD);
        JsonNode part = phuXuanReception.get("/api/v1/dossiers/" + child).json();
        assertThat(part.get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(part.get("history").valueStream().map(h -> h.get("action").asString()).toList()).last()
                .isEqualTo("WITHDRAW");
        act(phuXuanReception, child, Map.of("action", "FORWARD"), 409);
    }

    @Test
    void aLateDossierNeedsAnApologyWithANewDateBeforeItCanGoOn() {
        String code = citizen.postMultipart("/api/v1/dossiers", submission(BIRTH, WARD), null).json().get("code").asString();
        act(reception, code, Map.of("action", "RECEIVE"), 200); // and on to the specialist's step
        jdbc.sql("update dossier set due_at = now() - interval '1 hour', legal_due_at = now() - interval '1 hour' where code = ?")
                .param(code).update();
        JsonNode blocked = act(specialist, code, Map.of("action", "FORWARD"), 409);
        assertThat(blocked.get("message").asString()).contains("Mẫu số 04");
        Instant newDue = Instant.now().plus(Duration.ofDays(5));
        JsonNode apologised = act(leader, code, Map.of("action", "APOLOGIZE", "note", "Cần xác minh thêm với cơ quan khác",
                "newDueAt", newDue.toString()), 200);
        assertThat(Instant.parse(apologised.get("dueAt").asString())).isEqualTo(newDue);
        assertThat(apologised.get("apologies")).hasSize(1);
        act(specialist, code, Map.of("action", "FORWARD"), 200);
        act(leader, code, Map.of("action", "APPROVE"), 200);
        Map<String, Object> issue = ApiClient.parts();
        issue.put("action", Map.of("action", "ISSUE_RESULT"));
        issue.put("file", new FilePart("kq.pdf", "application/pdf", TestData.realPdf("Ket qua")));
        specialist.postMultipart("/api/v1/dossiers/" + code + "/actions", issue, null);
        JsonNode returned = act(reception, code, Map.of("action", "RETURN_RESULT"), 200);
        // The apology moves the appointment, not the legal due date: the dossier still counts as late.
        assertThat(returned.get("timeliness").asString()).isEqualTo("LATE");
    }

    @Test
    void officialsOfAnotherAgencyAndOtherCitizensSeeNothing() {
        accounts.official("specialist-phuxuan", OTHER_WARD, Role.SPECIALIST);
        accounts.citizen("citizen-b", "0988000111");
        String code = citizen.postMultipart("/api/v1/dossiers", submission(BIRTH, WARD), null).json().get("code").asString();
        act(reception, code, Map.of("action", "RECEIVE"), 200);

        ApiClient stranger = ApiClient.signIn(port, "specialist-phuxuan", TestData.PASSWORD);
        assertThat(stranger.get("/api/v1/dossiers/" + code).status()).isEqualTo(404);
        assertThat(stranger.postJson("/api/v1/dossiers/" + code + "/actions", Map.of("action", "FORWARD")).status())
                .isEqualTo(404);
        assertThat(stranger.get("/api/v1/dossiers?agency=" + WARD).status()).isEqualTo(403);
        assertThat(stranger.get("/api/v1/dossiers").json().get("items").valueStream()
                .map(i -> i.get("code").asString())).doesNotContain(code);

        ApiClient otherCitizen = ApiClient.signIn(port, "citizen-b", TestData.PASSWORD);
        assertThat(otherCitizen.get("/api/v1/dossiers/" + code).status()).isEqualTo(404);
        assertThat(otherCitizen.postJson("/api/v1/dossiers/" + code + "/actions", Map.of("action", "WITHDRAW")).status())
                .isEqualTo(404);
        assertThat(citizen.get("/api/v1/dossiers").json().get("items").valueStream()
                .map(i -> i.get("code").asString())).contains(code);
    }
}
