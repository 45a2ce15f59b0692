package vn.motcua.population;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.DossierIntake;
import vn.motcua.dossier.InvalidDossierException;
import vn.motcua.dossier.NewDossier;
import vn.motcua.dossier.ResidentCheck.Outcome;
import vn.motcua.dossier.ResidentCheck.Part;
import vn.motcua.dossier.Upload;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Actors;
import vn.motcua.identity.CurrentUser;
import vn.motcua.population.internal.CheckRepository.Check;
import vn.motcua.support.Accounts;
import vn.motcua.support.AlternativeIntegrationTest;
import vn.motcua.support.Peers;
import vn.motcua.support.TestData;

/**
 * The population database through the LGSP against a real HTTP peer (WireMock on loopback), in the setup that points
 * {@code motcua.population.*} at it: match, mismatch (online refused with what did not match, counter received with
 * the officer's note), not found, the token fetched once and again on 401, 5xx and timeouts kept PENDING and retried
 * to MATCH, malformed and unsigned answers, duplicates, an outage longer than the retry window, and the documents the
 * state holds asked for only when the check did not match.
 */
@AlternativeIntegrationTest
class PopulationPeerTest {

    static final String RESIDENCE = "1.004222"; // Đăng ký thường trú: a document held by the state
    static final String WARD = "000.31.01.H57";
    static final WireMockServer LGSP = Peers.LGSP;
    static final Locale VI = Locale.forLanguageTag("vi");

    @Autowired DossierIntake intake;
    @Autowired ResidentChecks checks;
    @Autowired CatalogService catalog;
    @Autowired Accounts accounts;
    @Autowired Actors actors;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    @Test
    void aMatchIsKeptWithItsTimeAndTheDocumentTheStateHoldsIsNotAskedFor() throws Exception {
        String id = newIdNumber();
        Actor applicant = resident(id, "Hoàng Thị Mai", LocalDate.of(1992, 1, 20));
        answer(id, Peers.signed(found(true, true, true)));

        String code = intake.create(online(), uploads(false), applicant, null, VI).code();

        Check check = checks.ofDossier(code).orElseThrow();
        assertThat(check.verdict().outcome()).isEqualTo(Outcome.MATCH);
        assertThat(check.verdict().at()).isNotNull();
        assertThat(audited("POPULATION_LOOKUP", "cccd:" + id)).isPositive();
        var sent = LGSP.findAll(postRequestedFor(urlEqualTo(Peers.LGSP_CHECK_PATH))
                .withRequestBody(matchingJsonPath("$.SoDinhDanh", equalTo(id)))).getFirst();
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer test-lgsp-token");
        assertThat(sent.getBodyAsString()).contains("\"HoVaTen\":\"Hoàng Thị Mai\"", "\"NgayThangNamSinh\":\"20/01/1992\"");

        // The officials' panel: the verdict, its time and the document taken from the register.
        mvc.perform(get("/quan-tri/ho-so/" + code).with(user(official())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Đối chiếu Cơ sở dữ liệu quốc gia về dân cư")))
                .andExpect(content().string(containsString(">Khớp<")))
                .andExpect(content().string(containsString("Đã khai thác từ CSDL quốc gia về dân cư")));
    }

    @Test
    void aMismatchRefusesTheOnlineSubmissionSayingWhatDidNotMatch() {
        String id = newIdNumber();
        Actor applicant = resident(id, "Đỗ Văn Nam", LocalDate.of(1988, 7, 7));
        answer(id, Peers.signed(found(true, true, false)));

        assertThatThrownBy(() -> intake.create(online(), uploads(true), applicant, null, VI))
                .isInstanceOfSatisfying(InvalidDossierException.class, e -> assertThat(e.problems()).containsExactly(
                        "Thông tin người nộp không khớp với Cơ sở dữ liệu quốc gia về dân cư: ngày sinh không khớp. "
                                + "Hồ sơ chưa được nộp. Vui lòng sửa thông tin cá nhân trong mục Tài khoản rồi nộp lại."));
        assertThat(jdbc.sql("select count(*) from resident_check where id_number = ?").param(id)
                .query(Long.class).single()).isZero();
        // Nothing from the register beyond match or not: the answer's addresses are never in the message.
        assertThat(audited("POPULATION_LOOKUP", "cccd:" + id)).isPositive();
    }

    @Test
    void atTheCounterAMismatchIsReceivedOnlyWithTheOfficersNote() {
        String id = newIdNumber();
        answer(id, Peers.signed(found(true, false, true)));
        Actor reception = actors.of(official());

        assertThatThrownBy(() -> intake.create(counter(id, null), uploads(true), reception, null, VI))
                .isInstanceOfSatisfying(InvalidDossierException.class, e -> assertThat(e.problems()).anySatisfy(p ->
                        assertThat(p).contains("họ và tên không khớp", "ghi lý do")));

        String code = intake.create(counter(id, "Đã đối chiếu CCCD gốc: tên khai sinh cũ"), uploads(true), reception,
                null, VI).code();
        Check check = checks.ofDossier(code).orElseThrow();
        assertThat(check.verdict().outcome()).isEqualTo(Outcome.MISMATCH);
        assertThat(check.verdict().mismatched()).containsExactly(Part.FULL_NAME);
        assertThat(check.note()).isEqualTo("Đã đối chiếu CCCD gốc: tên khai sinh cũ");
        assertThat(check.notedBy()).isEqualTo("reception");
        assertThat(audited("POPULATION_CHECK_NOTED", code)).isEqualTo(1);
    }

    @Test
    void anIdNumberTheRegisterDoesNotKnowIsNotFound() {
        String id = newIdNumber();
        answer(id, Peers.signed("{\"TrangThai\":\"KHONG_TIM_THAY\"}"));
        Actor applicant = resident(id, "Lý Thị Thu", LocalDate.of(1999, 9, 9));

        // Online it is submitted and shown to the officials; at the counter it needs the officer's note.
        String code = intake.create(online(), uploads(true), applicant, null, VI).code();
        assertThat(checks.ofDossier(code).orElseThrow().verdict().outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThatThrownBy(() -> intake.create(counter(id, " "), uploads(true), actors.of(official()), null, VI))
                .isInstanceOfSatisfying(InvalidDossierException.class, e -> assertThat(e.problems()).anySatisfy(p ->
                        assertThat(p).contains("không có trong Cơ sở dữ liệu quốc gia về dân cư")));
    }

    @Test
    void theTokenIsFetchedOnceAndAgainWhenTheServiceAnswers401() {
        String id = newIdNumber();
        answer(id, Peers.signed(found(true, true, true)));
        Actor applicant = resident(id, "Vũ Văn Hải", LocalDate.of(1980, 2, 2));
        checks.lookUp(identity(applicant, id));
        int tokens = tokenRequests();
        checks.lookUp(identity(applicant, id));
        assertThat(tokenRequests()).as("cached until it expires").isEqualTo(tokens);

        // The LGSP revoked it: one 401, a fresh token, the same question again.
        LGSP.stubFor(post(urlEqualTo(Peers.LGSP_CHECK_PATH)).atPriority(1).inScenario("revoked-" + id)
                .whenScenarioStateIs(Scenario.STARTED).withRequestBody(matchingJsonPath("$.SoDinhDanh", equalTo(id)))
                .willReturn(aResponse().withStatus(401)).willSetStateTo("refreshed"));
        LGSP.stubFor(post(urlEqualTo(Peers.LGSP_CHECK_PATH)).atPriority(1).inScenario("revoked-" + id)
                .whenScenarioStateIs("refreshed").withRequestBody(matchingJsonPath("$.SoDinhDanh", equalTo(id)))
                .willReturn(Peers.signed(found(true, true, true))));
        assertThat(checks.lookUp(identity(applicant, id)).orElseThrow().outcome()).isEqualTo(Outcome.MATCH);
        assertThat(tokenRequests()).isEqualTo(tokens + 1);
    }

    @Test
    void a5xxKeepsTheSubmissionPendingAndTheRetryMakesItAMatchOnce() {
        String id = newIdNumber();
        answer(id, aResponse().withStatus(503));
        Actor applicant = resident(id, "Trịnh Văn Long", LocalDate.of(1975, 12, 31));
        String key = UUID.randomUUID().toString();

        String code = intake.create(online(), uploads(true), applicant, key, VI).code();
        assertThat(checks.ofDossier(code).orElseThrow().verdict().outcome()).isEqualTo(Outcome.PENDING);
        // The same submission again (a retry with the same key) is the same dossier and keeps one verdict.
        assertThat(intake.create(online(), uploads(true), applicant, key, VI).code()).isEqualTo(code);

        answer(id, Peers.signed(found(true, true, true)));
        checks.retryDue();
        checks.retryDue(); // nothing is due any more: no second verdict, no second question
        Check check = checks.ofDossier(code).orElseThrow();
        assertThat(check.verdict().outcome()).isEqualTo(Outcome.MATCH);
        assertThat(check.attempts()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from resident_check where id_number = ?").param(id)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(checks.rerun(code).orElseThrow().outcome()).as("a resolved check is not asked again")
                .isEqualTo(Outcome.MATCH);
    }

    @Test
    void noAnswerInTimeAMalformedOrAnUnsignedAnswerArePendingAndTheHeldDocumentIsAskedFor() {
        String id = newIdNumber();
        Actor applicant = resident(id, "Phan Thị Yến", LocalDate.of(2000, 4, 30));
        var identity = identity(applicant, id);

        answer(id, Peers.signed(found(true, true, true)).withFixedDelay(1_500));
        assertThat(checks.lookUp(identity).orElseThrow().outcome()).as("timeout").isEqualTo(Outcome.PENDING);
        answer(id, Peers.signed("{\"TrangThai\":\"TIM_THAY\",\"KetQuaDoiChieu\":{\"SoDinhDanh\":\"có\"}}"));
        assertThat(checks.lookUp(identity).orElseThrow().outcome()).as("malformed").isEqualTo(Outcome.PENDING);
        answer(id, okJson("not json"));
        assertThat(checks.lookUp(identity).orElseThrow().outcome()).as("not JSON").isEqualTo(Outcome.PENDING);
        answer(id, okJson(found(true, true, true)));
        assertThat(checks.lookUp(identity).orElseThrow().outcome()).as("unsigned").isEqualTo(Outcome.PENDING);
        answer(id, okJson(found(true, true, true)).withHeader("X-Signature", "00ff"));
        assertThat(checks.lookUp(identity).orElseThrow().outcome()).as("wrongly signed").isEqualTo(Outcome.PENDING);

        // Not confirmed, so the residence proof the state holds is asked for like any other document.
        assertThatThrownBy(() -> intake.create(online(), uploads(false), applicant, null, VI))
                .isInstanceOfSatisfying(InvalidDossierException.class, e -> assertThat(e.problems()).anySatisfy(p ->
                        assertThat(p).contains("chứng minh chỗ ở hợp pháp")));
    }

    @Test
    void anOutageLongerThanTheRetryWindowKeepsTheDossierListedUntilAnOfficialRerunsIt() throws Exception {
        String id = newIdNumber();
        answer(id, aResponse().withStatus(502));
        Actor applicant = resident(id, "Cao Văn Sơn", LocalDate.of(1966, 6, 6));
        String code = intake.create(online(), uploads(true), applicant, null, VI).code();

        // Past the window (1 h in this setup): one more failed round, then no next attempt.
        jdbc.sql("update resident_check set asked_at = asked_at - interval '2 hours' where dossier_code = ?")
                .param(code).update();
        checks.retryDue();
        Check check = checks.ofDossier(code).orElseThrow();
        assertThat(check.verdict().outcome()).isEqualTo(Outcome.PENDING);
        assertThat(check.nextAttemptAt()).isNull();
        assertThat(check.lastError()).contains("502");
        assertThat(checks.pending(actors.of(official()))).extracting(Check::dossierCode).contains(code);
        mvc.perform(get("/quan-tri/dan-cu/cho-doi-chieu").with(user(official())))
                .andExpect(status().isOk()).andExpect(content().string(containsString(code)));

        answer(id, Peers.signed(found(true, true, true)));
        checks.retryDue();
        assertThat(checks.ofDossier(code).orElseThrow().verdict().outcome()).as("not retried by itself")
                .isEqualTo(Outcome.PENDING);
        mvc.perform(MockMvcRequestBuilders.post("/quan-tri/ho-so/" + code + "/dan-cu/doi-chieu-lai").with(user(official())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(checks.ofDossier(code).orElseThrow().verdict().outcome()).isEqualTo(Outcome.MATCH);
        assertThat(audited("POPULATION_CHECK_RERUN", code)).isEqualTo(1);
    }

    // ---------------------------------------------------------------------------------------------------------------

    static String newIdNumber() {
        return "0469" + String.format("%08d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 100_000_000L));
    }

    static String found(boolean number, boolean name, boolean birth) {
        return "{\"TrangThai\":\"TIM_THAY\",\"KetQuaDoiChieu\":{\"SoDinhDanh\":" + number + ",\"HoVaTen\":" + name
                + ",\"NgayThangNamSinh\":" + birth + "},\"NoiThuongTru\":\"Số 1 phố Bí Mật\"}";
    }

    /** What the LGSP answers about this ID number from now on. */
    static void answer(String id, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        LGSP.stubFor(post(urlEqualTo(Peers.LGSP_CHECK_PATH)).atPriority(2)
                .withRequestBody(matchingJsonPath("$.SoDinhDanh", equalTo(id))).willReturn(response));
    }

    static int tokenRequests() {
        return LGSP.findAll(postRequestedFor(urlEqualTo(Peers.LGSP_TOKEN_PATH))).size();
    }

    Actor resident(String id, String name, LocalDate birth) {
        String username = "pop-" + id;
        accounts.resident(username, name, id, birth);
        return actors.of(accounts.findUser(username).orElseThrow());
    }

    static vn.motcua.dossier.ResidentCheck.Identity identity(Actor applicant, String id) {
        return new vn.motcua.dossier.ResidentCheck.Identity(applicant.username(), id, applicant.fullName(),
                LocalDate.of(1980, 2, 2));
    }

    CurrentUser official() {
        return accounts.findUser("reception").orElseThrow();
    }

    long audited(String action, String subject) {
        return jdbc.sql("""
                        select (select count(*) from audit_pending where action = :a and subject = :s)
                             + (select count(*) from audit_entry where action = :a and subject = :s)""")
                .param("a", action).param("s", subject).query(Long.class).single();
    }

    NewDossier online() {
        Procedure p = catalog.procedure(RESIDENCE).orElseThrow();
        return new NewDossier(RESIDENCE, WARD, TestData.validFormData(p), null, 1);
    }

    NewDossier counter(String id, String note) {
        Procedure p = catalog.procedure(RESIDENCE).orElseThrow();
        return new NewDossier(RESIDENCE, WARD, TestData.validFormData(p), new Applicant(null, "Ngô Thị Lan", id,
                "0905111222", null, null, null, null), 1, java.util.Set.of(), LocalDate.of(1991, 11, 11), note);
    }

    /** A PDF for each mandatory document, and for the one the state holds only when asked. */
    List<Upload> uploads(boolean withHeldByState) {
        Procedure p = catalog.procedure(RESIDENCE).orElseThrow();
        List<Upload> files = new ArrayList<>();
        for (int i = 0; i < p.documents().size(); i++) {
            var d = p.documents().get(i);
            if (d.mandatory() && (withHeldByState || !d.heldByState())) {
                files.add(new Upload(i, "giay-to-" + i + ".pdf", TestData.realPdf("giay to " + i), false));
            }
        }
        return files;
    }
}
