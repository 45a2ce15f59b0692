package vn.motcua.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.motcua.catalog.CatalogService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.integration.postal.PostalBookings;
import vn.motcua.support.Accounts;
import vn.motcua.support.ApiClient;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestData;

/** In the ordinary test application no postal API is configured: the panel says so and nothing is booked. */
@IntegrationTest
class PostalServiceOffTest {

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired CatalogService catalog;
    @Autowired Accounts accounts;
    @Autowired PostalService postal;
    @Autowired PostalBookings bookings;
    @Autowired JdbcClient jdbc;

    @Test
    void withoutPostalApiNothingCanBeAskedForNorIsBooked() throws Exception {
        ApiClient citizen = ApiClient.signIn(port, "citizen", "demo123");
        CurrentUser owner = accounts.findUser("citizen").orElseThrow();
        String code = citizen.postMultipart("/api/v1/dossiers",
                TestData.submission(catalog.procedure("1.001193").orElseThrow(), "000.31.01.H57"), null)
                .json().get("code").asString();

        PostalPanel panel = postal.panel(code, owner);
        assertThat(panel.visible()).isTrue();
        assertThat(panel.available()).isFalse();
        assertThat(panel.choosable()).isEmpty();
        assertThat(panel.fees()).containsEntry(ShipmentKind.PICKUP, 22000L).containsEntry(ShipmentKind.DELIVERY, 25000L);

        mvc.perform(post("/ho-so/" + code + "/buu-chinh").with(user(owner)).with(csrf())
                        .param("kind", "PICKUP").param("phone", "0912345678").param("address", "12 Lê Lợi"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("postalProblems", List.of("Dịch vụ bưu chính công ích hiện chưa sẵn sàng. "
                        + "Vui lòng nộp giấy tờ và nhận kết quả tại bộ phận một cửa.")));
        assertThat(bookings.bookDue()).isZero();
        assertThat(bookings.pollOnce()).isZero();

        // A result returned by post books nothing either.
        ApiClient reception = ApiClient.signIn(port, "reception", "demo123");
        ApiClient specialist = ApiClient.signIn(port, "specialist", "demo123");
        ApiClient leader = ApiClient.signIn(port, "leader", "demo123");
        for (Object[] step : new Object[][]{{reception, Map.of("action", "RECEIVE")}, // and on to the specialist
                {specialist, Map.of("action", "FORWARD")},
                {leader, Map.of("action", "APPROVE")},
                {specialist, Map.of("action", "ISSUE_RESULT", "note", "Cấp Giấy khai sinh bản chính.")},
                {reception, Map.of("action", "RETURN_RESULT", "returnMethod", "POST")}}) {
            ApiClient.Response response = ((ApiClient) step[0]).postJson("/api/v1/dossiers/" + code + "/actions", step[1]);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
        }
        await("the postal listener ran").atMost(Duration.ofSeconds(15)).until(() -> returnedHandled(code) > 0);
        assertThat(returnedHandled(code)).as("the postal listener ran").isEqualTo(1);
        assertThat(postal.shipments(code, owner)).isEmpty();
    }

    private int returnedHandled(String code) {
        return jdbc.sql("""
                select count(*) from event_publication
                where listener_id like 'vn.motcua.integration.%' and event_type like '%DossierReturned'
                  and serialized_event like ? and completion_date is not null""")
                .param("%" + code + "%").query(Integer.class).single();
    }
}
