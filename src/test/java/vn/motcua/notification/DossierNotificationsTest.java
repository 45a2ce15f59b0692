package vn.motcua.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.motcua.dossier.DossierReceived;
import vn.motcua.dossier.DossierRefused;
import vn.motcua.dossier.ResultReady;
import vn.motcua.dossier.SupplementRequested;
import vn.motcua.platform.MotCuaProperties;
import vn.motcua.support.IntegrationTest;

@IntegrationTest
class DossierNotificationsTest extends NotificationPeers {

    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired MotCuaProperties motCua;

    @BeforeAll
    static void gatewayAcceptsMessages() {
        SMS_GATEWAY.stubFor(post(urlEqualTo("/sms")).atPriority(10).willReturn(okJson("{\"id\": \"gw-1\"}")));
    }

    @Test
    void aReceivedDossierIsAnnouncedByEmailInVietnameseAndBySmsWithoutDiacritics() throws Exception {
        String code = newCode();
        // 09:30 and 16:30 in Vietnam (UTC+7)
        publish(new DossierReceived(dossier(code, "an.nguyen@example.vn", "0912 345 678"),
                Instant.parse("2025-11-20T02:30:00Z"), Instant.parse("2025-11-25T09:30:00Z"), 0, 0));

        dispatchUntil("the email and the SMS", () -> handled(code));

        String trackingUrl = motCua.publicUrl() + "/tra-cuu?ma=" + code;
        MimeMessage email = emailsAbout(code).getFirst();
        assertThat(email.getSubject()).isEqualTo("Hồ sơ " + code + " đã được tiếp nhận");
        assertThat(email.getFrom()).singleElement().isInstanceOfSatisfying(InternetAddress.class, from -> {
            assertThat(from.getAddress()).isEqualTo(EMAIL_FROM);
            assertThat(from.getPersonal()).isEqualTo("Cổng Dịch vụ công");
        });
        assertThat(email.getAllRecipients()).containsExactly(new InternetAddress("an.nguyen@example.vn"));
        assertThat(email.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("UTF-8");
        assertThat(((String) email.getContent()).replace("\r\n", "\n"))
                .startsWith("Kính gửi ông/bà Nguyễn Văn An,")
                .contains("Mã hồ sơ: " + code + "\nThủ tục: Đăng ký khai sinh\n"
                        + "Cơ quan giải quyết: Ủy ban nhân dân phường Thuận Hóa\n")
                .contains("Thời gian tiếp nhận: 09:30 ngày 20/11/2025")
                .contains("Thời gian hẹn trả kết quả: 16:30 ngày 25/11/2025")
                .contains(trackingUrl);

        LoggedRequest sms = smsAbout(code).getFirst();
        assertThat(sms.getHeader("Authorization")).isEqualTo("Bearer " + SMS_TOKEN);
        JsonNode body = json.readTree(sms.getBodyAsString());
        assertThat(body.path("to").asString()).isEqualTo("+84912345678");
        assertThat(body.path("message").asString()).isEqualTo("Ho so " + code
                + " da duoc tiep nhan, hen tra ket qua luc 16:30 ngay 25/11/2025. Tra cuu: " + trackingUrl);

        List<Map<String, Object>> rows = deliveries(code);
        assertThat(rows).extracting(row -> row.get("channel")).containsExactlyInAnyOrder("EMAIL", "SMS");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("status")).isEqualTo("SENT");
            assertThat(row.get("attempts")).isEqualTo(1);
            assertThat(row.get("sent_at")).isNotNull();
        });
        assertThat(rows).filteredOn(row -> row.get("channel").equals("SMS"))
                .extracting(row -> row.get("provider_message_id")).containsExactly("gw-1");
        assertThat(rows).filteredOn(row -> row.get("channel").equals("EMAIL"))
                .extracting(row -> row.get("provider_message_id")).containsExactly(email.getMessageID());
    }

    @Test
    void anEventDeliveredAgainAfterItsEmailWasSentDoesNotSendItAgain() {
        String code = newCode();
        ResultReady event = new ResultReady(dossier(code, "binh.tran@example.vn", "0935123456"), Instant.now());
        publish(event);
        dispatchUntil("the email and the SMS", () -> completedNotificationPublications(code) == 1 && handled(code));

        // The registry delivers an event again when it has no record of the listener finishing (after a crash, say).
        publish(event);
        dispatchUntil("the second delivery to the listener",
                () -> completedNotificationPublications(code) == 2 && handled(code));

        assertThat(emailsAbout(code)).singleElement()
                .satisfies(email -> assertThat(email.getSubject()).isEqualTo("Hồ sơ " + code + " đã có kết quả"));
        assertThat(smsAbout(code)).hasSize(1);
        assertThat(deliveries(code)).hasSize(2);
    }

    @Test
    void anApplicantWithoutEmailAddressGetsOnlyAnSms() {
        String code = newCode();
        publish(new SupplementRequested(dossier(code, " ", "0987654321"),
                List.of("Bản sao Giấy chứng sinh"), "Bản chụp bị mờ", Instant.now()));

        dispatchUntil("the SMS", () -> handled(code));

        assertThat(emailsAbout(code)).isEmpty();
        assertThat(deliveries(code)).filteredOn(row -> row.get("channel").equals("EMAIL")).singleElement()
                .satisfies(row -> {
                    assertThat(row.get("status")).isEqualTo("SKIPPED");
                    assertThat(row.get("last_error")).isEqualTo("no email address");
                    assertThat(row.get("attempts")).isEqualTo(0);
                });
        assertThat(json.readTree(smsAbout(code).getFirst().getBodyAsString()).path("message").asString())
                .startsWith("Ho so " + code + " can bo sung, hoan thien.");
    }

    @Test
    void aFailedSmsIsRetriedLaterAndThenSent() {
        String code = newCode();
        String phone = "+84905000111";
        SMS_GATEWAY.stubFor(post(urlEqualTo("/sms")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.to", equalTo(phone)))
                .inScenario("flaky gateway").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500).withBody("temporarily unavailable"))
                .willSetStateTo("recovered"));
        SMS_GATEWAY.stubFor(post(urlEqualTo("/sms")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.to", equalTo(phone)))
                .inScenario("flaky gateway").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(202)));

        publish(new DossierRefused(dossier(code, null, "0905 000 111"), "Hồ sơ không thuộc thẩm quyền giải quyết",
                Instant.now()));

        dispatchUntil("the first, failed attempt", () -> smsAttempts(code) == 1);
        Map<String, Object> failed = smsRow(code);
        assertThat(failed.get("status")).isEqualTo("PENDING");
        assertThat((String) failed.get("last_error")).contains("500");
        assertThat(secondsUntilNextAttempt(code)).isBetween(50.0, 61.0);
        assertThat(smsAbout(code)).hasSize(1);

        // A minute later, as far as the dispatcher can tell.
        jdbc.sql("update notification_delivery set next_attempt_at = now() where dossier_code = ? and channel = 'SMS'")
                .param(code).update();
        dispatchUntil("the retry", () -> smsRow(code).get("status").equals("SENT"));

        Map<String, Object> sent = smsRow(code);
        assertThat(sent.get("attempts")).isEqualTo(2);
        assertThat(sent.get("last_error")).isNull();
        assertThat(sent.get("provider_message_id")).isNull();
        assertThat(smsAbout(code)).hasSize(2);
    }

    @Test
    void anSmsIsGivenUpAfterTheLastAttempt() {
        String code = newCode();
        String phone = "+84905000222";
        SMS_GATEWAY.stubFor(post(urlEqualTo("/sms")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.to", equalTo(phone)))
                .willReturn(aResponse().withStatus(503)));
        publish(new ResultReady(dossier(code, null, phone), Instant.now()));
        dispatchUntil("the first, failed attempt", () -> smsAttempts(code) == 1);
        // As if seven attempts had failed: the eighth is the last one allowed.
        jdbc.sql("update notification_delivery set attempts = 7, next_attempt_at = now() where dossier_code = ? and channel = 'SMS'")
                .param(code).update();

        dispatchUntil("giving up", () -> smsRow(code).get("status").equals("FAILED"));

        assertThat(smsRow(code)).containsEntry("attempts", 8).containsEntry("next_attempt_at", null);
        assertThat((String) smsRow(code).get("last_error")).contains("503");
    }

    private static List<LoggedRequest> smsAbout(String code) {
        return SMS_GATEWAY.findAll(postRequestedFor(urlEqualTo("/sms"))
                .withRequestBody(matchingJsonPath("$.message", containing(code))));
    }

    /** Whether the listener stored the deliveries and none of them waits to be sent. */
    private boolean handled(String code) {
        List<Map<String, Object>> rows = deliveries(code);
        return !rows.isEmpty() && rows.stream().noneMatch(row -> row.get("status").equals("PENDING"));
    }

    private List<Map<String, Object>> deliveries(String code) {
        return jdbc.sql("select * from notification_delivery where dossier_code = ?").param(code).query().listOfRows();
    }

    private Map<String, Object> smsRow(String code) {
        return deliveries(code).stream().filter(row -> row.get("channel").equals("SMS")).findFirst().orElseThrow();
    }

    private int smsAttempts(String code) {
        return jdbc.sql("select coalesce(max(attempts), 0) from notification_delivery where dossier_code = ? and channel = 'SMS'")
                .param(code).query(Integer.class).single();
    }

    private double secondsUntilNextAttempt(String code) {
        return jdbc.sql("""
                select extract(epoch from next_attempt_at - now())::float8 from notification_delivery
                where dossier_code = ? and channel = 'SMS'""").param(code).query(Double.class).single();
    }

    private int completedNotificationPublications(String code) {
        return jdbc.sql("""
                select count(*) from event_publication
                where listener_id like 'vn.motcua.notification.%' and serialized_event like ?
                  and completion_date is not null""").param("%" + code + "%").query(Integer.class).single();
    }
}
