package vn.motcua.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;

/**
 * A petition's answer carries its full text, so its look-up by number and phone digits is limited like a dossier's:
 * a few wrong tries per number, then 429 with {@code Retry-After}; the acknowledgment gives the sender a link with the
 * petition's random key, which opens it at once and is never counted as a guess.
 */
@IntegrationTest
class PetitionLookupTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    final List<String> numbers = new ArrayList<>();

    @AfterEach
    void forgetTheGuesses() {
        if (!numbers.isEmpty()) {
            jdbc.sql("delete from lookup_failure where subject in (:numbers)").param("numbers", numbers).update();
        }
    }

    @Test
    void fiveWrongPhoneDigitsThenAWaitWhileTheAcknowledgmentsLinkStillOpensIt() throws Exception {
        HttpResponse<String> sent = Http.postJson(port, "/api/v1/petitions", """
                {"name": "Lê Văn Hải", "phone": "0913 222 444", "agencyCode": "000.31.01.H57",
                 "content": "Đường dẫn tra cứu bí mật của tôi."}""");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        JsonNode receipt = JSON.readTree(sent.body());
        String number = receipt.get("number").asString();
        numbers.add(number);
        String link = receipt.get("trackingUrl").asString();
        String key = jdbc.sql("select tracking_key from petition where number = ?").param(number)
                .query(String.class).single();
        assertThat(link).endsWith("/phan-anh-kien-nghi/tra-cuu?so=" + number + "&khoa=" + key);
        String path = URI.create(link).getRawPath() + "?" + URI.create(link).getRawQuery();

        for (int i = 0; i < 5; i++) {
            assertThat(Http.get(port, "/api/v1/petitions/" + number + "?phone=000" + i).statusCode()).isEqualTo(404);
        }
        HttpResponse<String> blocked = Http.get(port, "/api/v1/petitions/" + number + "?phone=2444");
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
        assertThat(blocked.body()).contains("Đã nhập sai quá nhiều lần").doesNotContain("Đường dẫn tra cứu bí mật");
        HttpResponse<String> page = Http.get(port, "/phan-anh-kien-nghi/tra-cuu?so=" + number + "&sdt=2444");
        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(page.body()).contains("Đã nhập sai quá nhiều lần").doesNotContain("Đường dẫn tra cứu bí mật");

        // The sender's own link: no guessing, so not held back, and nothing more than the tracking page shows.
        HttpResponse<String> own = Http.get(port, path);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains(number, "Đường dẫn tra cứu bí mật của tôi.")
                .doesNotContain("Lê Văn Hải", "0913", "role=\"alert\"");
        HttpResponse<String> api = Http.get(port, "/api/v1/petitions/" + number + "?key=" + key);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).doesNotContain("Lê Văn Hải", "0913");
    }

    @Test
    void theAcknowledgmentPageGivesTheKeyLinkAndTheTrackingPageOpensWithoutAnError() throws Exception {
        var result = mvc.perform(post("/phan-anh-kien-nghi/gui").param("hoTen", "Võ Thị Lan").param("dienThoai", "0935111777")
                        .param("coQuan", "000.31.01.H57").param("noiDung", "Xin hỏi lịch tiếp dân.").with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String number = (String) result.getFlashMap().get("number");
        numbers.add(number);
        String key = jdbc.sql("select tracking_key from petition where number = ?").param(number)
                .query(String.class).single();
        // The acknowledgment page shows the sender their own link.
        assertThat((String) result.getFlashMap().get("trackingUrl"))
                .endsWith("/phan-anh-kien-nghi/tra-cuu?so=" + number + "&khoa=" + key);

        assertThat(mvc.perform(get("/phan-anh-kien-nghi/tra-cuu")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).doesNotContain("role=\"alert\"");
        assertThat(mvc.perform(get("/phan-anh-kien-nghi/tra-cuu").param("so", number)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("role=\"alert\"");
        // Opened by the key, the page's own forms carry the key, not a phone.
        String byKey = mvc.perform(get("/phan-anh-kien-nghi/tra-cuu").param("so", number).param("khoa", key))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(byKey).contains("Xin hỏi lịch tiếp dân.").doesNotContain("0935111777");
    }
}
