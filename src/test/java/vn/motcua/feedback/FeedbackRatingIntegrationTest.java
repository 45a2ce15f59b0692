package vn.motcua.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.motcua.catalog.CatalogService;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.identity.Actors;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.platform.web.UserFacingException;
import vn.motcua.support.Accounts;
import vn.motcua.support.ApiClient;
import vn.motcua.support.ApiClient.FilePart;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestData;

/**
 * Satisfaction ratings of a dossier whose result is ready: once per dossier, online by its applicant, by the signed link
 * of the result notice without signing in, and on the counter's tablet; each announced by {@link RatingGiven}.
 */
@IntegrationTest
@RecordApplicationEvents
class FeedbackRatingIntegrationTest {

    static final String WARD = "000.31.01.H57";       // Phường Thuận Hóa: the demo officials work here
    static final String OTHER_WARD = "000.31.02.H57"; // Phường Phú Xuân
    static final String BIRTH = "1.001193";           // Đăng ký khai sinh: no fee, so the result is not held back

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired Actors actors;
    @Autowired CatalogService catalog;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired RatingLinks links;
    @Autowired RatingService ratings;
    @Autowired vn.motcua.platform.MotCuaProperties motcua;
    @Autowired DossierQueries dossiers;
    @Autowired ApplicationEvents events;

    ApiClient citizen, reception, specialist, leader;

    @BeforeEach
    void signIn() {
        citizen = ApiClient.signIn(port, "citizen", "demo123");
        reception = ApiClient.signIn(port, "reception", "demo123");
        specialist = ApiClient.signIn(port, "specialist", "demo123");
        leader = ApiClient.signIn(port, "leader", "demo123");
    }

    @Test
    void theApplicantRatesOnceFromTheDossierPageAndASecondAttemptIsRefused() throws Exception {
        String code = dossierWithResult();
        String page = mvc.perform(get("/ho-so-cua-toi/" + code).with(user(account("citizen"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Đánh giá mức độ hài lòng", "/danh-gia/ho-so/" + code,
                "Thời gian giải quyết hồ sơ so với thời gian theo quy định", "Rất hài lòng", "Không hài lòng",
                "name=\"tc_overall\"");

        mvc.perform(rate(post("/danh-gia/ho-so/" + code), Map.of("attitude", "NOT_SATISFIED"))
                        .param("gopY", "Cán bộ hướng dẫn chưa rõ").with(user(account("citizen"))).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/ho-so-cua-toi/" + code))
                .andExpect(flash().attributeExists("ratingDone"));

        Rating stored = ratings.rating(code, actor("citizen")).orElseThrow();
        assertThat(stored.via()).isEqualTo(RatingChannel.ONLINE);
        assertThat(stored.satisfied()).isFalse();
        assertThat(stored.answers()).hasSize(ratings.criteria().size())
                .containsEntry("attitude", Satisfaction.NOT_SATISFIED).containsEntry("time", Satisfaction.VERY_SATISFIED);
        assertThat(stored.comment()).isEqualTo("Cán bộ hướng dẫn chưa rõ");
        assertThat(stored.ratedBy()).isEqualTo("citizen");
        assertThat(events.stream(RatingGiven.class).filter(e -> e.dossierCode().equals(code)))
                .singleElement().satisfies(e -> {
                    assertThat(e.agencyCode()).isEqualTo(WARD);
                    assertThat(e.procedureCode()).isEqualTo(BIRTH);
                    assertThat(e.via()).isEqualTo("ONLINE");
                    assertThat(e.satisfied()).isFalse();
                    assertThat(e.at()).isEqualTo(stored.ratedAt());
                });

        // The second attempt, from the page or the API, is refused with a reason; the first rating stands.
        mvc.perform(rate(post("/danh-gia/ho-so/" + code), Map.of()).with(user(account("citizen"))).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problems", List.of("Hồ sơ " + code
                        + " đã được đánh giá. Mỗi hồ sơ chỉ được đánh giá một lần.")));
        ApiClient.Response again = citizen.postJson("/api/v1/dossiers/" + code + "/rating",
                Map.of("answers", allAnswers(Map.of())));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("message").asString()).contains("đã được đánh giá");
        assertThat(ratingCount(code)).isEqualTo(1);
        assertThat(events.stream(RatingGiven.class).filter(e -> e.dossierCode().equals(code))).hasSize(1);

        // The applicant's page now shows the rating instead of the form; officials of the agency see it too.
        String after = mvc.perform(get("/ho-so-cua-toi/" + code).with(user(account("citizen"))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(after).doesNotContain("/danh-gia/ho-so/" + code).contains("Cán bộ hướng dẫn chưa rõ");
        String official = mvc.perform(get("/quan-tri/ho-so/" + code).with(user(account("leader"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(official).contains("Đánh giá mức độ hài lòng", "Cán bộ hướng dẫn chưa rõ",
                "Không hài lòng (có tiêu chí không hài lòng)", "trực tuyến");
        assertThat(leader.get("/api/v1/dossiers/" + code + "/rating").json().get("via").asString()).isEqualTo("ONLINE");
    }

    @Test
    void aRatingIsRefusedBeforeTheResultAndWhenIncomplete() {
        String code = submitted();
        ApiClient.Response early = citizen.postJson("/api/v1/dossiers/" + code + "/rating",
                Map.of("answers", allAnswers(Map.of())));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("message").asString())
                .isEqualTo("Hồ sơ " + code + " chưa có kết quả: chỉ đánh giá được khi kết quả đã sẵn sàng hoặc đã được trả.");
        assertThat(ratingCount(code)).isZero();

        String ready = dossierWithResult();
        Map<String, String> incomplete = allAnswers(Map.of());
        incomplete.remove("fees");
        ApiClient.Response partial = citizen.postJson("/api/v1/dossiers/" + ready + "/rating",
                Map.of("answers", incomplete));
        assertThat(partial.status()).isEqualTo(400);
        assertThat(partial.json().get("message").asString()).startsWith("Hãy chọn mức đánh giá cho tiêu chí \"Phí, lệ phí");
        ApiClient.Response unknown = citizen.postJson("/api/v1/dossiers/" + ready + "/rating",
                Map.of("answers", allAnswers(Map.of("fees", "GREAT"))));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(ratingCount(ready)).isZero();

        ApiClient.Response rated = citizen.postJson("/api/v1/dossiers/" + ready + "/rating",
                Map.of("answers", allAnswers(Map.of()), "comment", "Nhanh gọn"));
        assertThat(rated.status()).as(rated.body()).isEqualTo(201);
        assertThat(rated.json().get("satisfied").asBoolean()).isTrue();
        assertThat(rated.json().get("via").asString()).isEqualTo("ONLINE");
    }

    @Test
    void aCitizenCannotRateSomeoneElsesDossier() throws Exception {
        String code = dossierWithResult();
        mvc.perform(rate(post("/danh-gia/ho-so/" + code), Map.of()).with(user(account("business"))).with(csrf()))
                .andExpect(status().isNotFound());
        ApiClient business = ApiClient.signIn(port, "business", "demo123");
        assertThat(business.postJson("/api/v1/dossiers/" + code + "/rating", Map.of("answers", allAnswers(Map.of())))
                .status()).isEqualTo(404);
        assertThat(business.get("/api/v1/dossiers/" + code + "/rating").status()).isEqualTo(404);
        // Nor may an official rate in the applicant's name online.
        assertThat(reception.postJson("/api/v1/dossiers/" + code + "/rating", Map.of("answers", allAnswers(Map.of())))
                .status()).isIn(403, 404);
        assertThat(ratingCount(code)).isZero();
        assertThat(events.stream(RatingGiven.class).filter(e -> e.dossierCode().equals(code))).isEmpty();
    }

    @Test
    void theResultNoticeCarriesASignedLinkThatWorksWithoutSigningIn() throws Exception {
        String code = dossierWithResult();
        String token = links.token(code).orElseThrow();
        String path = "/danh-gia/" + token + "?ma=" + code;

        // The SMS announcing the result carries the link (the notification module renders it after commit).
        assertThat(awaitNotice(code, "SMS")).contains("Danh gia muc do hai long: " + motcua.publicUrl() + path);
        assertThat(awaitNotice(code, "EMAIL")).contains("Mời ông/bà đánh giá mức độ hài lòng", motcua.publicUrl() + path);

        String page = mvc.perform(get(path)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Đăng ký khai sinh", code, "Mức độ hài lòng chung", "name=\"_csrf\"")
                .doesNotContain("Nguyễn Văn An", "0912345678");

        // A tampered token, a token of another dossier, or none at all: not found, and nothing recorded.
        String tampered = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
        mvc.perform(get("/danh-gia/" + tampered + "?ma=" + code)).andExpect(status().isNotFound());
        mvc.perform(rate(post("/danh-gia/" + tampered + "?ma=" + code), Map.of()).with(csrf()))
                .andExpect(status().isNotFound());
        String other = submitted();
        mvc.perform(get("/danh-gia/" + token + "?ma=" + other)).andExpect(status().isNotFound());
        mvc.perform(get("/danh-gia/" + token)).andExpect(status().isNotFound());
        assertThat(ratingCount(code)).isZero();

        mvc.perform(rate(post(path), Map.of()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(path))
                .andExpect(flash().attributeExists("ratingDone"));
        Rating stored = ratings.rating(code, actor("citizen")).orElseThrow();
        assertThat(stored.via()).isEqualTo(RatingChannel.SMS);
        assertThat(stored.ratedBy()).isNull();
        assertThat(stored.satisfied()).isTrue();
        assertThat(events.stream(RatingGiven.class).filter(e -> e.dossierCode().equals(code)))
                .singleElement().satisfies(e -> assertThat(e.via()).isEqualTo("SMS"));

        // The link again: a thank-you, no form; a second rating is refused with 409 on the page.
        assertThat(mvc.perform(get(path)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Hồ sơ này đã được đánh giá").doesNotContain("name=\"tc_time\"");
        String refused = mvc.perform(rate(post(path), Map.of()).with(csrf())).andExpect(status().isConflict())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("đã được đánh giá. Mỗi hồ sơ chỉ được đánh giá một lần.");
        assertThat(ratingCount(code)).isEqualTo(1);
    }

    @Test
    void theCounterTabletIsOnlyForReceptionOfficersOfTheAgency() throws Exception {
        accounts.official("reception-phuxuan-fb", OTHER_WARD, Role.RECEPTION);
        String code = dossierWithResult();
        act(reception, code, "RETURN_RESULT"); // handed over at the counter (the default way)
        String kiosk = "/quan-tri/danh-gia/" + code;

        mvc.perform(get(kiosk).with(user(account("specialist")))).andExpect(status().isForbidden());
        mvc.perform(get(kiosk).with(user(account("citizen")))).andExpect(status().isForbidden());
        mvc.perform(get(kiosk)).andExpect(status().is3xxRedirection()); // to the login page
        mvc.perform(get(kiosk).with(user(account("reception-phuxuan-fb")))).andExpect(status().isNotFound());
        mvc.perform(rate(post(kiosk), Map.of()).with(user(account("reception-phuxuan-fb"))).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(rate(post(kiosk), Map.of()).with(user(account("specialist"))).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(ratingCount(code)).isZero();

        // The official's dossier page offers the tablet to the reception officer.
        assertThat(mvc.perform(get("/quan-tri/ho-so/" + code).with(user(account("reception"))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("href=\"" + kiosk + "\"");

        String page = mvc.perform(get(kiosk).with(user(account("reception")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("class=\"kiosk\"", "Mời ông/bà đánh giá mức độ hài lòng", "name=\"tc_delivery\"")
                .doesNotContain("/quan-tri/ho-so", "/dang-xuat", "/quan-tri\"");

        // Incomplete: the tablet says what is missing, with the choices made so far kept.
        String partial = mvc.perform(post(kiosk).param("tc_time", "SATISFIED").with(user(account("reception")))
                        .with(csrf())).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(partial).contains("Hãy chọn mức đánh giá cho tiêu chí", "name=\"tc_time\" value=\"SATISFIED\" required checked=\"checked\"");

        mvc.perform(rate(post(kiosk), Map.of("overall", "SATISFIED")).with(user(account("reception"))).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(kiosk + "/cam-on"));
        String thanks = mvc.perform(get(kiosk + "/cam-on").with(user(account("reception"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(thanks).contains("Cảm ơn ông/bà!").doesNotContain("<a ", "<nav");

        Rating stored = ratings.rating(code, actor("leader")).orElseThrow();
        assertThat(stored.via()).isEqualTo(RatingChannel.COUNTER);
        assertThat(stored.ratedBy()).isEqualTo("reception");
        assertThat(events.stream(RatingGiven.class).filter(e -> e.dossierCode().equals(code)))
                .singleElement().satisfies(e -> assertThat(e.via()).isEqualTo("COUNTER"));
        assertThatThrownBy(() -> ratings.rateAtCounter(code, new RatingForm(allAnswers(Map.of()), null),
                actor("reception")))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));
    }

    @Test
    void theTabletIsOnlyForAResultHandedOverAtTheCounterAndTheApplicantKeepsTheirOwnRating() throws Exception {
        String code = dossierWithResult(); // an online dossier nobody brought to the counter
        String kiosk = "/quan-tri/danh-gia/" + code;
        assertThat(mvc.perform(get("/quan-tri/ho-so/" + code).with(user(account("reception"))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("href=\"" + kiosk + "\"");
        mvc.perform(get(kiosk).with(user(account("reception")))).andExpect(status().isConflict());
        String refused = mvc.perform(rate(post(kiosk), Map.of()).with(user(account("reception"))).with(csrf()))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("không trả kết quả tại quầy");
        assertThat(ratingCount(code)).isZero();

        // Nor through the applicant's own ways: the API, the dossier page's form, the notice's link.
        assertThat(reception.postJson("/api/v1/dossiers/" + code + "/rating", Map.of("answers", allAnswers(Map.of())))
                .status()).isEqualTo(403);
        mvc.perform(rate(post("/danh-gia/ho-so/" + code), Map.of()).with(user(account("reception"))).with(csrf()))
                .andExpect(status().isForbidden());
        String link = RatingLinks.path(links.token(code).orElseThrow(), code);
        mvc.perform(rate(post(link), Map.of()).with(user(account("reception"))).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(ratingCount(code)).isZero();

        // The applicant's own rating is taken.
        ApiClient.Response own = citizen.postJson("/api/v1/dossiers/" + code + "/rating",
                Map.of("answers", allAnswers(Map.of())));
        assertThat(own.status()).as(own.body()).isEqualTo(201);

        // Returned online: still not the tablet's.
        String other = dossierWithResult();
        ApiClient.Response returned = reception.postJson("/api/v1/dossiers/" + other + "/actions",
                Map.of("action", "RETURN_RESULT", "returnMethod", "ONLINE"));
        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        mvc.perform(rate(post("/quan-tri/danh-gia/" + other), Map.of()).with(user(account("reception"))).with(csrf()))
                .andExpect(status().isConflict());
        assertThat(ratingCount(other)).isZero();
    }

    // ------------------------------------------------------------------ helpers

    /** An online dossier of the demo citizen, submitted and waiting for reception. */
    String submitted() {
        ApiClient.Response created = citizen.postMultipart("/api/v1/dossiers",
                TestData.submission(catalog.procedure(BIRTH).orElseThrow(), WARD), null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("code").asString();
    }

    /** An online dossier of the demo citizen, taken through its process to RESULT_READY. */
    String dossierWithResult() {
        String code = submitted();
        act(reception, code, "RECEIVE"); // and on to the specialist's step
        act(specialist, code, "FORWARD");
        act(leader, code, "APPROVE");
        Map<String, Object> issue = ApiClient.parts();
        issue.put("action", Map.of("action", "ISSUE_RESULT"));
        issue.put("file", new FilePart("giay-khai-sinh.pdf", "application/pdf", TestData.realPdf("Ket qua")));
        ApiClient.Response issued = specialist.postMultipart("/api/v1/dossiers/" + code + "/actions", issue, null);
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        assertThat(issued.json().get("status").asString()).isEqualTo("RESULT_READY");
        return code;
    }

    private static void act(ApiClient who, String code, String action) {
        ApiClient.Response r = who.postJson("/api/v1/dossiers/" + code + "/actions", Map.of("action", action));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /** Every criterion answered VERY_SATISFIED, except those given. */
    Map<String, String> allAnswers(Map<String, String> except) {
        Map<String, String> answers = ratings.criteria().stream().collect(Collectors.toMap(RatingCriterion::key,
                c -> "VERY_SATISFIED", (a, b) -> a, java.util.LinkedHashMap::new));
        answers.putAll(except);
        return answers;
    }

    MockHttpServletRequestBuilder rate(MockHttpServletRequestBuilder request, Map<String, String> except) {
        allAnswers(except).forEach((key, value) -> request.param("tc_" + key, value));
        return request;
    }

    int ratingCount(String code) {
        return jdbc.sql("select count(*) from dossier_rating where dossier_code = ?").param(code)
                .query(Integer.class).single();
    }

    /** The body of the result notice on the channel, once the notification module has rendered it. */
    String awaitNotice(String code, String channel) {
        return await("the result notice for " + code).atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                        select body from notification_delivery
                        where dossier_code = ? and event_kind = 'RESULT_READY' and channel = ?""")
                .params(code, channel).query(String.class).list(), bodies -> !bodies.isEmpty()).getFirst();
    }

    CurrentUser account(String username) {
        return accounts.findUser(username).orElseThrow();
    }

    vn.motcua.identity.Actor actor(String username) {
        return actors.of(account(username));
    }
}
