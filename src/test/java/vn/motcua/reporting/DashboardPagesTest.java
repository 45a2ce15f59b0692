package vn.motcua.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierReceived;
import vn.motcua.dossier.DossierRef;
import vn.motcua.dossier.DossierRefused;
import vn.motcua.dossier.ResultReady;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.support.Accounts;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestData;
import vn.motcua.workflow.WorkingCalendar;

/**
 * The dashboard, the dossiers behind its figures, the exports and the public transparency page, over a known May 2024
 * (which no other test touches): four dossiers of Phường Thuận Hóa and one of Phường Phú Xuân, told to the read model
 * as the dossier module's events, with codes no other run shares.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardPagesTest {

    static final String WARD = "000.31.01.H57";             // Phường Thuận Hóa: the demo leader's ward
    static final String OTHER_WARD = "000.31.02.H57";       // Phường Phú Xuân
    static final String PROVINCE = "000.00.00.H57";         // the province's root agency
    /** A leader of the province's root agency: an official who sees the whole province's dossiers. */
    static final String PROVINCE_LEADER = "province-leader";
    static final String BIRTH = "1.001193";
    static final LocalDate MAY_1 = LocalDate.of(2024, 5, 1);
    static final LocalDate MAY_31 = LocalDate.of(2024, 5, 31);
    static final String MAY = "ky=thang&thang=2024-05";
    static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
    static final Pattern DOSSIER_LINK = Pattern.compile("href=\"/quan-tri/ho-so/([^\"]+)\"");

    @Autowired MockMvc mvc;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;
    @Autowired vn.motcua.reporting.internal.ReadModel readModel;
    @Autowired ReportingService reporting;
    @Autowired Accounts accounts;
    @Autowired vn.motcua.integration.nationalportal.StatusSender statusSync;
    @Autowired vn.motcua.integration.nationalportal.StatusSyncRepository syncBacklog;

    final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    @BeforeAll
    void tellTheMonth() {
        accounts.official(PROVINCE_LEADER, PROVINCE, Role.LEADER);
        // D1: online, early (result 08/05, due 10/05).
        DossierRef d1 = ref(WARD, "D1", Channel.ONLINE);
        publish(new DossierReceived(d1, at("2024-05-06 09:00"), at("2024-05-10 17:00"), 0, 0));
        publish(new ResultReady(d1, at("2024-05-08 10:00")));
        // D2: at the counter, late (result 13/05, due 08/05).
        DossierRef d2 = ref(WARD, "D2", Channel.COUNTER);
        publish(new DossierReceived(d2, at("2024-05-06 10:00"), at("2024-05-08 17:00"), 1, 0));
        publish(new ResultReady(d2, at("2024-05-13 10:00")));
        // D3: at the counter, never finished: overdue now.
        publish(new DossierReceived(ref(WARD, "D3", Channel.COUNTER), at("2024-05-07 09:00"), at("2024-05-09 17:00"), 1, 0));
        // D4: online, refused before its due date.
        DossierRef d4 = ref(WARD, "D4", Channel.ONLINE);
        publish(new DossierReceived(d4, at("2024-05-08 09:00"), at("2024-05-14 17:00"), 0, 0));
        publish(new DossierRefused(d4, "Không thuộc thẩm quyền", at("2024-05-09 09:00")));
        // D5: another ward's, on time.
        DossierRef d5 = ref(OTHER_WARD, "D5", Channel.COUNTER);
        publish(new DossierReceived(d5, at("2024-05-06 09:00"), at("2024-05-10 17:00"), 1, 0));
        publish(new ResultReady(d5, at("2024-05-09 10:00")));

        await("the read model took in every event").atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from report_event where subject like ?").param("%-" + run + "-%")
                        .query(Integer.class).single() >= 9);
        readModel.catchUp();
        // These dossiers' status messages go to the demo's national portal sandbox; send them all now, so that CKMB4
        // does not change between a page and the figures it is compared with.
        await("every status message accepted").atMost(Duration.ofSeconds(30)).until(() -> {
            statusSync.sendDue();
            return syncBacklog.backlog().count() == 0;
        });
    }

    @Test
    void theWardsLeaderSeesTheWardsIndexTrendAndFigures() throws Exception {
        ServiceIndex index = reporting.index(WARD, MAY_1, MAY_31, VIETNAMESE);
        assertThat(index.counts()).containsEntry("RECEIVED", 4L).containsEntry("HANDLED", 3L).containsEntry("LATE", 1L);

        String page = page(get("/quan-tri/bao-cao?" + MAY), "leader", 200);

        assertThat(page).contains("Báo cáo, thống kê", "Phường Thuận Hóa — Tháng 05/2024",
                "<strong class=\"total\">" + points(index.total()) + "</strong>", index.bandName(),
                "Hồ sơ giải quyết trước hạn và đúng hạn", "66,67%",          // TDGQ1: 2 of 3 handled
                "Hồ sơ quá hạn cần xử lý ngay", "Hồ sơ theo kênh nộp", "Trực tiếp tại bộ phận một cửa");
        assertThat(page).doesNotContain("Chưa có nguồn dữ liệu"); // every indicator has its source now
        // Each figure opens its dossiers, with the same period and agency.
        assertThat(page).contains("href=\"/quan-tri/bao-cao/ho-so?chiSo=LATE&amp;tu=2024-05-01&amp;den=2024-05-31&amp;coQuan=" + WARD + "\"");
        // The trend as an accessible SVG, with its numbers in a table too; no ranking below the province.
        assertThat(page).containsPattern("<svg [^>]*role=\"img\"[^>]*aria-label=\"Tổng điểm theo tháng, Phường Thuận Hóa\"")
                .contains("<title>Tổng điểm theo tháng, Phường Thuận Hóa</title>", "<caption>Tổng điểm và điểm từng nhóm theo tháng</caption>")
                .doesNotContain("Xếp hạng các cơ quan", "<script>");
        // No inline style: the pages' Content-Security-Policy would block it.
        assertThat(page).doesNotContain("style=");
    }

    @Test
    void aSpecialistMayNotSeeReports() throws Exception {
        mvc.perform(get("/quan-tri/bao-cao").with(user(account("specialist")))).andExpect(status().isForbidden());
        mvc.perform(get("/quan-tri/bao-cao/ho-so?chiSo=RECEIVED&" + MAY).with(user(account("specialist"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/quan-tri/bao-cao/xuat.xlsx?bang=chi-so").with(user(account("specialist"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/quan-tri/bao-cao")).andExpect(status().is3xxRedirection()); // to the login page
    }

    @Test
    void theLeaderMayNotSeeAnotherAgency() throws Exception {
        String other = page(get("/quan-tri/bao-cao?coQuan=" + OTHER_WARD + "&" + MAY), "leader", 403);
        assertThat(other).contains("Bạn không có quyền xem báo cáo của Phường Phú Xuân")
                .doesNotContain(code("D5"), "class=\"total\"");
        assertThat(page(get("/quan-tri/bao-cao/ho-so?chiSo=RECEIVED&coQuan=" + OTHER_WARD + "&" + MAY), "leader", 403))
                .doesNotContain(code("D5"));
        assertThat(page(get("/quan-tri/bao-cao?coQuan=000.00.00.H57"), "leader", 403)).contains("Toàn tỉnh");
        assertThat(page(get("/quan-tri/bao-cao/xuat.xlsx?bang=chi-so&coQuan=" + OTHER_WARD), "leader", 403))
                .contains("Bạn không có quyền");
        assertThat(page(get("/quan-tri/bao-cao?coQuan=000.99.99.H57"), "leader", 404)).contains("Không có cơ quan mã 000.99.99.H57");
    }

    @Test
    void theProvinceAdministratorSeesTheRankingAndMayChooseAnyAgency() throws Exception {
        String page = page(get("/quan-tri/bao-cao?" + MAY), "admin", 200);
        ServiceIndex province = reporting.index(null, MAY_1, MAY_31, VIETNAMESE);
        assertThat(page).contains("Toàn tỉnh — Tháng 05/2024", "<strong class=\"total\">" + points(province.total()) + "</strong>",
                "Xếp hạng các cơ quan", "aria-label=\"Tổng điểm của các cơ quan\"",
                "href=\"/quan-tri/bao-cao?ky=thang&amp;thang=2024-05&amp;coQuan=" + WARD + "\">Phường Thuận Hóa</a>",
                "Phường Phú Xuân");
        List<ServiceIndex> ranking = reporting.ranking(MAY_1, MAY_31, VIETNAMESE);
        ServiceIndex ward = ranking.stream().filter(i -> i.agencyCode().equals(WARD)).findFirst().orElseThrow();
        assertThat(page).contains(points(ward.total()));

        assertThat(page(get("/quan-tri/bao-cao?coQuan=" + OTHER_WARD + "&" + MAY), "admin", 200))
                .contains("Phường Phú Xuân — Tháng 05/2024").doesNotContain("Xếp hạng các cơ quan");
    }

    @Test
    void theDrillDownListsExactlyTheDossiersBehindAFigure() throws Exception {
        String received = page(get("/quan-tri/bao-cao/ho-so?chiSo=RECEIVED&tu=2024-05-01&den=2024-05-31&coQuan=" + WARD),
                "leader", 200);
        assertThat(dossierLinks(received)).containsExactlyInAnyOrder(code("D1"), code("D2"), code("D3"), code("D4"));
        assertThat(received).contains("Hồ sơ tiếp nhận", "Có 4 hồ sơ.",
                "href=\"/quan-tri/ho-so/" + code("D2") + "\"", "Đăng ký khai sinh");

        String late = page(get("/quan-tri/bao-cao/ho-so?chiSo=LATE&tu=2024-05-01&den=2024-05-31&coQuan=" + WARD), "leader", 200);
        assertThat(dossierLinks(late)).containsExactly(code("D2"));
        String online = page(get("/quan-tri/bao-cao/ho-so?chiSo=RECEIVED_ONLINE&tu=2024-05-01&den=2024-05-31"), "leader", 200);
        assertThat(dossierLinks(online)).containsExactlyInAnyOrder(code("D1"), code("D4"));
        String overdue = page(get("/quan-tri/bao-cao/ho-so?chiSo=OVERDUE&" + MAY), "leader", 200);
        assertThat(dossierLinks(overdue)).contains(code("D3")).doesNotContain(code("D1"), code("D2"), code("D4"), code("D5"));

        // The province sees both wards' dossiers.
        String province = page(get("/quan-tri/bao-cao/ho-so?chiSo=RECEIVED&tu=2024-05-01&den=2024-05-31"),
                PROVINCE_LEADER, 200);
        assertThat(dossierLinks(province)).containsExactlyInAnyOrder(code("D1"), code("D2"), code("D3"), code("D4"), code("D5"));
    }

    @Test
    void administratorsSeeTheFiguresButNotTheDossiersBehindThem() throws Exception {
        for (String admin : List.of("admin", "agency-admin")) {
            String dashboard = page(get("/quan-tri/bao-cao?" + MAY), admin, 200);
            assertThat(dashboard).contains("Số liệu hồ sơ trong kỳ").doesNotContain("/quan-tri/bao-cao/ho-so",
                    "href=\"/quan-tri/ho-so/");
            assertThat(page(get("/quan-tri/bao-cao/ho-so?chiSo=RECEIVED&tu=2024-05-01&den=2024-05-31&coQuan=" + WARD),
                    admin, 403)).doesNotContain(code("D1"));
            mvc.perform(post("/quan-tri/bao-cao/ho-so/xuat").param("chiSo", "RECEIVED").param("tu", "2024-05-01")
                    .param("den", "2024-05-31").param("coQuan", WARD).with(user(account(admin))).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        // The ward's leader still follows the figures to the dossiers.
        assertThat(page(get("/quan-tri/bao-cao?" + MAY), "leader", 200)).contains("/quan-tri/bao-cao/ho-so?");
    }

    @Test
    void thePublicTransparencyPageShowsTheProvincesFiguresToAnyone() throws Exception {
        ServiceIndex province = reporting.index(null, MAY_1, MAY_31, VIETNAMESE);
        String page = mvc.perform(get("/minh-bach?" + MAY)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Minh bạch kết quả phục vụ", "Toàn tỉnh — Tháng 05/2024",
                "<strong class=\"total\">" + points(province.total()) + "</strong>", province.bandName(),
                "Hồ sơ nộp trực tuyến", "Hồ sơ thanh toán trực tuyến", "Hồ sơ được số hóa", "Hồ sơ có kết quả điện tử",
                "Giải quyết trước hạn, đúng hạn", "Mức độ hài lòng", "Xếp hạng các cơ quan", "Phường Thuận Hóa",
                "Công khai, minh bạch", "Mức độ số hóa hồ sơ", "role=\"img\"", "/minh-bach/xuat.xlsx?bang=xep-hang");
        assertThat(page).doesNotContain(run, "/quan-tri/ho-so/", "/quan-tri/bao-cao", "style=");
        // This year by default; the footer of every page links to it.
        mvc.perform(get("/minh-bach")).andExpect(status().isOk());
        assertThat(mvc.perform(get("/")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("href=\"/minh-bach\"");
    }

    @Test
    void theIndexExportIsARealWorkbookWithVietnameseHeadings() throws Exception {
        byte[] xlsx = bytes(get("/quan-tri/bao-cao/xuat.xlsx?bang=chi-so&" + MAY), "leader");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("Chỉ số");
            assertThat(sheet).isNotNull();
            assertThat(text(sheet.getRow(1), 0)).isEqualTo("Cơ quan: Phường Thuận Hóa");
            assertThat(texts(sheet.getRow(4))).startsWith("Nhóm chỉ số", "Mã", "Chỉ số", "Tử số", "Mẫu số");
            Row tdgq1 = find(sheet, "TDGQ1");
            assertThat(tdgq1.getCell(3).getNumericCellValue()).isEqualTo(2);
            assertThat(tdgq1.getCell(4).getNumericCellValue()).isEqualTo(3);
            assertThat(tdgq1.getCell(5).getNumericCellValue()).isEqualTo(66.67);
            assertThat(find(sheet, "MDSH6").getCell(4).getNumericCellValue()).isEqualTo(4); // of the dossiers received
            Row received = find(workbook.getSheet("Số liệu"), "Hồ sơ tiếp nhận");
            assertThat(received.getCell(1).getNumericCellValue()).isEqualTo(4);
        }
        try (XSSFWorkbook channels = new XSSFWorkbook(new ByteArrayInputStream(
                bytes(get("/quan-tri/bao-cao/xuat.xlsx?bang=kenh&" + MAY), "leader")))) {
            Row counter = find(channels.getSheet("Kênh nộp"), "Trực tiếp tại bộ phận một cửa");
            assertThat(texts(channels.getSheet("Kênh nộp").getRow(4))).contains("Hồ sơ tiếp nhận", "Hồ sơ đã giải quyết");
            assertThat(counter.getCell(2).getNumericCellValue()).isEqualTo(2); // D2, D3 received at the counter
        }
        // The public page exports its own tables, to anyone.
        byte[] ranking = mvc.perform(get("/minh-bach/xuat.xlsx?bang=xep-hang&" + MAY)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(ranking))) {
            Sheet sheet = workbook.getSheet("Xếp hạng");
            assertThat(texts(sheet.getRow(4))).startsWith("Hạng", "Mã cơ quan", "Cơ quan", "Tổng điểm", "Xếp loại");
            assertThat(find(sheet, "Phường Thuận Hóa").getCell(3).getNumericCellValue())
                    .isEqualTo(reporting.index(WARD, MAY_1, MAY_31, VIETNAMESE).total());
        }
        mvc.perform(get("/minh-bach/xuat.xlsx?bang=ho-so")).andExpect(status().isBadRequest());
    }

    @Test
    void theWholeListIsExportedInTheBackgroundAndDownloadedByWhoAskedForIt() throws Exception {
        mvc.perform(post("/quan-tri/bao-cao/ho-so/xuat").param("chiSo", "RECEIVED").param("tu", "2024-05-01")
                .param("den", "2024-05-31").param("coQuan", WARD).with(user(account("leader"))))
                .andExpect(status().isForbidden()); // no CSRF token
        String location = mvc.perform(post("/quan-tri/bao-cao/ho-so/xuat").param("chiSo", "RECEIVED")
                        .param("tu", "2024-05-01").param("den", "2024-05-31").param("coQuan", WARD)
                        .with(user(account("leader"))).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/quan-tri/bao-cao/xuat/[0-9a-f-]{36}");

        // Until it is ready, the progress page refreshes itself and shows no error.
        String progress = await("the export finished").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200)).until(() -> page(get(location), "leader", 200), page -> {
                    if (!page.contains("/tai-ve")) {
                        assertThat(page).contains("http-equiv=\"refresh\"").doesNotContain("class=\"error\"");
                    }
                    return page.contains("/tai-ve");
                });
        assertThat(progress).contains("Tệp đã sẵn sàng.", "Đã ghi 4/4 hồ sơ").doesNotContain("http-equiv=\"refresh\"");

        byte[] xlsx = bytes(get(location + "/tai-ve"), "leader");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("Hồ sơ");
            assertThat(text(sheet.getRow(0), 0)).isEqualTo("Hồ sơ tiếp nhận — Phường Thuận Hóa — Từ 01/05/2024 đến 31/05/2024");
            assertThat(texts(sheet.getRow(3))).startsWith("STT", "Mã hồ sơ", "Mã thủ tục", "Thủ tục");
            Set<String> codes = new LinkedHashSet<>();
            for (int r = 4; r <= sheet.getLastRowNum(); r++) {
                codes.add(text(sheet.getRow(r), 1));
            }
            assertThat(codes).containsExactlyInAnyOrder(code("D1"), code("D2"), code("D3"), code("D4"));
        }
        // Someone else cannot see it, let alone download it.
        mvc.perform(get(location).with(user(account(PROVINCE_LEADER)))).andExpect(status().isNotFound());
        mvc.perform(get(location + "/tai-ve").with(user(account(PROVINCE_LEADER)))).andExpect(status().isNotFound());
    }

    @Test
    void badParametersAnswerAVietnameseMessageNeverAServerError() throws Exception {
        assertThat(page(get("/quan-tri/bao-cao?tu=2024-05-40&den=2024-05-31"), "leader", 400))
                .contains("Ngày &quot;2024-05-40&quot; không hợp lệ");
        assertThat(page(get("/quan-tri/bao-cao?tu=31/05/2024&den=01/05/2024"), "leader", 400))
                .contains("Khoảng thời gian không hợp lệ");
        assertThat(page(get("/quan-tri/bao-cao?ky=khoang&tu=2024-05-01"), "leader", 400))
                .contains("Khoảng thời gian không hợp lệ");
        assertThat(page(get("/quan-tri/bao-cao?ky=tuan"), "leader", 400)).contains("Kỳ báo cáo &quot;tuan&quot; không hợp lệ");
        assertThat(page(get("/quan-tri/bao-cao?ky=quy&quy=5&nam=2024"), "leader", 400)).contains("Quý &quot;5&quot; không hợp lệ");
        assertThat(page(get("/quan-tri/bao-cao/ho-so?chiSo=NOPE&" + MAY), "leader", 400))
                .contains("Không có số liệu &quot;NOPE&quot; để xem chi tiết.");
        assertThat(page(get("/quan-tri/bao-cao/ho-so?" + MAY), "leader", 400)).contains("Không có số liệu");
        assertThat(page(get("/quan-tri/bao-cao/xuat.xlsx?bang=khac&" + MAY), "leader", 400)).contains("Không có bảng");
        assertThat(page(get("/quan-tri/bao-cao/xuat/khong-phai-ma"), "leader", 400)).isNotEmpty();
        assertThat(page(get("/quan-tri/bao-cao/xuat/" + UUID.randomUUID()), "leader", 404)).contains("Không có tệp xuất này");
        assertThat(mvc.perform(get("/minh-bach?thang=2024-13")).andExpect(status().isBadRequest()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Tháng &quot;2024-13&quot; không hợp lệ");
        assertThat(mvc.perform(get("/minh-bach?ky=nam&nam=abc")).andExpect(status().isBadRequest()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Năm &quot;abc&quot; không hợp lệ");
        // Other spellings people type are read.
        assertThat(page(get("/quan-tri/bao-cao?thang=05/2024"), "leader", 200)).contains("Tháng 05/2024");
        assertThat(page(get("/quan-tri/bao-cao?ky=quy&quy=2&nam=2024"), "leader", 200)).contains("Quý 2/2024");
    }

    @Test
    void onlyTheProvinceAdministratorRebuildsTheReadModel() throws Exception {
        mvc.perform(post("/quan-tri/bao-cao/xay-dung-lai").with(user(account("leader"))).with(csrf()))
                .andExpect(status().isForbidden());
        ServiceIndex before = reporting.index(WARD, MAY_1, MAY_31, VIETNAMESE);
        MockHttpServletResponse response = mvc.perform(post("/quan-tri/bao-cao/xay-dung-lai")
                        .with(user(account("admin"))).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse();
        assertThat(response.getRedirectedUrl()).isEqualTo("/quan-tri/bao-cao");
        assertThat(reporting.index(WARD, MAY_1, MAY_31, VIETNAMESE)).isEqualTo(before);
        assertThat(page(get("/quan-tri/bao-cao"), "admin", 200)).contains("Xây dựng lại số liệu");
        assertThat(page(get("/quan-tri/bao-cao"), "leader", 200)).doesNotContain("xay-dung-lai");
    }

    @Test
    void theBackOfficeHomeLinksTheDashboardForThoseWhoMaySeeIt() throws Exception {
        assertThat(page(get("/quan-tri"), "leader", 200)).contains("href=\"/quan-tri/bao-cao\"");
        assertThat(page(get("/quan-tri"), "agency-admin", 200)).contains("href=\"/quan-tri/bao-cao\"");
        assertThat(page(get("/quan-tri"), "specialist", 200)).doesNotContain("href=\"/quan-tri/bao-cao\"");
    }

    // ------------------------------------------------------------------ helpers

    private String page(MockHttpServletRequestBuilder request, String username, int expectedStatus) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(user(account(username)))).andReturn().getResponse();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(body).isEqualTo(expectedStatus);
        return body;
    }

    private byte[] bytes(MockHttpServletRequestBuilder request, String username) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(user(account(username)))).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment");
        return response.getContentAsByteArray();
    }

    private CurrentUser account(String username) {
        return accounts.findUser(username).orElseThrow();
    }

    private static List<String> dossierLinks(String page) {
        List<String> codes = new ArrayList<>();
        Matcher m = DOSSIER_LINK.matcher(page);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    private static Row find(Sheet sheet, String value) {
        for (Row row : sheet) {
            for (int c = 0; c < row.getLastCellNum(); c++) {
                if (value.equals(text(row, c))) {
                    return row;
                }
            }
        }
        throw new AssertionError(value + " not in sheet " + sheet.getSheetName());
    }

    private static String text(Row row, int column) {
        return row == null || row.getCell(column) == null ? "" : new DataFormatter().formatCellValue(row.getCell(column));
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            texts.add(text(row, c));
        }
        return texts;
    }

    private static String points(double value) {
        NumberFormat f = NumberFormat.getNumberInstance(VIETNAMESE);
        f.setMaximumFractionDigits(2);
        return f.format(value);
    }

    private String code(String name) {
        return "DASH-" + run + "-" + name;
    }

    private DossierRef ref(String agency, String name, Channel channel) {
        return new DossierRef(code(name), BIRTH, "Đăng ký khai sinh", agency, agency, "Phường", channel,
                new Applicant(null, "Nguyễn Văn An", null, null, null, null, null, null));
    }

    private void publish(Object event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }

    private static Instant at(String vietnamTime) {
        return LocalDateTime.parse(vietnamTime.replace(' ', 'T')).atZone(WorkingCalendar.ZONE).toInstant();
    }
}
