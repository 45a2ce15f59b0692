package vn.motcua.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.motcua.catalog.CatalogService;
import vn.motcua.dossier.DossierRefused;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.support.Accounts;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.Peers;
import vn.motcua.support.TestData;

/**
 * The SMS gateway's delivery receipts (WireMock plays the gateway, the test its callback) and the delivery log: a
 * dossier's, for its agency's officials only; the applicant's, on their dossier page; the administrator's, filtered.
 */
@IntegrationTest
class DeliveryLogTest extends NotificationPeers {

    static final String WARD = "000.31.01.H57";
    static final String HOME_AFFAIRS = "000.00.16.H57";
    static final String RECEIPTS = "/api/v1/notifications/sms/receipts";

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired CatalogService catalog;
    @LocalServerPort int port;

    @Test
    void theGatewaysReceiptIsRecordedWithItsTimeOnlyWithTheRightSecretAndForAKnownMessage() throws Exception {
        String code = newCode();
        String phone = "+84905000333";
        String messageId = "gw-" + UUID.randomUUID();
        SMS_GATEWAY.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/sms")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.to", equalTo(phone)))
                .willReturn(okJson("{\"id\": \"" + messageId + "\"}")));
        publish(new DossierRefused(dossier(code, null, phone), "Không thuộc thẩm quyền", Instant.now()));
        dispatchUntil("the SMS", () -> "SENT".equals(smsStatus(code)));

        String delivered = "{\"id\": \"" + messageId + "\", \"status\": \"DELIVERED\", \"at\": \"2025-11-20T09:31:00+07:00\"}";
        assertThat(receipt("wrong-secret", delivered).getStatus()).isEqualTo(401);
        assertThat(receipt(null, delivered).getStatus()).isEqualTo(401);
        assertThat(sms(code).get("receipt")).as("nothing recorded without the secret").isNull();
        assertThat(receipt(Peers.SMS_RECEIPT_SECRET, "{\"id\": \"gw-unknown-" + UUID.randomUUID()
                + "\", \"status\": \"DELIVERED\"}").getStatus()).isEqualTo(404);
        MockHttpServletResponse badStatus = receipt(Peers.SMS_RECEIPT_SECRET,
                "{\"id\": \"" + messageId + "\", \"status\": \"READ\"}");
        assertThat(badStatus.getStatus()).isEqualTo(400);
        assertThat(sms(code).get("receipt")).isNull();

        assertThat(receipt(Peers.SMS_RECEIPT_SECRET, delivered).getStatus()).isEqualTo(200);
        Map<String, Object> row = sms(code);
        assertThat(row.get("receipt")).isEqualTo("DELIVERED");
        assertThat(((java.sql.Timestamp) row.get("receipt_at")).toInstant())
                .isEqualTo(OffsetDateTime.parse("2025-11-20T09:31:00+07:00").toInstant());

        MockHttpServletResponse log = page(get("/quan-tri/nhat-ky-thong-bao?kenh=SMS&trangThai=DELIVERED&tu=20/11/2025"),
                "admin");
        assertThat(log.getStatus()).isEqualTo(200);
        assertThat(body(log)).contains(code, "Đã đến người nhận", "+84*****0333").doesNotContain(phone);

        // The gateway gives up on another message: recorded as not delivered, with its reason.
        String failedCode = newCode();
        String failedId = "gw-" + UUID.randomUUID();
        SMS_GATEWAY.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/sms")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.to", equalTo("+84905000444")))
                .willReturn(okJson("{\"id\": \"" + failedId + "\"}")));
        publish(new DossierRefused(dossier(failedCode, null, "0905000444"), null, Instant.now()));
        dispatchUntil("the second SMS", () -> "SENT".equals(smsStatus(failedCode)));
        assertThat(receipt(Peers.SMS_RECEIPT_SECRET, "{\"id\": \"" + failedId
                + "\", \"status\": \"FAILED\", \"error\": \"Thuê bao không liên lạc được\"}").getStatus()).isEqualTo(200);
        assertThat(sms(failedCode)).containsEntry("receipt", "UNDELIVERED")
                .containsEntry("receipt_error", "Thuê bao không liên lạc được");
        assertThat(sms(failedCode).get("receipt_at")).isNotNull();
    }

    @Test
    void aDossiersLogIsForItsAgencysOfficialsAndTheApplicantSeesWhatWasSentToThem() throws Exception {
        String code = TestData.receivedOnline(port, catalog.procedure("1.001193").orElseThrow(), WARD);
        dispatchUntil("the notices of reception", () -> jdbc.sql(
                "select count(*) from notification_delivery where dossier_code = ? and status <> 'PENDING'")
                .param(code).query(Integer.class).single() == 2);
        String email = jdbc.sql("select recipient from notification_delivery where dossier_code = ? and channel = 'EMAIL'")
                .param(code).query(String.class).single();

        MockHttpServletResponse official = page(get("/quan-tri/ho-so/" + code + "/thong-bao"), "reception");
        assertThat(official.getStatus()).isEqualTo(200);
        assertThat(body(official)).contains(code, "Tiếp nhận hồ sơ – Thư điện tử", "Tiếp nhận hồ sơ – Tin nhắn SMS",
                "Đã gửi đi", "Hồ sơ " + code + " đã được tiếp nhận", email.charAt(0) + "***" + email.substring(email.indexOf('@')))
                .doesNotContain(email);
        assertThat(body(page(get("/quan-tri/ho-so/" + code), "reception")))
                .contains("/quan-tri/ho-so/" + code + "/thong-bao");

        accounts.official("home-affairs-reception", HOME_AFFAIRS, Role.RECEPTION);
        assertThat(page(get("/quan-tri/ho-so/" + code + "/thong-bao"), "home-affairs-reception").getStatus())
                .isEqualTo(404);
        assertThat(page(get("/quan-tri/ho-so/" + code + "/thong-bao"), "admin").getStatus()).isEqualTo(403);

        MockHttpServletResponse mine = page(get("/ho-so-cua-toi/" + code), "citizen");
        assertThat(mine.getStatus()).isEqualTo(200);
        assertThat(body(mine)).contains("Thông báo đã gửi cho ông/bà", "Hồ sơ " + code + " đã được tiếp nhận");

        MockHttpServletResponse all = page(get("/quan-tri/nhat-ky-thong-bao?kenh=EMAIL"), "admin");
        assertThat(body(all)).contains(code).as("the administrator reads no message texts")
                .doesNotContain("Hồ sơ dưới đây đã được tiếp nhận", email);
        assertThat(page(get("/quan-tri/nhat-ky-thong-bao?tu=31/02/2026"), "admin").getStatus()).isEqualTo(400);
        assertThat(page(get("/quan-tri/nhat-ky-thong-bao"), "leader").getStatus()).isEqualTo(403);
    }

    private MockHttpServletResponse receipt(String secret, String json) throws Exception {
        MockHttpServletRequestBuilder request = post(RECEIPTS).contentType(MediaType.APPLICATION_JSON).content(json);
        if (secret != null) {
            request.header("X-Receipt-Secret", secret);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private String smsStatus(String code) {
        return jdbc.sql("select status from notification_delivery where dossier_code = ? and channel = 'SMS'")
                .param(code).query(String.class).optional().orElse(null);
    }

    private Map<String, Object> sms(String code) {
        return jdbc.sql("select * from notification_delivery where dossier_code = ? and channel = 'SMS'").param(code)
                .query().singleRow();
    }

    private MockHttpServletResponse page(MockHttpServletRequestBuilder request, String username) throws Exception {
        CurrentUser who = accounts.findUser(username).orElseThrow();
        return mvc.perform(request.with(user(who))).andReturn().getResponse();
    }

    private static String body(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
