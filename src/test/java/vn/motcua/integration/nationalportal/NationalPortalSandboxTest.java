package vn.motcua.integration.nationalportal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

import vn.motcua.support.Accounts;
import vn.motcua.support.IntegrationTest;

/**
 * Demo mode's national portal sandbox, which the {@link IntegrationTest} application starts itself on loopback and
 * uses as its national portal: its queue → our intake → its record of the acknowledgements; its labelled page.
 */
@IntegrationTest
class NationalPortalSandboxTest {

    @Autowired NationalPortalProperties properties;
    @Autowired NationalIntake intake;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;

    @Test
    void aTestDossierGoesFromTheSandboxQueueIntoTheIntakeAndItsAcknowledgementBack() throws Exception {
        assertThat(properties.configured()).isTrue();
        assertThat(properties.url().getHost()).isEqualTo("127.0.0.1");
        NationalPortalSandbox sandbox = NationalPortalSandbox.at(properties.url().toString()).orElseThrow();
        String demo = sandbox.queue(false);
        String unknown = sandbox.queue(true);

        intake.pull();
        intake.sendAcknowledgements();
        // The application's own retry round may be sending them at the same moment.
        await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.acknowledgements().keySet()
                .containsAll(java.util.List.of(demo, unknown)));

        JsonNode received = sandbox.acknowledgements().get(demo);
        assertThat(received.path("KetQua").asString()).isEqualTo("TIEP_NHAN");
        String ours = received.path("MaHoSoDiaPhuong").asString();
        assertThat(jdbc.sql("select channel from dossier where code = ?").param(ours).query(String.class).single())
                .isEqualTo("NATIONAL_PORTAL");
        JsonNode refused = sandbox.acknowledgements().get(unknown);
        assertThat(refused.path("KetQua").asString()).isEqualTo("TU_CHOI");
        assertThat(refused.path("LyDo").asString()).contains("9.999999");

        // Acknowledged dossiers leave the queue: the next pull brings nothing.
        assertThat(intake.pull()).isZero();

        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(properties.url() + "/")).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(page.body()).contains("Cổng Dịch vụ công quốc gia – HỘP CÁT THỬ NGHIỆM", demo, ours, "TU_CHOI",
                "action=\"/hang-doi\"");

        String admin = mvc.perform(MockMvcRequestBuilders.get("/quan-tri/lien-thong/ho-so-den")
                        .with(user(accounts.findUser("admin").orElseThrow())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(admin).contains(demo, unknown, ours, "hộp cát thử nghiệm", properties.url() + "/");
    }

    @Test
    void theSandboxRefusesUnsignedRequests() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(properties.url() + "/ho-so/lay-danh-sach"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"MaDonVi\":\"46\",\"SoLuong\":5}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(401);
    }
}
