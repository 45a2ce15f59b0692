package vn.motcua.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import vn.motcua.catalog.CatalogService;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Actors;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.platform.web.UserFacingException;
import vn.motcua.support.Accounts;
import vn.motcua.support.ApiClient;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestData;
import vn.motcua.workflow.WorkingCalendar;

/**
 * Petitions (phản ánh, kiến nghị): sent by anyone, handled by the agency within working-day deadlines with the sender's
 * waiting time not counted, published with consent, rated once by the sender; each step announced by its event.
 */
@IntegrationTest
@RecordApplicationEvents
class PetitionIntegrationTest {

    static final String WARD = "000.31.01.H57";       // Phường Thuận Hóa: the demo officials work here
    static final String OTHER_WARD = "000.31.02.H57"; // Phường Phú Xuân
    static final String BIRTH = "1.001193";           // commune level: names no agency
    static final String UNEMPLOYMENT = "1.400001";    // province level: Trung tâm Dịch vụ việc làm, 000.16.23.H57
    static final Locale VI = Locale.forLanguageTag("vi-VN");

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired Actors actors;
    @Autowired PetitionSenders senders;
    @Autowired PetitionHandling handling;
    @Autowired DossierQueries dossiers;
    @Autowired CatalogService catalog;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEvents events;

    // ------------------------------------------------------------------ sending

    @Test
    void anyoneSendsAPetitionWithoutSigningInAndGetsANumberToTrackIt() {
        var response = Http.postJson(port, "/api/v1/petitions", """
                {"name": "Trần Thị Bình", "phone": "0905 123 456", "procedureCode": "%s",
                 "content": "Hồ sơ nộp trực tuyến đã quá hạn mà chưa được trả lời.", "consentToPublish": true}"""
                .formatted(UNEMPLOYMENT));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode receipt = json(response.body());
        String number = receipt.get("number").asString();
        assertThat(number).matches("PAKN-\\d{4}-\\d{6}");
        // A procedure's petition goes to the first agency the procedure names.
        assertThat(receipt.get("agencyCode").asString()).isEqualTo("000.16.23.H57");
        assertThat(receipt.get("status").asString()).isEqualTo("RECEIVED");

        // Tracked with the number and the last four digits of the phone; personal data never comes back.
        var tracked = Http.get(port, "/api/v1/petitions/" + number + "?phone=3456");
        assertThat(tracked.statusCode()).isEqualTo(200);
        assertThat(json(tracked.body()).get("status").asString()).isEqualTo("RECEIVED");
        assertThat(json(tracked.body()).get("procedureName").asString()).startsWith("Giải quyết hưởng trợ cấp thất nghiệp");
        assertThat(tracked.body()).doesNotContain("Trần Thị Bình", "0905");
        assertThat(Http.get(port, "/api/v1/petitions/" + number + "?phone=9999").statusCode()).isEqualTo(404);
        assertThat(Http.get(port, "/api/v1/petitions/" + number).statusCode()).isEqualTo(404);

        // About a dossier: the dossier's competent agency handles it; the sender chooses one otherwise.
        String dossier = newDossier();
        Petition aboutDossier = senders.submit(new NewPetition("Nguyễn Văn An", null, "an@example.vn", null, dossier,
                null, "Cán bộ hẹn ba lần chưa trả kết quả.", false), "citizen", VI);
        assertThat(aboutDossier.agencyCode()).isEqualTo(WARD);
        assertThat(aboutDossier.procedureCode()).isEqualTo(BIRTH);
        assertThat(aboutDossier.dossierCode()).isEqualTo(dossier);
        assertThat(aboutDossier.senderUsername()).isEqualTo("citizen");
        assertThat(senders.track(aboutDossier.number(), "AN@example.vn", "test")).isPresent();
        assertThat(events.stream(PetitionReceived.class).filter(e -> e.number().equals(aboutDossier.number())))
                .singleElement().satisfies(e -> {
                    assertThat(e.agencyCode()).isEqualTo(WARD);
                    assertThat(e.procedureCode()).isEqualTo(BIRTH);
                    assertThat(e.dossierCode()).isEqualTo(dossier);
                    assertThat(e.at()).isEqualTo(aboutDossier.receivedAt());
                });
        Petition chosen = senders.submit(new NewPetition("Lê Văn Cường", "0912000111", null, BIRTH, null, WARD,
                "Đề nghị niêm yết rõ mẫu tờ khai.", false), null, VI);
        assertThat(chosen.agencyCode()).isEqualTo(WARD);
    }

    @Test
    void badInputIsRefusedWithEveryProblemInVietnameseAndNothingIsStored() throws Exception {
        int before = petitionCount();
        var empty = Http.postJson(port, "/api/v1/petitions", "{\"name\": \" \", \"content\": \"\"}");
        assertThat(empty.statusCode()).isEqualTo(400);
        JsonNode problems = json(empty.body()).get("problems");
        assertThat(problems.valueStream().map(JsonNode::asString).toList()).containsExactly(
                "Hãy nhập họ và tên người gửi.",
                "Hãy nhập số điện thoại hoặc email để tra cứu và nhận trả lời.",
                "Hãy nhập nội dung phản ánh, kiến nghị.",
                "Hãy chọn cơ quan tiếp nhận phản ánh, kiến nghị.");

        var unknown = Http.postJson(port, "/api/v1/petitions", """
                {"name": "An", "phone": "12ab", "email": "not-an-email", "dossierCode": "000.31.01.H57-000000-9999",
                 "procedureCode": "9.999999", "content": "Nội dung"}""");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown.body()).get("message").asString()).contains(
                "Số điện thoại \"12ab\" không hợp lệ.", "Địa chỉ email \"not-an-email\" không hợp lệ.",
                "Không tìm thấy thủ tục có mã 9.999999.", "Không tìm thấy hồ sơ có mã 000.31.01.H57-000000-9999.");

        // The form says the same, keeps what was typed, and answers 400.
        String page = mvc.perform(post("/phan-anh-kien-nghi/gui").param("hoTen", "Trần Văn Dũng")
                        .param("noiDung", "Nội dung giữ lại").with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Hãy nhập số điện thoại hoặc email", "value=\"Trần Văn Dũng\"", "Nội dung giữ lại");
        assertThat(petitionCount()).isEqualTo(before);
        assertThat(events.stream(PetitionReceived.class)).isEmpty();
    }

    @Test
    void theFormWorksWithoutSigningInAndTheSenderTracksTheirPetition() throws Exception {
        assertThat(mvc.perform(get("/phan-anh-kien-nghi/gui")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("name=\"_csrf\"", "name=\"noiDung\"",
                "Ủy ban nhân dân phường Thuận Hóa");
        String number = (String) mvc.perform(post("/phan-anh-kien-nghi/gui").param("hoTen", "Phạm Thị Em")
                        .param("dienThoai", "0977888999").param("coQuan", WARD)
                        .param("noiDung", "Bảng niêm yết thủ tục bị che khuất.").param("congKhai", "true").with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/phan-anh-kien-nghi/da-gui"))
                .andReturn().getFlashMap().get("number");
        assertThat(number).matches("PAKN-\\d{4}-\\d{6}");
        String tracked = mvc.perform(get("/phan-anh-kien-nghi/tra-cuu").param("so", number).param("sdt", "8999"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(tracked).contains(number, "Đang xử lý", "Bảng niêm yết thủ tục bị che khuất.");
        assertThat(mvc.perform(get("/phan-anh-kien-nghi/tra-cuu").param("so", number).param("sdt", "1111"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Không tìm thấy phản ánh, kiến nghị").doesNotContain("Bảng niêm yết");
    }

    // ------------------------------------------------------------------ deadlines

    @Test
    void deadlinesAreCountedInWorkingDaysOnTheAgencysCalendar() {
        Petition p = sendToWard(false);
        // Received on Thursday 5 March 2026 at 10:00.
        setReceivedAt(p.number(), at("2026-03-05T10:00"));
        Petition.Due due = handling.view(p.number(), official("leader")).due();
        // 2 working days to refuse: Friday 6 and, over the weekend, Monday 9 March.
        assertThat(due.refuseBy()).isEqualTo(at("2026-03-09T10:00"));
        assertThat(due.askBy()).isEqualTo(at("2026-03-12T10:00"));
        // 15 working days to answer: three weekends later, Thursday 26 March.
        assertThat(due.answerBy()).isEqualTo(at("2026-03-26T10:00"));
        assertThat(due.publishBy()).isNull();
    }

    @Test
    void askingTheSenderForMoreStopsTheClockUntilTheyAddIt() throws Exception {
        Petition p = sendToWard(false);
        String number = p.number();
        mvc.perform(post("/quan-tri/phan-anh/" + number + "/yeu-cau-bo-sung").param("noiDung", "Xin cho biết ngày nộp hồ sơ.")
                .with(user(account("specialist"))).with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("petitionDone"));
        Petition waiting = handling.view(number, official("leader"));
        assertThat(waiting.status()).isEqualTo(PetitionStatus.WAITING_SENDER);
        assertThat(waiting.timeliness()).isNull();
        assertThat(waiting.openRequest().question()).isEqualTo("Xin cho biết ngày nộp hồ sơ.");

        // While it waits, the agency cannot answer it: refused with the reason, nothing changes.
        mvc.perform(post("/quan-tri/phan-anh/" + number + "/tra-loi").param("noiDung", "Đã xử lý")
                        .with(user(account("leader"))).with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problems", List.of("Không thể trả lời: phản ánh, kiến nghị " + number
                        + " đang ở trạng thái \"Chờ người gửi bổ sung thông tin\".")));
        assertThat(handling.view(number, official("leader")).status()).isEqualTo(PetitionStatus.WAITING_SENDER);

        // The sender sees the question on the tracking page and answers it without signing in.
        assertThat(mvc.perform(get("/phan-anh-kien-nghi/tra-cuu").param("so", number).param("sdt", "0111"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Xin cho biết ngày nộp hồ sơ.", "/phan-anh-kien-nghi/tra-cuu/bo-sung");
        mvc.perform(post("/phan-anh-kien-nghi/tra-cuu/bo-sung").param("so", number).param("sdt", "9999")
                .param("noiDung", "Ngày 2/3").with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/phan-anh-kien-nghi/tra-cuu/bo-sung").param("so", number).param("sdt", "0111")
                        .param("noiDung", "Nộp ngày 02/3/2026.").with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/phan-anh-kien-nghi/tra-cuu"))
                .andExpect(flash().attribute("sdt", "0111"));
        Petition resumed = handling.view(number, official("leader"));
        assertThat(resumed.status()).isEqualTo(PetitionStatus.RECEIVED);
        assertThat(resumed.requests()).singleElement().satisfies(r -> assertThat(r.reply()).isEqualTo("Nộp ngày 02/3/2026."));

        // As if received Thursday 5 March 2026, 10:00, and the agency waited from Monday 9 to Wednesday 11 March:
        // two working days do not count, so the answer is due Monday 30 March instead of Thursday 26.
        setReceivedAt(number, at("2026-03-05T10:00"));
        jdbc.sql("""
                update petition_request set asked_at = ?, replied_at = ?
                where petition_id = (select id from petition where number = ?)""")
                .params(Timestamp.from(at("2026-03-09T09:00")), Timestamp.from(at("2026-03-11T14:00")), number).update();
        Petition.Due due = handling.view(number, official("leader")).due();
        assertThat(due.answerBy()).isEqualTo(at("2026-03-30T10:00"));
        assertThat(due.refuseBy()).isEqualTo(at("2026-03-11T10:00"));
    }

    // ------------------------------------------------------------------ closing

    @Test
    void anAnswerWithinFifteenWorkingDaysIsOnTimeAndALateOneIsNot() {
        Petition onTime = sendToWard(true);
        Petition answered = handling.answer(onTime.number(), "Đã chấn chỉnh bộ phận một cửa.", official("leader"));
        assertThat(answered.status()).isEqualTo(PetitionStatus.ANSWERED);
        assertThat(answered.onTime()).isTrue();
        assertThat(answered.due().publishBy()).isNotNull();

        Petition late = sendToWard(false);
        setReceivedAt(late.number(), Instant.now().minus(Duration.ofDays(60)));
        Petition lateAnswer = handling.answer(late.number(), "Xin lỗi vì trả lời chậm.", official("specialist"));
        assertThat(lateAnswer.onTime()).isFalse();
        assertThat(lateAnswer.timeliness()).isEqualTo("LATE");

        Petition refused = sendToWard(false);
        Petition r = handling.refuse(refused.number(), "Không thuộc thẩm quyền của phường.", official("leader"));
        assertThat(r.status()).isEqualTo(PetitionStatus.REFUSED);
        assertThat(r.onTime()).isTrue();
        Petition refusedLate = sendToWard(false);
        setReceivedAt(refusedLate.number(), Instant.now().minus(Duration.ofDays(30)));
        assertThat(handling.refuse(refusedLate.number(), "Nội dung đã được trả lời trước đây.", official("leader"))
                .onTime()).isFalse();

        assertThat(closedEvent(onTime.number())).satisfies(e -> {
            assertThat(e.outcome()).isEqualTo("ANSWERED");
            assertThat(e.onTime()).isTrue();
            assertThat(e.agencyCode()).isEqualTo(WARD);
            assertThat(e.procedureCode()).isEqualTo(BIRTH);
            assertThat(e.dossierCode()).isNull();
            assertThat(e.at()).isEqualTo(answered.closedAt());
        });
        assertThat(closedEvent(late.number()).onTime()).isFalse();
        assertThat(closedEvent(refused.number())).satisfies(e -> {
            assertThat(e.outcome()).isEqualTo("REFUSED");
            assertThat(e.onTime()).isTrue();
        });
        assertThat(closedEvent(refusedLate.number()).onTime()).isFalse();

        // A closed petition takes no further answer; the list puts the overdue first.
        assertThatThrownBy(() -> handling.answer(r.number(), "Trả lời lại", official("leader")))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));
        Petition overdue = sendToWard(false);
        setReceivedAt(overdue.number(), Instant.now().minus(Duration.ofDays(40)));
        List<Petition> list = handling.forAgency(official("leader"));
        assertThat(list.getFirst().timeliness()).isEqualTo("OVERDUE");
        assertThat(list).extracting(Petition::number).contains(overdue.number(), r.number());
        assertThat(list.stream().map(Petition::number).toList().indexOf(overdue.number()))
                .isLessThan(list.stream().map(Petition::number).toList().indexOf(r.number()));
    }

    @Test
    void theSenderRatesTheHandlingOnceAfterItIsClosed() throws Exception {
        Petition p = sendToWard(false);
        assertThatThrownBy(() -> senders.rateHandling(p.number(), "0111", true, "test"))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));
        handling.answer(p.number(), "Đã trả lời.", official("leader"));
        mvc.perform(post("/phan-anh-kien-nghi/tra-cuu/danh-gia").param("so", p.number()).param("sdt", "0111")
                .param("haiLong", "false").with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("petitionDone"));
        mvc.perform(post("/phan-anh-kien-nghi/tra-cuu/danh-gia").param("so", p.number()).param("sdt", "0111")
                        .param("haiLong", "true").with(csrf()))
                .andExpect(flash().attribute("problems", List.of("Phản ánh, kiến nghị " + p.number()
                        + " đã được đánh giá.")));
        assertThat(handling.view(p.number(), official("leader")).ratedSatisfied()).isFalse();
        assertThat(events.stream(PetitionRated.class).filter(e -> e.number().equals(p.number())))
                .singleElement().satisfies(e -> {
                    assertThat(e.satisfied()).isFalse();
                    assertThat(e.agencyCode()).isEqualTo(WARD);
                    assertThat(e.procedureCode()).isEqualTo(BIRTH);
                });
    }

    // ------------------------------------------------------------------ publishing

    @Test
    void onlyAnswersTheSenderAgreedToPublishAreShownAndWithoutPersonalData() throws Exception {
        Petition secret = sendToWard(false);
        handling.answer(secret.number(), "Trả lời riêng cho người gửi " + secret.number(), official("leader"));
        mvc.perform(post("/quan-tri/phan-anh/" + secret.number() + "/cong-khai").with(user(account("leader"))).with(csrf()))
                .andExpect(flash().attribute("problems", List.of("Người gửi không đồng ý công khai: không thể công khai "
                        + "trả lời phản ánh, kiến nghị " + secret.number() + ".")));
        assertThat(handling.view(secret.number(), official("leader")).status()).isEqualTo(PetitionStatus.ANSWERED);

        Petition open = sendToWard(true);
        handling.answer(open.number(), "Trả lời công khai " + open.number(), official("leader"));
        Petition notYet = sendToWard(true);
        handling.answer(notYet.number(), "Chưa công khai " + notYet.number(), official("leader"));
        mvc.perform(post("/quan-tri/phan-anh/" + open.number() + "/cong-khai")
                        .param("cauHoi", "Đề nghị hướng dẫn rõ hồ sơ khai sinh.")
                        .with(user(account("specialist"))).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("petitionDone"));
        Petition published = handling.view(open.number(), official("leader"));
        assertThat(published.status()).isEqualTo(PetitionStatus.PUBLISHED);
        assertThat(published.publishedAt()).isNotNull();
        // Published once: publishing again is refused.
        assertThatThrownBy(() -> handling.publish(open.number(), null, official("leader")))
                .isInstanceOf(UserFacingException.class);

        String page = mvc.perform(get("/phan-anh-kien-nghi")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Trả lời công khai " + open.number(), "Đề nghị hướng dẫn rõ hồ sơ khai sinh.",
                        "Người gửi: N.T.H.", "/phan-anh-kien-nghi/gui", "Đăng ký khai sinh")
                .doesNotContain("Trả lời riêng cho người gửi " + secret.number(), "Chưa công khai " + notYet.number(),
                        "Ngô Thị Hoa", "0905550111", "hoa@example.vn", "Bảng tin tổ dân phố");
        // Linked from every page's footer.
        assertThat(page).contains("href=\"/phan-anh-kien-nghi\"");
    }

    // ------------------------------------------------------------------ who handles

    @Test
    void officialsOfAnotherAgencyNeitherSeeNorHandleThePetition() throws Exception {
        accounts.official("specialist-phuxuan-fb", OTHER_WARD, Role.SPECIALIST);
        Petition p = sendToWard(false);
        String number = p.number();
        mvc.perform(get("/quan-tri/phan-anh/" + number).with(user(account("specialist-phuxuan-fb"))))
                .andExpect(status().isNotFound());
        mvc.perform(post("/quan-tri/phan-anh/" + number + "/tra-loi").param("noiDung", "Trả lời")
                .with(user(account("specialist-phuxuan-fb"))).with(csrf())).andExpect(status().isNotFound());
        assertThat(handling.forAgency(official("specialist-phuxuan-fb"))).extracting(Petition::number)
                .doesNotContain(number);
        mvc.perform(get("/quan-tri/phan-anh").with(user(account("citizen")))).andExpect(status().isForbidden());
        mvc.perform(get("/quan-tri/phan-anh/" + number).with(user(account("agency-admin"))))
                .andExpect(status().isForbidden());
        assertThat(handling.view(number, official("leader")).status()).isEqualTo(PetitionStatus.RECEIVED);

        // The agency's own officials see it in the list (linked from the back office's home) and on its page.
        assertThat(mvc.perform(get("/quan-tri").with(user(account("specialist")))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("href=\"/quan-tri/phan-anh\"");
        assertThat(mvc.perform(get("/quan-tri/phan-anh").with(user(account("specialist")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains(number);
        assertThat(mvc.perform(get("/quan-tri/phan-anh/" + number).with(user(account("reception"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Ngô Thị Hoa", "0905550111", "/quan-tri/phan-anh/" + number + "/tra-loi", "Hạn trả lời");
    }

    @Test
    void theStateGraphAllowsOnlyItsEdges() {
        for (PetitionStatus from : PetitionStatus.values()) {
            for (PetitionStatus to : PetitionStatus.values()) {
                boolean edge = switch (from) {
                    case RECEIVED -> to == PetitionStatus.WAITING_SENDER || to == PetitionStatus.ANSWERED
                            || to == PetitionStatus.REFUSED;
                    case WAITING_SENDER -> to == PetitionStatus.RECEIVED;
                    case ANSWERED -> to == PetitionStatus.PUBLISHED;
                    case REFUSED, PUBLISHED -> false;
                };
                assertThat(from.mayBecome(to)).as(from + " -> " + to).isEqualTo(edge);
            }
        }
        assertThat(PetitionAction.ANSWER.emits()).isEqualTo(PetitionClosed.class);
        assertThat(PetitionAction.REFUSE.emits()).isEqualTo(PetitionClosed.class);
        assertThat(PublicPetitions.initials("Nguyễn  văn Ánh")).isEqualTo("N.V.Á.");
    }

    // ------------------------------------------------------------------ helpers

    /** A petition about birth registration sent to the ward by Ngô Thị Hoa (phone ending 0111). */
    Petition sendToWard(boolean consent) {
        return senders.submit(new NewPetition("Ngô Thị Hoa", "0905550111", "hoa@example.vn", BIRTH, null, WARD,
                "Bảng tin tổ dân phố chưa niêm yết thủ tục khai sinh.", consent), null, VI);
    }

    String newDossier() {
        ApiClient citizen = ApiClient.signIn(port, "citizen", "demo123");
        ApiClient.Response created = citizen.postMultipart("/api/v1/dossiers",
                TestData.submission(catalog.procedure(BIRTH).orElseThrow(), WARD), null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("code").asString();
    }

    PetitionClosed closedEvent(String number) {
        List<PetitionClosed> found = events.stream(PetitionClosed.class).filter(e -> e.number().equals(number)).toList();
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    void setReceivedAt(String number, Instant at) {
        jdbc.sql("update petition set received_at = ? where number = ?").params(Timestamp.from(at), number).update();
    }

    int petitionCount() {
        return jdbc.sql("select count(*) from petition").query(Integer.class).single();
    }

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingCalendar.ZONE).toInstant();
    }

    CurrentUser account(String username) {
        return accounts.findUser(username).orElseThrow();
    }

    Actor official(String username) {
        return actors.of(account(username));
    }

    static JsonNode json(String body) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(body);
    }
}
