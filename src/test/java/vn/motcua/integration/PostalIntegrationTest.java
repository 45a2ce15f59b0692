package vn.motcua.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.DispatcherServlet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.motcua.catalog.CatalogService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.integration.postal.PostalBookings;
import vn.motcua.support.Accounts;
import vn.motcua.support.AlternativeIntegrationTest;
import vn.motcua.support.ApiClient;
import vn.motcua.support.Peers;
import vn.motcua.support.TestData;

/**
 * The postal service against a real HTTP postal API (WireMock on loopback): booking, retries, status callbacks and
 * polls, the delivery of a result returned by post, and who may see and choose; in the application set up with the
 * postal service ({@link AlternativeIntegrationTest}), whose page {@code /test/postal/<code>} shows the panel alone.
 */
@AlternativeIntegrationTest
class PostalIntegrationTest {

    static final String BIRTH = "1.001193";
    static final String WARD = "000.31.01.H57";
    static final String POSTAL_TOKEN = Peers.POSTAL_TOKEN;
    static final String CALLBACK_TOKEN = Peers.POSTAL_CALLBACK_TOKEN;

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final WireMockServer POSTAL = Peers.POSTAL;

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired CatalogService catalog;
    @Autowired Accounts accounts;
    @Autowired PostalService postal;
    @Autowired PostalBookings bookings;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;

    ApiClient citizen;
    CurrentUser owner;

    @BeforeEach
    void signIn() {
        citizen = ApiClient.signIn(port, "citizen", "demo123");
        owner = accounts.findUser("citizen").orElseThrow();
    }

    @Test
    void aPickupIsBookedAtOnceAndItsTrackingNumberRecorded() throws Exception {
        String code = submitted();
        stubBooking(code, "PICKUP", 201, "{\"trackingNumber\":\"EB100000001VN\",\"status\":\"BOOKED\"}");

        // Before: the form, with the applicant's details and the fee paid to the postal service.
        mvc.perform(get("/test/postal/" + code).with(user(owner))).andExpect(status().isOk())
                .andExpect(content().string(containsString("action=\"/ho-so/" + code + "/buu-chinh\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(containsString("<label for=\"postal-phone\">Số điện thoại (bắt buộc)</label>")))
                .andExpect(content().string(containsString("Phí 22.000 đồng, trả cho nhân viên bưu điện khi đến nhận hồ sơ.")))
                .andExpect(content().string(containsString("12 Lê Lợi, phường Thuận Hóa, thành phố Huế")));

        mvc.perform(post("/ho-so/" + code + "/buu-chinh").with(user(owner)).with(csrf())
                        .param("kind", "PICKUP").param("recipientName", "Nguyễn Văn An")
                        .param("phone", "0912 345 678").param("address", "12 Lê Lợi, phường Thuận Hóa, thành phố Huế")
                        .param("note", "Gọi trước khi đến"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/ho-so-cua-toi/" + code + "#buu-chinh"))
                .andExpect(flash().attribute("postalMessages",
                        List.of("Đã đặt \"Gửi hồ sơ giấy qua bưu điện\", mã vận đơn EB100000001VN.")));

        Shipment pickup = only(code);
        assertThat(pickup.kind()).isEqualTo(ShipmentKind.PICKUP);
        assertThat(pickup.status()).isEqualTo(ShipmentStatus.BOOKED);
        assertThat(pickup.trackingNumber()).isEqualTo("EB100000001VN");
        assertThat(pickup.fee()).isEqualTo(22000);
        assertThat(pickup.bookedAt()).isNotNull();
        assertThat(pickup.history()).extracting(Shipment.Event::status)
                .containsExactly(ShipmentStatus.REQUESTED, ShipmentStatus.BOOKED);

        LoggedRequest booking = bookingsOf(code).getFirst();
        assertThat(booking.getHeader("Authorization")).isEqualTo("Bearer " + POSTAL_TOKEN);
        assertThat(booking.getHeader("Idempotency-Key")).isEqualTo("motcua-postal-" + pickup.id());
        JsonNode body = json.readTree(booking.getBodyAsString());
        assertThat(body.path("type").asString()).isEqualTo("PICKUP");
        assertThat(body.path("reference").asString()).isEqualTo(code);
        assertThat(body.path("name").asString()).isEqualTo("Nguyễn Văn An");
        assertThat(body.path("phone").asString()).isEqualTo("0912 345 678");
        assertThat(body.path("address").asString()).isEqualTo("12 Lê Lợi, phường Thuận Hóa, thành phố Huế");
        assertThat(body.path("note").asString()).isEqualTo("Gọi trước khi đến");

        // After: the shipment with its number and history; pickup cannot be asked for twice.
        mvc.perform(get("/test/postal/" + code).with(user(owner))).andExpect(status().isOk())
                .andExpect(content().string(containsString("EB100000001VN")))
                .andExpect(content().string(containsString("Đã đặt dịch vụ")))
                .andExpect(content().string(not(containsString("id=\"postal-kind-PICKUP\""))))
                .andExpect(content().string(containsString("id=\"postal-kind-DELIVERY\"")));
        mvc.perform(post("/ho-so/" + code + "/buu-chinh").with(user(owner)).with(csrf())
                        .param("kind", "PICKUP").param("phone", "0912345678").param("address", "Nơi khác"))
                .andExpect(flash().attribute("postalProblems",
                        hasItem("Không thể đăng ký \"Gửi hồ sơ giấy qua bưu điện\" ở giai đoạn này của hồ sơ.")));
        assertThat(bookingsOf(code)).hasSize(1);
    }

    @Test
    void phoneAndAddressAreRequiredAndNothingIsStoredWithoutThem() throws Exception {
        String code = submitted();
        mvc.perform(post("/ho-so/" + code + "/buu-chinh").with(user(owner)).with(csrf())
                        .param("kind", "DELIVERY").param("phone", " ").param("address", ""))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("postalProblems",
                        List.of("Vui lòng nhập số điện thoại.", "Vui lòng nhập địa chỉ.")));
        mvc.perform(post("/ho-so/" + code + "/buu-chinh").with(user(owner)).with(csrf())
                        .param("phone", "12345").param("address", "12 Lê Lợi"))
                .andExpect(flash().attribute("postalProblems",
                        List.of("Vui lòng chọn ít nhất một dịch vụ: gửi hồ sơ giấy hoặc nhận kết quả qua bưu điện.",
                                "Số điện thoại không hợp lệ (ví dụ: 0912 345 678).")));
        assertThat(postal.shipments(code, owner)).isEmpty();

        // Back on the dossier page, the problems are shown next to what was typed (as the flash attributes of the
        // redirect bring them).
        var typed = mvc.perform(post("/ho-so/" + code + "/buu-chinh").with(user(owner)).with(csrf())
                        .param("kind", "DELIVERY").param("phone", "0905 111 222").param("address", " "))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap();
        mvc.perform(get("/test/postal/" + code).with(user(owner))
                        .requestAttr(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, typed))
                .andExpect(content().string(containsString("<li>Vui lòng nhập địa chỉ.</li>")))
                .andExpect(content().string(containsString("value=\"0905 111 222\"")))
                .andExpect(content().string(containsString("value=\"DELIVERY\" checked=\"checked\"")));
    }

    @Test
    void aFailedBookingIsKeptAndRetriedLaterUntilItSucceeds() throws Exception {
        String code = submitted();
        POSTAL.stubFor(WireMock.post(urlEqualTo("/api/shipments")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.reference", equalTo(code)))
                .inScenario("flaky " + code).whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500).withBody("temporarily unavailable"))
                .willSetStateTo("recovered"));
        POSTAL.stubFor(WireMock.post(urlEqualTo("/api/shipments")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.reference", equalTo(code)))
                .inScenario("flaky " + code).whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"trackingNumber\":\"EB100000002VN\",\"status\":\"BOOKED\"}")));

        // The applicant's request does not fail: it is recorded, and the page says it will be retried.
        mvc.perform(post("/ho-so/" + code + "/buu-chinh").with(user(owner)).with(csrf())
                        .param("kind", "PICKUP").param("phone", "0912345678").param("address", "12 Lê Lợi"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("postalMessages", List.of("Đã ghi nhận \"Gửi hồ sơ giấy qua bưu điện\" "
                        + "nhưng chưa đặt được với bưu điện; hệ thống sẽ tự động thử lại.")));
        Shipment failed = only(code);
        assertThat(failed.status()).isEqualTo(ShipmentStatus.BOOKING_FAILED);
        assertThat(failed.trackingNumber()).isNull();
        Map<String, Object> row = row(failed.id());
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat((String) row.get("last_error")).contains("500");
        assertThat(secondsUntilNextAttempt(failed.id())).isBetween(50.0, 61.0);

        // Not due yet: a round leaves it alone.
        bookings.bookDue();
        assertThat(bookingsOf(code)).hasSize(1);

        // A minute later, as far as the retry round can tell.
        jdbc.sql("update postal_shipment set next_attempt_at = now() where id = ?").param(failed.id()).update();
        bookings.bookDue();

        Shipment booked = only(code);
        assertThat(booked.status()).isEqualTo(ShipmentStatus.BOOKED);
        assertThat(booked.trackingNumber()).isEqualTo("EB100000002VN");
        assertThat(row(failed.id())).containsEntry("attempts", 2).containsEntry("last_error", null)
                .containsEntry("next_attempt_at", null);
        assertThat(booked.history()).extracting(Shipment.Event::status).containsExactly(ShipmentStatus.REQUESTED,
                ShipmentStatus.BOOKING_FAILED, ShipmentStatus.BOOKED);
        List<LoggedRequest> attempts = bookingsOf(code);
        assertThat(attempts).hasSize(2);
        assertThat(attempts).extracting(r -> r.getHeader("Idempotency-Key")).containsOnly("motcua-postal-" + booked.id());
    }

    @Test
    void aBookingThatTimesOutIsRetriedLater() throws Exception {
        String code = submitted();
        POSTAL.stubFor(WireMock.post(urlEqualTo("/api/shipments")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.reference", equalTo(code)))
                .willReturn(aResponse().withStatus(201).withFixedDelay(4000)
                        .withBody("{\"trackingNumber\":\"EB-LATE\",\"status\":\"BOOKED\"}")));
        mvc.perform(post("/ho-so/" + code + "/buu-chinh").with(user(owner)).with(csrf())
                        .param("kind", "PICKUP").param("phone", "0912345678").param("address", "12 Lê Lợi"))
                .andExpect(status().is3xxRedirection());
        Shipment late = only(code);
        assertThat(late.status()).isEqualTo(ShipmentStatus.BOOKING_FAILED);
        assertThat((String) row(late.id()).get("last_error")).containsIgnoringCase("timed out");
        assertThat(secondsUntilNextAttempt(late.id())).isPositive();
    }

    @Test
    void theCallbackWithTheSecretUpdatesTheStatusAndHistoryOnce() throws Exception {
        String code = submitted();
        String tracking = "EB100000003VN";
        Shipment pickup = bookedPickup(code, tracking);

        String pickedUp = "{\"trackingNumber\":\"" + tracking + "\",\"status\":\"PICKED_UP\","
                + "\"at\":\"2030-01-02T03:04:05Z\",\"note\":\"Bưu tá Hòa đã nhận 1 bộ hồ sơ\"}";
        var answer = callback(CALLBACK_TOKEN, pickedUp);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(json.readTree(answer.body()).path("recorded").asBoolean()).isTrue();
        assertThat(json.readTree(answer.body()).path("status").asString()).isEqualTo("PICKED_UP");

        // The same report again (a retried callback): accepted, recorded once.
        var again = callback(CALLBACK_TOKEN, pickedUp);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json.readTree(again.body()).path("recorded").asBoolean()).isFalse();

        Shipment now = only(code);
        assertThat(now.status()).isEqualTo(ShipmentStatus.PICKED_UP);
        assertThat(now.statusAt()).isEqualTo(Instant.parse("2030-01-02T03:04:05Z"));
        assertThat(now.history()).filteredOn(e -> e.status() == ShipmentStatus.PICKED_UP).singleElement()
                .satisfies(e -> {
                    assertThat(e.note()).isEqualTo("Bưu tá Hòa đã nhận 1 bộ hồ sơ");
                    assertThat(e.source()).isEqualTo("CALLBACK");
                });

        // The applicant reads it through the API and on the page.
        JsonNode api = citizen.get("/api/v1/dossiers/" + code + "/postal").json();
        JsonNode shipment = api.path("items").get(0);
        assertThat(shipment.path("trackingNumber").asString()).isEqualTo(tracking);
        assertThat(shipment.path("status").asString()).isEqualTo("PICKED_UP");
        assertThat(shipment.path("history").valueStream().map(h -> h.path("status").asString()))
                .containsExactly("REQUESTED", "BOOKED", "PICKED_UP");
        mvc.perform(get("/test/postal/" + code).with(user(owner)))
                .andExpect(content().string(containsString("Bưu điện đã nhận")))
                .andExpect(content().string(containsString("Bưu tá Hòa đã nhận 1 bộ hồ sơ")));

        // An older report arriving late is recorded in the history but does not set the status back.
        assertThat(callback(CALLBACK_TOKEN, "{\"trackingNumber\":\"" + tracking + "\",\"status\":\"IN_TRANSIT\","
                + "\"at\":\"2030-01-02T01:00:00Z\"}").statusCode()).isEqualTo(200);
        assertThat(only(code).status()).isEqualTo(ShipmentStatus.PICKED_UP);
        assertThat(pickup.id()).isEqualTo(only(code).id());
    }

    @Test
    void aForgedOrMissingSecretIsRefusedAndChangesNothing() throws Exception {
        String code = submitted();
        String tracking = "EB100000004VN";
        bookedPickup(code, tracking);
        String delivered = "{\"trackingNumber\":\"" + tracking + "\",\"status\":\"DELIVERED\",\"at\":\"2030-01-03T00:00:00Z\"}";

        var forged = callback("test-callback-secreT", delivered);
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(json.readTree(forged.body()).path("error").asString()).isEqualTo("unauthorized");
        assertThat(callback(null, delivered).statusCode()).isEqualTo(401);
        assertThat(callback("", delivered).statusCode()).isEqualTo(401);
        // An account's bearer token is no substitute for the postal secret.
        assertThat(send("/api/v1/postal/status", delivered,
                Map.of("Content-Type", "application/json", "Authorization", "Bearer " + citizen.token()))
                .statusCode()).isEqualTo(401);
        // Even a malformed body is refused for its missing secret, before it is read.
        assertThat(callback("wrong", "not json").statusCode()).isEqualTo(401);

        Shipment unchanged = only(code);
        assertThat(unchanged.status()).isEqualTo(ShipmentStatus.BOOKED);
        assertThat(unchanged.history()).extracting(Shipment.Event::status)
                .containsExactly(ShipmentStatus.REQUESTED, ShipmentStatus.BOOKED);

        // With the secret: an unknown number is 404, an unknown status 400.
        assertThat(callback(CALLBACK_TOKEN, delivered.replace(tracking, "EB999999999VN")).statusCode()).isEqualTo(404);
        assertThat(callback(CALLBACK_TOKEN, delivered.replace("DELIVERED", "LOST")).statusCode()).isEqualTo(400);
        assertThat(only(code).status()).isEqualTo(ShipmentStatus.BOOKED);
    }

    @Test
    void shipmentsUnderWayArePolled() throws Exception {
        String code = submitted();
        String tracking = "EB100000005VN";
        bookedPickup(code, tracking);
        POSTAL.stubFor(WireMock.get(urlEqualTo("/api/shipments/" + tracking)).willReturn(okJson(
                "{\"trackingNumber\":\"" + tracking + "\",\"status\":\"IN_TRANSIT\",\"at\":\"2030-01-04T08:00:00+07:00\"}")));

        bookings.pollOnce();
        bookings.pollOnce(); // the same answer again is not a new status

        Shipment polled = only(code);
        assertThat(polled.status()).isEqualTo(ShipmentStatus.IN_TRANSIT);
        assertThat(polled.statusAt()).isEqualTo(Instant.parse("2030-01-04T01:00:00Z"));
        assertThat(polled.history()).filteredOn(e -> e.status() == ShipmentStatus.IN_TRANSIT).singleElement()
                .satisfies(e -> assertThat(e.source()).isEqualTo("POLL"));
        POSTAL.verify(WireMock.getRequestedFor(urlEqualTo("/api/shipments/" + tracking))
                .withHeader("Authorization", equalTo("Bearer " + POSTAL_TOKEN)));
    }

    @Test
    void theResultReturnedByPostIsDeliveredToTheAddressTheApplicantGave() throws Exception {
        String code = submitted();
        mvc.perform(post("/ho-so/" + code + "/buu-chinh").with(user(owner)).with(csrf())
                        .param("kind", "DELIVERY").param("recipientName", "Nguyễn Thị Lan")
                        .param("phone", "0905 111 222").param("address", "45 Trần Hưng Đạo, phường Phú Hội"))
                .andExpect(flash().attribute("postalMessages", List.of("Đã đăng ký \"Nhận kết quả qua bưu điện\". "
                        + "Kết quả sẽ được gửi qua bưu điện đến địa chỉ của bạn khi có.")));
        Shipment requested = only(code);
        assertThat(requested.status()).isEqualTo(ShipmentStatus.REQUESTED);
        assertThat(requested.fee()).isEqualTo(25000);
        bookings.bookDue();
        assertThat(bookingsOf(code)).as("nothing booked before the result is returned").isEmpty();

        stubBooking(code, "DELIVERY", 201, "{\"trackingNumber\":\"EB200000001VN\",\"status\":\"BOOKED\"}");
        returnResult(code, "POST");

        Shipment delivery = eventually(() -> Optional.of(only(code)).filter(s -> s.trackingNumber() != null));
        assertThat(delivery.id()).isEqualTo(requested.id());
        assertThat(delivery.status()).isEqualTo(ShipmentStatus.BOOKED);
        assertThat(delivery.trackingNumber()).isEqualTo("EB200000001VN");
        JsonNode body = json.readTree(bookingsOf(code).getFirst().getBodyAsString());
        assertThat(body.path("type").asString()).isEqualTo("DELIVERY");
        assertThat(body.path("name").asString()).isEqualTo("Nguyễn Thị Lan");
        assertThat(body.path("phone").asString()).isEqualTo("0905 111 222");
        assertThat(body.path("address").asString()).isEqualTo("45 Trần Hưng Đạo, phường Phú Hội");

        // The officials of the agency read the status; they have no form.
        CurrentUser reception = accounts.findUser("reception").orElseThrow();
        mvc.perform(get("/test/postal/" + code).with(user(reception))).andExpect(status().isOk())
                .andExpect(content().string(containsString("EB200000001VN")))
                .andExpect(content().string(not(containsString("<form"))));
        ApiClient officer = ApiClient.signIn(port, "reception", "demo123");
        assertThat(officer.get("/api/v1/dossiers/" + code + "/postal").json().path("items").get(0)
                .path("trackingNumber").asString()).isEqualTo("EB200000001VN");
    }

    @Test
    void withoutARequestTheResultGoesToTheApplicantsAddressOnTheDossier() throws Exception {
        String code = submitted();
        stubBooking(code, "DELIVERY", 201, "{\"trackingNumber\":\"EB200000002VN\",\"status\":\"BOOKED\"}");
        returnResult(code, "POST");

        Shipment delivery = eventually(() -> postal.shipments(code, owner).stream()
                .filter(s -> s.trackingNumber() != null).findFirst());
        assertThat(delivery.kind()).isEqualTo(ShipmentKind.DELIVERY);
        assertThat(delivery.recipientName()).isEqualTo("Nguyễn Văn An");
        assertThat(delivery.address()).isEqualTo("12 Lê Lợi, phường Thuận Hóa, thành phố Huế");
        assertThat(delivery.fee()).isEqualTo(25000);
        assertThat(json.readTree(bookingsOf(code).getFirst().getBodyAsString()).path("phone").asString())
                .isEqualTo("0912345678");
    }

    @Test
    void aDeliveryRequestIsCancelledWhenTheResultIsReturnedOtherwise() throws Exception {
        String code = submitted();
        mvc.perform(post("/ho-so/" + code + "/buu-chinh").with(user(owner)).with(csrf())
                        .param("kind", "DELIVERY").param("phone", "0905111222").param("address", "45 Trần Hưng Đạo"))
                .andExpect(status().is3xxRedirection());
        returnResult(code, "COUNTER");

        Shipment cancelled = eventually(() -> Optional.of(only(code))
                .filter(s -> s.status() == ShipmentStatus.CANCELLED));
        assertThat(cancelled.trackingNumber()).isNull();
        assertThat(bookingsOf(code)).isEmpty();
    }

    @Test
    void requestsNotBookedAreCancelledWhenTheDossierIsWithdrawn() throws Exception {
        String code = submitted();
        mvc.perform(post("/ho-so/" + code + "/buu-chinh").with(user(owner)).with(csrf())
                        .param("kind", "DELIVERY").param("phone", "0905111222").param("address", "45 Trần Hưng Đạo"))
                .andExpect(status().is3xxRedirection());
        assertThat(citizen.postJson("/api/v1/dossiers/" + code + "/actions", Map.of("action", "WITHDRAW")).status())
                .isEqualTo(200);

        Shipment cancelled = eventually(() -> Optional.of(only(code))
                .filter(s -> s.status() == ShipmentStatus.CANCELLED));
        assertThat(cancelled.history()).last().satisfies(e -> assertThat(e.note()).isEqualTo("Hồ sơ đã được rút"));
        // Nothing more can be asked for on a withdrawn dossier.
        assertThat(postal.panel(code, owner).choosable()).isEmpty();
    }

    @Test
    void anotherPersonCanNeitherSeeNorChooseOnSomeoneElsesDossier() throws Exception {
        String code = submitted();
        bookedPickup(code, "EB100000006VN");
        CurrentUser business = accounts.findUser("business").orElseThrow();

        mvc.perform(post("/ho-so/" + code + "/buu-chinh").with(user(business)).with(csrf())
                        .param("kind", "DELIVERY").param("phone", "0905123456").param("address", "45 Hùng Vương"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/ho-so/" + code + "/buu-chinh/huy").with(user(business)).with(csrf())
                        .param("kind", "PICKUP"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/test/postal/" + code).with(user(business))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("EB100000006VN"))))
                .andExpect(content().string(not(containsString("buu-chinh"))));
        ApiClient other = ApiClient.signIn(port, "business", "demo123");
        assertThat(other.get("/api/v1/dossiers/" + code + "/postal").status()).isEqualTo(404);

        // Officials do not choose for the applicant, and those of another agency do not see the dossier.
        CurrentUser reception = accounts.findUser("reception").orElseThrow();
        mvc.perform(post("/ho-so/" + code + "/buu-chinh").with(user(reception)).with(csrf())
                        .param("kind", "DELIVERY").param("phone", "0905123456").param("address", "45 Hùng Vương"))
                .andExpect(status().isForbidden());
        accounts.official("postal-other-ward", "000.31.02.H57",
                Role.RECEPTION);
        ApiClient otherWard = ApiClient.signIn(port, "postal-other-ward", TestData.PASSWORD);
        assertThat(otherWard.get("/api/v1/dossiers/" + code + "/postal").status()).isEqualTo(404);
        // Without a form post's CSRF token even the owner is refused.
        mvc.perform(post("/ho-so/" + code + "/buu-chinh").with(user(owner))
                        .param("kind", "DELIVERY").param("phone", "0905123456").param("address", "45 Hùng Vương"))
                .andExpect(status().isForbidden());

        assertThat(only(code).kind()).isEqualTo(ShipmentKind.PICKUP);
    }

    @Test
    void anUnbookedRequestCanBeCancelledByTheApplicant() throws Exception {
        String code = submitted();
        mvc.perform(post("/ho-so/" + code + "/buu-chinh").with(user(owner)).with(csrf())
                        .param("kind", "DELIVERY").param("phone", "0905111222").param("address", "45 Trần Hưng Đạo"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/test/postal/" + code).with(user(owner)))
                .andExpect(content().string(containsString("action=\"/ho-so/" + code + "/buu-chinh/huy\"")));
        mvc.perform(post("/ho-so/" + code + "/buu-chinh/huy").with(user(owner)).with(csrf()).param("kind", "DELIVERY"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("postalMessages", List.of("Đã hủy yêu cầu \"Nhận kết quả qua bưu điện\".")));
        assertThat(only(code).status()).isEqualTo(ShipmentStatus.CANCELLED);
        // ... and asked for again.
        mvc.perform(post("/ho-so/" + code + "/buu-chinh").with(user(owner)).with(csrf())
                        .param("kind", "DELIVERY").param("phone", "0905111222").param("address", "46 Trần Hưng Đạo"))
                .andExpect(status().is3xxRedirection());
        assertThat(postal.shipments(code, owner)).extracting(Shipment::status)
                .containsExactly(ShipmentStatus.CANCELLED, ShipmentStatus.REQUESTED);
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** A new dossier of the demo citizen, submitted online. */
    String submitted() {
        ApiClient.Response created = citizen.postMultipart("/api/v1/dossiers",
                TestData.submission(catalog.procedure(BIRTH).orElseThrow(), WARD), null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("code").asString();
    }

    /** Takes the dossier through to its result and returns it by the method. */
    void returnResult(String code, String method) {
        ApiClient reception = ApiClient.signIn(port, "reception", "demo123");
        ApiClient specialist = ApiClient.signIn(port, "specialist", "demo123");
        ApiClient leader = ApiClient.signIn(port, "leader", "demo123");
        for (Object[] step : new Object[][]{{reception, "RECEIVE"}, {specialist, "FORWARD"},
                {leader, "APPROVE"}, {specialist, "ISSUE_RESULT"}, {reception, "RETURN_RESULT"}}) {
            Map<String, Object> action = switch ((String) step[1]) {
                case "ISSUE_RESULT" -> Map.of("action", "ISSUE_RESULT", "note", "Cấp Giấy khai sinh bản chính.");
                case "RETURN_RESULT" -> Map.of("action", "RETURN_RESULT", "returnMethod", method);
                default -> Map.of("action", step[1]);
            };
            ApiClient.Response response = ((ApiClient) step[0]).postJson("/api/v1/dossiers/" + code + "/actions", action);
            assertThat(response.status()).as(step[1] + ": " + response.body()).isEqualTo(200);
        }
    }

    Shipment bookedPickup(String code, String tracking) throws Exception {
        stubBooking(code, "PICKUP", 201, "{\"trackingNumber\":\"" + tracking + "\",\"status\":\"BOOKED\"}");
        mvc.perform(post("/ho-so/" + code + "/buu-chinh").with(user(owner)).with(csrf())
                        .param("kind", "PICKUP").param("phone", "0912345678").param("address", "12 Lê Lợi"))
                .andExpect(status().is3xxRedirection());
        Shipment shipment = only(code);
        assertThat(shipment.trackingNumber()).isEqualTo(tracking);
        return shipment;
    }

    static void stubBooking(String code, String type, int status, String body) {
        POSTAL.stubFor(WireMock.post(urlEqualTo("/api/shipments")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.reference", equalTo(code)))
                .withRequestBody(matchingJsonPath("$.type", equalTo(type)))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody(body)));
    }

    static List<LoggedRequest> bookingsOf(String code) {
        return POSTAL.findAll(postRequestedFor(urlEqualTo("/api/shipments"))
                .withRequestBody(matchingJsonPath("$.reference", equalTo(code))));
    }

    Shipment only(String code) {
        List<Shipment> shipments = postal.shipments(code, owner);
        assertThat(shipments).hasSize(1);
        return shipments.getFirst();
    }

    HttpResponse<String> callback(String token, String body) {
        return token == null
                ? send("/api/v1/postal/status", body, Map.of("Content-Type", "application/json"))
                : send("/api/v1/postal/status", body,
                        Map.of("Content-Type", "application/json", "X-Postal-Token", token));
    }

    HttpResponse<String> send(String path, String body, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Map<String, Object> row(long id) {
        return jdbc.sql("select * from postal_shipment where id = ?").param(id).query().singleRow();
    }

    double secondsUntilNextAttempt(long id) {
        return jdbc.sql("select extract(epoch from next_attempt_at - now())::float8 from postal_shipment where id = ?")
                .param(id).query(Double.class).single();
    }

    static <T> T eventually(Supplier<Optional<T>> probe) {
        return await("the probe answers").atMost(Duration.ofSeconds(15)).until(probe::get, Optional::isPresent).get();
    }
}
