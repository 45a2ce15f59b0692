package vn.motcua.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import vn.motcua.catalog.CatalogService;
import vn.motcua.platform.web.VietnamTime;
import vn.motcua.reporting.internal.ReadModel;
import vn.motcua.support.ApiClient;
import vn.motcua.support.ApiClient.FilePart;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestData;
import vn.motcua.workflow.WorkingCalendar;

/** The service index over HTTP, fed by a dossier that really goes through the lifecycle. */
@IntegrationTest
class ReportingApiTest {

    static final String WARD = "000.31.01.H57";
    /** Đăng ký khai sinh: free, so the result can be handed over without a payment. */
    static final String BIRTH = "1.001193";

    @LocalServerPort int port;
    @Autowired CatalogService catalog;
    @Autowired JdbcClient jdbc;
    @Autowired ReadModel readModel;

    @Test
    void aDossierHandledTodayCountsInTheAgencysIndexAndTheProvinces() {
        String today = LocalDate.now(WorkingCalendar.ZONE).toString();
        String query = "/api/v1/reports/service-index?agency=" + WARD + "&from=" + today + "&to=" + today;
        ApiClient anonymous = ApiClient.anonymous(port);
        JsonNode before = anonymous.get(query).json();

        ApiClient citizen = ApiClient.signIn(port, "citizen", "demo123");
        ApiClient reception = ApiClient.signIn(port, "reception", "demo123");
        ApiClient specialist = ApiClient.signIn(port, "specialist", "demo123");
        ApiClient leader = ApiClient.signIn(port, "leader", "demo123");
        ApiClient.Response created = citizen.postMultipart("/api/v1/dossiers",
                TestData.submission(catalog.procedure(BIRTH).orElseThrow(), WARD), null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String code = created.json().get("code").asString();
        act(reception, code, Map.of("action", "RECEIVE")); // and on to the specialist's step
        act(specialist, code, Map.of("action", "FORWARD"));
        act(leader, code, Map.of("action", "APPROVE"));
        Map<String, Object> issue = ApiClient.parts();
        issue.put("action", Map.of("action", "ISSUE_RESULT"));
        issue.put("file", new FilePart("ket-qua.pdf", "application/pdf", TestData.realPdf("Ket qua")));
        assertThat(specialist.postMultipart("/api/v1/dossiers/" + code + "/actions", issue, null).status()).isEqualTo(200);
        act(reception, code, Map.of("action", "RETURN_RESULT"));
        // The applicant rates it, one criterion not satisfied.
        Map<String, String> answers = new java.util.LinkedHashMap<>();
        for (String criterion : new String[]{"time", "contacts", "attitude", "fees", "delivery", "overall"}) {
            answers.put(criterion, criterion.equals("attitude") ? "NOT_SATISFIED" : "VERY_SATISFIED");
        }
        ApiClient.Response rated = citizen.postJson("/api/v1/dossiers/" + code + "/rating", Map.of("answers", answers));
        assertThat(rated.status()).as(rated.body()).isEqualTo(201);

        // Each action wrote its fact with its own transaction; the folder counts them a moment later, or now.
        readModel.catchUp();
        assertThat(jdbc.sql("select count(*) from report_dossier where code = ? and outcome = 'RESULT' and e_result")
                .param(code).query(Integer.class).single()).isEqualTo(1);
        // The facts went with the dossier's own transactions, not through the outbox.
        assertThat(jdbc.sql("select count(*) from event_publication where listener_id like '%EventFeed%'")
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select kind from report_event where subject = ? order by at, id").param(code)
                .query(String.class).list())
                .containsExactly("SUBMITTED", "RECEIVED", "RESULT_READY", "RETURNED", "RATED");

        JsonNode after = anonymous.get(query).json();
        for (String measure : new String[]{"SUBMITTED", "RECEIVED", "RECEIVED_ONLINE", "HANDLED", "E_RESULTS",
                "RESULTS_TO_STORE", "RETURNED", "RATINGS", "RATINGS_UNSATISFIED"}) {
            assertThat(after.path("counts").path(measure).asLong()).as(measure)
                    .isGreaterThanOrEqualTo(before.path("counts").path(measure).asLong() + 1);
        }
        // Early when returned on a day before the legal due day, else on time: which one depends on the hour the test
        // runs at (the due time falls on the same day or a later one), so the dossier's own dates say which it is.
        String timeliness = earlyOrOnTime(code);
        assertThat(after.path("counts").path(timeliness).asLong())
                .isGreaterThanOrEqualTo(before.path("counts").path(timeliness).asLong() + 1);
        assertThat(after.path("agencyName").asString()).isEqualTo("Phường Thuận Hóa");
        assertThat(after.path("groups")).hasSize(6);
        JsonNode tdgq = after.path("groups").get(1);
        assertThat(tdgq.path("code").asString()).isEqualTo("TDGQ");
        assertThat(tdgq.path("name").asString()).isEqualTo("Tiến độ giải quyết");
        assertThat(tdgq.path("indicators").get(0).path("code").asString()).isEqualTo("TDGQ1");
        assertThat(after.path("total").asDouble()).isBetween(0.0, 100.0);
        assertThat(after.path("bandName").asString()).isNotBlank();

        JsonNode province = anonymous.get("/api/v1/reports/service-index?from=" + today + "&to=" + today).json();
        assertThat(province.path("agencyName").asString()).isEqualTo("Toàn tỉnh");
        assertThat(province.path("counts").path("RECEIVED").asLong())
                .isGreaterThanOrEqualTo(after.path("counts").path("RECEIVED").asLong());
    }

    @Test
    void aBadQuestionIsAnsweredWithAMessageAndAFittingStatus() {
        ApiClient anonymous = ApiClient.anonymous(port);
        ApiClient.Response reversed = anonymous.get("/api/v1/reports/service-index?from=2025-02-01&to=2025-01-01");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.json().get("message").asString()).contains("ngày bắt đầu");
        ApiClient.Response tooLong = anonymous.get("/api/v1/reports/service-index?from=2010-01-01&to=2025-01-01");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("message").asString()).contains("5 năm");
        ApiClient.Response notADate = anonymous.get("/api/v1/reports/service-index?from=hom-qua");
        assertThat(notADate.status()).isEqualTo(400);
        ApiClient.Response unknown = anonymous.get("/api/v1/reports/service-index?agency=000.99.99.H57");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("message").asString()).contains("000.99.99.H57");
    }

    private static void act(ApiClient client, String code, Map<String, Object> body) {
        ApiClient.Response r = client.postJson("/api/v1/dossiers/" + code + "/actions", body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private String earlyOrOnTime(String code) {
        return jdbc.sql("select finished_at, legal_due_at from dossier where code = ?").param(code)
                .query((rs, n) -> day(rs.getTimestamp(1).toInstant()).isBefore(day(rs.getTimestamp(2).toInstant()))
                        ? "EARLY" : "ON_TIME").single();
    }

    private static LocalDate day(Instant instant) {
        return instant.atZone(VietnamTime.ZONE).toLocalDate();
    }
}
