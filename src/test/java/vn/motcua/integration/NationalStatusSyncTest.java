package vn.motcua.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierReceived;
import vn.motcua.dossier.DossierRef;
import vn.motcua.identity.CurrentUser;
import vn.motcua.platform.security.HmacSignatures;
import vn.motcua.integration.nationalportal.Reconciliation;
import vn.motcua.integration.nationalportal.ReconciliationRepository;
import vn.motcua.integration.nationalportal.StatusSender;
import vn.motcua.integration.nationalportal.StatusSyncRepository;
import vn.motcua.integration.nationalportal.StatusSyncRepository.Message;
import vn.motcua.platform.web.VietnamTime;
import vn.motcua.support.Accounts;
import vn.motcua.support.AlternativeIntegrationTest;
import vn.motcua.support.ApiClient;
import vn.motcua.support.NationalPortalPeer;
import vn.motcua.support.Peers;
import vn.motcua.support.TestData;

/**
 * The status sync against a real HTTP national portal (WireMock on loopback, {@link Peers#NATIONAL_PORTAL}, every
 * answer signed): messages written with each change and sent in order per dossier, retries after 5xx and timeouts,
 * duplicates, unsigned and malformed answers, an outage past the retry window and the resend buttons, the daily
 * reconciliation and CKMB4's count. The sender's rounds are run here (its interval is an hour in this setup).
 */
@AlternativeIntegrationTest
class NationalStatusSyncTest {

    static final String BIRTH = "1.001193";
    static final String WARD = "000.31.01.H57";
    static final String SYNC = Peers.NATIONAL_PORTAL_PATH + "/ho-so/dong-bo-trang-thai";
    static final WireMockServer PORTAL = Peers.NATIONAL_PORTAL;

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired CatalogService catalog;
    @Autowired Accounts accounts;
    @Autowired StatusSender sender;
    @Autowired StatusSyncRepository outbox;
    @Autowired Reconciliation reconciliation;
    @Autowired ReconciliationRepository reconciliations;
    @Autowired SynchronisedDossiers synchronised;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;

    final List<StubMapping> stubs = new ArrayList<>();

    @AfterEach
    void removeStubs() {
        stubs.forEach(PORTAL::removeStub);
        sender.sendDue(); // what a test left unsent goes out to the default stub, accepting all
    }

    @Test
    void aDossierReceivedAtTheCounterSendsItsMessagesInOrderWithTheNationalCodes() {
        String code = atCounterThenForwarded();
        List<Message> written = outbox.messages(code);
        assertThat(written).extracting(Message::seq).containsExactly(1, 2);
        assertThat(written).extracting(Message::statusCode).containsExactly("2", "4"); // received, processing
        assertThat(written).allSatisfy(m -> assertThat(m.state()).isEqualTo("PENDING"));
        long before = synchronised.synchronisedReceived(Set.of(WARD), today(), today());

        StatusSender.Run run = sender.sendDue();

        assertThat(run.accepted()).isGreaterThanOrEqualTo(2);
        assertThat(outbox.messages(code)).allSatisfy(m -> assertThat(m.state()).isEqualTo("ACCEPTED"));
        List<JsonNode> sent = sentFor(code);
        assertThat(sent).extracting(m -> m.get("ThuTu").asInt()).containsExactly(1, 2);
        JsonNode first = sent.getFirst();
        assertThat(first.get("MessageId").asString()).isEqualTo(written.getFirst().id().toString());
        assertThat(first.get("MaHoSo").asString()).isEqualTo(code);
        assertThat(first.get("MaTTHC").asString()).isEqualTo(BIRTH);
        assertThat(first.get("TrangThaiHoSo").asString()).isEqualTo("2");
        assertThat(first.get("MaCoQuan").asString()).isEqualTo(WARD);
        assertThat(first.get("KenhNop").asString()).isEqualTo("1"); // at the counter
        assertThat(first.get("NgayTiepNhan").asString()).matches("\\d{14}").isEqualTo(first.get("NgayCapNhat").asString());
        assertThat(first.get("NgayHenTra").asString()).matches("\\d{14}");
        assertThat(first.get("NgayTra").isNull()).isTrue();
        assertThat(sent.get(1).get("TrangThaiHoSo").asString()).isEqualTo("4");
        assertThat(sent.get(1).get("NgayTiepNhan").asString()).isEqualTo(first.get("NgayTiepNhan").asString());
        // Signed, with the token, for this province.
        LoggedRequest request = requestsFor(code).getFirst();
        assertThat(HmacSignatures.verify(Peers.NATIONAL_PORTAL_SECRET, request.getBody(),
                request.getHeader(HmacSignatures.HEADER))).isTrue();
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + Peers.NATIONAL_PORTAL_TOKEN);
        assertThat(json.readTree(request.getBodyAsString()).get("MaDonVi").asString()).isEqualTo("46");
        // CKMB4 counts it now that every message was accepted.
        assertThat(synchronised.synchronisedReceived(Set.of(WARD), today(), today())).isEqualTo(before + 1);
    }

    @Test
    void whenTheFirstAttemptOfMessageOneFailsMessageTwoWaitsForIt() {
        String code = atCounterThenForwarded();
        stub(WireMock.post(urlEqualTo(SYNC)).atPriority(1).withRequestBody(containing(code)).inScenario(code)
                .whenScenarioStateIs(STARTED).willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        long before = synchronised.synchronisedReceived(Set.of(WARD), today(), today());

        sender.sendDue();

        List<Message> afterFailure = outbox.messages(code);
        assertThat(afterFailure.get(0).attempts()).isEqualTo(1);
        assertThat(afterFailure.get(0).state()).isEqualTo("PENDING");
        assertThat(afterFailure.get(1).attempts()).as("never sent before 1 is accepted").isZero();
        assertThat(lastError(afterFailure.get(0).id())).contains("503");
        assertThat(nextAttempt(afterFailure.get(0).id())).as("backed off").isAfter(Instant.now());
        assertThat(synchronised.synchronisedReceived(Set.of(WARD), today(), today())).as("not yet synchronised")
                .isEqualTo(before);

        awaitAccepted(code);
        assertThat(sentFor(code)).extracting(m -> m.get("ThuTu").asInt()).containsExactly(1, 1, 2);
        assertThat(outbox.messages(code)).hasSize(2);
    }

    @Test
    void aTimeoutIsAFailedAttemptRetriedLater() {
        String code = TestData.receivedAtCounter(port, birth(), WARD);
        stub(WireMock.post(urlEqualTo(SYNC)).atPriority(1).withRequestBody(containing(code)).inScenario(code)
                .whenScenarioStateIs(STARTED).willReturn(NationalPortalPeer.accepting().withFixedDelay(3000))
                .willSetStateTo("fast"));

        sender.sendDue();

        Message m = outbox.messages(code).getFirst();
        assertThat(m.state()).isEqualTo("PENDING");
        assertThat(m.attempts()).isEqualTo(1);
        assertThat(lastError(m.id())).startsWith("no answer");
        awaitAccepted(code);
        // The portal took it the first time too, but its answer came too late: the same MessageId went again.
        assertThat(sentFor(code)).extracting(x -> x.get("MessageId").asString())
                .containsExactly(m.id().toString(), m.id().toString());
    }

    @Test
    void aLostAnswerSendsTheSameMessageAgainAndARepeatedIdIsHarmless() {
        String code = TestData.receivedAtCounter(port, birth(), WARD);
        // The portal accepted but the answer was lost on the way (a 502 from a proxy): sent again, same id, one row.
        stub(WireMock.post(urlEqualTo(SYNC)).atPriority(1).withRequestBody(containing(code)).inScenario(code)
                .whenScenarioStateIs(STARTED).willReturn(NationalPortalPeer.accepting().withStatus(502))
                .willSetStateTo("answered"));
        sender.sendDue();
        awaitAccepted(code);
        List<Message> rows = outbox.messages(code);
        assertThat(rows).hasSize(1);
        assertThat(sentFor(code)).extracting(x -> x.get("MessageId").asString()).containsOnly(rows.getFirst().id()
                .toString()).hasSize(2);

        // An answer that lists an id already accepted, or one we never sent, changes nothing.
        assertThat(outbox.markAccepted(List.of(rows.getFirst().id(), UUID.randomUUID()))).isZero();
        assertThat(outbox.messages(code)).extracting(Message::attempts).containsExactly(rows.getFirst().attempts());
    }

    @Test
    void unsignedMalformedAndRefusingAnswersAreFailedAttempts() {
        String code = TestData.receivedAtCounter(port, birth(), WARD);
        UUID id = outbox.messages(code).getFirst().id();
        String accepting = "{\"error_code\":\"0\",\"accepted\":[\"" + id + "\"]}";
        Map<String, String> answers = new java.util.LinkedHashMap<>();
        answers.put("unsigned", "not signed (X-Signature)");
        answers.put("badly signed", "not signed (X-Signature)");
        answers.put("not json", "did not answer in JSON");
        answers.put("no list", "malformed");
        answers.put("refused", "refused (error_code 99): Sai mã đơn vị");
        for (Map.Entry<String, String> answer : answers.entrySet()) {
            StubMapping s = stub(WireMock.post(urlEqualTo(SYNC)).atPriority(1).withRequestBody(containing(code))
                    .willReturn(switch (answer.getKey()) {
                        case "unsigned" -> NationalPortalPeer.unsigned(accepting);
                        case "badly signed" -> NationalPortalPeer.unsigned(accepting)
                                .withHeader(HmacSignatures.HEADER, "00ff");
                        case "not json" -> NationalPortalPeer.signed("<html>OK</html>");
                        case "no list" -> NationalPortalPeer.signed("{\"error_code\":\"0\"}");
                        default -> NationalPortalPeer.signed("{\"error_code\":\"99\",\"message\":\"Sai mã đơn vị\"}");
                    }));
            resendNow(id);
            sender.sendDue();
            assertThat(outbox.messages(code).getFirst().state()).as(answer.getKey()).isNotEqualTo("ACCEPTED");
            assertThat(lastError(id)).as(answer.getKey()).contains(answer.getValue());
            PORTAL.removeStub(s);
        }
        assertThat(outbox.messages(code).getFirst().attempts()).isEqualTo(answers.size());
        resendNow(id);
        awaitAccepted(code);
    }

    @Test
    void anOutageLongerThanTheRetryWindowIsListedThenResentByTheButtonWithNothingLost() throws Exception {
        String code = atCounterThenForwarded();
        StubMapping down = stub(WireMock.post(urlEqualTo(SYNC)).atPriority(1).withRequestBody(containing(code))
                .willReturn(aResponse().withStatus(500)));
        UUID first = outbox.messages(code).getFirst().id();
        // Retried every second; past the 4 s window it is FAILED and still retried.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
            sender.sendDue();
            return "FAILED".equals(outbox.messages(code).getFirst().state());
        });
        int attempts = outbox.messages(code).getFirst().attempts();
        assertThat(attempts).isGreaterThan(1);
        assertThat(outbox.messages(code).get(1).attempts()).isZero();

        CurrentUser admin = accounts.findUser("admin").orElseThrow();
        mvc.perform(get("/quan-tri/lien-thong/dong-bo").with(user(admin))).andExpect(status().isOk())
                .andExpect(content().string(containsString(code)))
                .andExpect(content().string(containsString("national portal answered 500")))
                .andExpect(content().string(containsString("action=\"/quan-tri/lien-thong/dong-bo/" + first
                        + "/gui-lai\"")))
                .andExpect(content().string(containsString("action=\"/quan-tri/lien-thong/dong-bo/gui-lai-tat-ca\"")));
        // A wrong id is a clear 400, an unknown one 404; nobody else may press the button.
        mvc.perform(post("/quan-tri/lien-thong/dong-bo/khong-phai-ma/gui-lai").with(user(admin)).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/quan-tri/lien-thong/dong-bo/" + UUID.randomUUID() + "/gui-lai").with(user(admin))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/quan-tri/lien-thong/dong-bo/gui-lai-tat-ca")
                        .with(user(accounts.findUser("leader").orElseThrow())).with(csrf()))
                .andExpect(status().isForbidden());

        // The portal is back; the message waits for its back-off until the administrator presses "resend all".
        PORTAL.removeStub(down);
        jdbc.sql("update national_sync_message set next_attempt_at = now() + interval '1 hour' where id = ?")
                .param(first).update();
        sender.sendDue();
        assertThat(outbox.messages(code).getFirst().state()).isEqualTo("FAILED");
        mvc.perform(post("/quan-tri/lien-thong/dong-bo/gui-lai-tat-ca").with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        // The trail takes an entry into audit_pending, and chains it into audit_entry soon after.
        assertThat(jdbc.sql("select count(*) from (select action, actor from audit_pending "
                + "union all select action, actor from audit_entry) e "
                + "where action = 'NATIONAL_SYNC_RESENT_ALL' and actor = 'admin'").query(Long.class).single())
                .isPositive();
        sender.sendDue();

        List<Message> rows = outbox.messages(code);
        assertThat(rows).extracting(Message::seq).containsExactly(1, 2);
        assertThat(rows).allSatisfy(m -> assertThat(m.state()).isEqualTo("ACCEPTED"));
        List<JsonNode> sent = sentFor(code);
        assertThat(sent.stream().map(m -> m.get("ThuTu").asInt()).distinct()).containsExactly(1, 2);
        assertThat(sent.getLast().get("ThuTu").asInt()).isEqualTo(2);
    }

    @Test
    void theDailyReconciliationListsADifference() throws Exception {
        String code = TestData.receivedAtCounter(port, birth(), WARD);
        sender.sendDue();
        assertThat(outbox.messages(code).getFirst().state()).isEqualTo("ACCEPTED");
        LocalDate day = today();
        stub(WireMock.post(urlEqualTo(Peers.NATIONAL_PORTAL_PATH + "/ho-so/doi-soat")).atPriority(1).withRequestBody(containing(day.toString()))
                .willReturn(NationalPortalPeer.signed("{\"error_code\":\"0\",\"data\":[{\"MaCoQuan\":\"" + WARD
                        + "\",\"SoHoSo\":0},{\"MaCoQuan\":\"000.00.99.H57\",\"SoHoSo\":3}]}")));

        assertThat(reconciliation.run(day)).isTrue();

        List<ReconciliationRepository.Count> counts = reconciliations.counts(day);
        assertThat(counts).filteredOn(c -> c.agencyCode().equals(WARD)).singleElement()
                .satisfies(c -> {
                    assertThat(c.ours()).isPositive();
                    assertThat(c.theirs()).isZero();
                    assertThat(c.differs()).isTrue();
                });
        assertThat(counts).filteredOn(c -> c.agencyCode().equals("000.00.99.H57")).singleElement()
                .satisfies(c -> assertThat(c.ours()).isZero());
        mvc.perform(get("/quan-tri/lien-thong/dong-bo").with(user(accounts.findUser("admin").orElseThrow())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Có chênh lệch giữa hai bên")))
                .andExpect(content().string(containsString(VietnamTime.DATE.format(day.atStartOfDay(VietnamTime.ZONE)))));

        // A message that never reached the national portal counts on our side: the difference shows it.
        stub(WireMock.post(urlEqualTo(SYNC)).atPriority(1).willReturn(aResponse().withStatus(503)));
        String undelivered = TestData.receivedAtCounter(port, birth(), WARD);
        sender.sendDue();
        assertThat(outbox.messages(undelivered).getFirst().state()).isNotEqualTo("ACCEPTED");
        int before = counts.stream().filter(c -> c.agencyCode().equals(WARD)).findFirst().orElseThrow().ours();
        assertThat(reconciliation.run(day)).isTrue();
        assertThat(reconciliations.counts(day)).filteredOn(c -> c.agencyCode().equals(WARD)).singleElement()
                .satisfies(c -> assertThat(c.ours()).isEqualTo(before + 1));

        // The national portal down: the run is marked failed, to be tried again.
        stub(WireMock.post(urlEqualTo(Peers.NATIONAL_PORTAL_PATH + "/ho-so/doi-soat")).atPriority(1).willReturn(aResponse().withStatus(503)));
        assertThat(reconciliation.run(day.minusDays(1))).isFalse();
        assertThat(reconciliations.latest(30)).filteredOn(d -> d.day().equals(day.minusDays(1))).singleElement()
                .satisfies(d -> assertThat(d.state()).isEqualTo("FAILED"));
    }

    @Test
    void theMessageIsWrittenInTheChangesTransactionAndRollsBackWithIt() {
        String code = "TEST-ROLLBACK-" + UUID.randomUUID();
        DossierRef ref = new DossierRef(code, BIRTH, "Đăng ký khai sinh", WARD, WARD, "Phường",
                Channel.COUNTER, new Applicant(null, "Lê Văn Tám", "046080001111", "0905111222", null, null, null, null));
        transactions.executeWithoutResult(tx -> {
            events.publishEvent(new DossierReceived(ref, Instant.now(), Instant.now(), 0, 0));
            assertThat(outbox.messages(code)).hasSize(1);
            tx.setRollbackOnly();
        });
        assertThat(outbox.messages(code)).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** A counter dossier (message 1: received) that reception then forwards to the specialist (2: processing). */
    String atCounterThenForwarded() {
        String code = TestData.receivedAtCounter(port, birth(), WARD);
        ApiClient.Response forwarded = ApiClient.signIn(port, "reception", "demo123")
                .postJson("/api/v1/dossiers/" + code + "/actions", Map.of("action", "FORWARD"));
        assertThat(forwarded.status()).as(forwarded.body()).isEqualTo(200);
        return code;
    }

    Procedure birth() {
        return catalog.procedure(BIRTH).orElseThrow();
    }

    StubMapping stub(MappingBuilder mapping) {
        StubMapping s = PORTAL.stubFor(mapping);
        stubs.add(s);
        return s;
    }

    void awaitAccepted(String code) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> {
            sender.sendDue();
            return outbox.messages(code).stream().allMatch(m -> "ACCEPTED".equals(m.state()));
        });
    }

    void resendNow(UUID id) {
        outbox.resend(id);
    }

    List<LoggedRequest> requestsFor(String code) {
        return PORTAL.findAll(postRequestedFor(urlEqualTo(SYNC)).withRequestBody(containing(code))).stream()
                .sorted(java.util.Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
    }

    /** The messages of the dossier in the order they were sent. */
    List<JsonNode> sentFor(String code) {
        List<JsonNode> sent = new ArrayList<>();
        for (LoggedRequest r : requestsFor(code)) {
            json.readTree(r.getBodyAsString()).get("data").forEach(m -> {
                if (code.equals(m.get("MaHoSo").asString())) {
                    sent.add(m);
                }
            });
        }
        return sent;
    }

    String lastError(UUID id) {
        return jdbc.sql("select last_error from national_sync_message where id = ?").param(id).query(String.class)
                .single();
    }

    Instant nextAttempt(UUID id) {
        return jdbc.sql("select next_attempt_at from national_sync_message where id = ?").param(id)
                .query(java.sql.Timestamp.class).single().toInstant();
    }

    static LocalDate today() {
        return LocalDate.now(VietnamTime.ZONE);
    }
}
