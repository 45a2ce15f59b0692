package vn.motcua.catalog.national;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.json.JsonMapper;

import vn.motcua.catalog.ApplicantType;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Fee;
import vn.motcua.catalog.FieldType;
import vn.motcua.catalog.FormField;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureAnnouncement;
import vn.motcua.catalog.ProcedureLevel;
import vn.motcua.catalog.RequiredDocument;
import vn.motcua.identity.CurrentUser;
import vn.motcua.platform.security.HmacSignatures;
import vn.motcua.support.Accounts;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.Peers;
import vn.motcua.workflow.ProcessService;

/**
 * The import from the national procedure database against a WireMock peer ({@link Peers#NATIONAL_CATALOG}) that
 * answers signed JSON in the national shape. Each test uses its own codes (1.8870xx), so they do not meet.
 */
@IntegrationTest
class NationalCatalogImportTest {

    static final Locale VI = Locale.forLanguageTag("vi");
    static final String PATH = "/csdl-tthc";
    static final String PAGE = "/quan-tri/thu-tuc/nhap-quoc-gia";

    @Autowired MockMvc mvc;
    @Autowired CatalogService catalog;
    @Autowired ProcessService processes;
    @Autowired NationalCatalogImports imports;
    @Autowired Accounts accounts;
    @Autowired JsonMapper json;

    private final List<com.github.tomakehurst.wiremock.stubbing.StubMapping> stubs = new ArrayList<>();

    @org.junit.jupiter.api.BeforeEach
    void forgetRequests() {
        Peers.NATIONAL_CATALOG.resetRequests();
    }

    @AfterEach
    void removeStubs() {
        stubs.forEach(Peers.NATIONAL_CATALOG::removeStub);
        stubs.clear();
        Peers.NATIONAL_CATALOG.resetScenarios();
    }

    @Test
    void byCodeTheDifferenceIsShownThenAppliedKeepingWhatTheProvinceConfigured() throws Exception {
        Procedure local = local("1.887001");
        catalog.save(local, VI);
        int processVersion = processes.current("1.887001").version();
        answer("1.887001", signed(item(local, "Thời hạn mới: 3 ngày làm việc", 3, "1001/QĐ-BTP", "02/03/2026", "01/04/2026")));
        answer("1.887002", signed(item(newOne("1.887002"), null, 5, "1002/QĐ-BTP", "2026-03-02", "2026-04-01")));
        // 1.887003 is unknown: the default stub answers no procedure

        String page = fetch("1.887001\n1.887002\r\n 1.887003 ", "");
        assertThat(page).contains("Thủ tục mới (1)", "1.887002", "Thủ tục thay đổi (1)", "Thời hạn mới: 3 ngày làm việc",
                "1001/QĐ-BTP", "02/03/2026", "Mã không có ở CSDL quốc gia (1)", "1.887003", "Áp dụng");
        assertThat(catalog.procedure("1.887002")).isEmpty(); // nothing applied before "Áp dụng"
        Peers.NATIONAL_CATALOG.verify(3, postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + Peers.NATIONAL_CATALOG_TOKEN))
                .withRequestBody(matchingJsonPath("$.service", equalTo("LayThuTuc"))));

        String[] preview = preview(page);
        String applied = apply(preview[0], preview[1]);
        assertThat(applied).contains("Đã áp dụng: 2 thủ tục");

        Procedure changed = catalog.procedure("1.887001").orElseThrow();
        assertThat(changed.processingTime()).isEqualTo("Thời hạn mới: 3 ngày làm việc");
        assertThat(changed.processingDays()).isEqualTo(3);
        // the province's own settings are kept
        assertThat(changed.fees()).isEqualTo(local.fees());
        assertThat(changed.formFields()).isEqualTo(local.formFields());
        assertThat(changed.onlineLevel()).isEqualTo(OnlineLevel.FULL);
        assertThat(changed.documents().getFirst().template()).isEqualTo("Mẫu tờ khai của tỉnh");
        assertThat(processes.current("1.887001").version()).isEqualTo(processVersion);
        ProcedureAnnouncement a = catalog.announcement("1.887001").orElseThrow();
        assertThat(a.decisionNumber()).isEqualTo("1001/QĐ-BTP");
        assertThat(a.decisionDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(a.effectiveDate()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(a.firstPublishedOn()).isNotNull(); // saved first by the editor here

        Procedure created = catalog.procedure("1.887002").orElseThrow();
        assertThat(created.name()).isEqualTo("Thủ tục quốc gia 1.887002");
        assertThat(created.applicantTypes()).containsExactly(ApplicantType.CITIZEN, ApplicantType.BUSINESS);
        ProcedureAnnouncement b = catalog.announcement("1.887002").orElseThrow();
        assertThat(b.decisionDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(b.firstPublishedOn()).isNotNull();
        assertThat(processes.current("1.887002").steps()).isNotEmpty(); // the default process, as after Excel
        assertThat(catalog.search("Thủ tục quốc gia 1.887002", 5)).isNotEmpty(); // the search index refreshed

        // The same preview is not applied twice; fetching again shows nothing to do.
        assertThat(apply(preview[0], preview[1])).contains("đã được áp dụng");
        String again = fetch("1.887001 1.887002", "");
        assertThat(again).contains("Thủ tục mới (0)", "Thủ tục thay đổi (0)", "Không thay đổi (2)")
                .doesNotContain("name=\"hash\"");
        // The editor shows the announcement.
        String editor = mvc.perform(get("/quan-tri/thu-tuc/1.887002/sua").with(user(admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(editor).contains("Quyết định công bố", "1002/QĐ-BTP", "02/03/2026", "01/04/2026");
    }

    @Test
    void byFieldEachProcedureOnceThoughListedTwice() throws Exception {
        String list = "{\"error_code\":0,\"result\":[{\"MATTHC\":\"1.887011\",\"TENTTHC\":\"A\"},"
                + "{\"MATTHC\":\"1.887012\",\"TENTTHC\":\"B\"},{\"MATTHC\":\"1.887011\",\"TENTTHC\":\"A\"}]}";
        stub(post(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.service", equalTo("LayDanhSachTTHC")))
                .withRequestBody(matchingJsonPath("$.maLinhVuc", equalTo("TEST-F1"))).willReturn(signed(list)));
        String one = item(newOne("1.887011"), null, 5, "11/QĐ-BTP", "02/03/2026", "01/04/2026");
        answer("1.887011", signed("{\"error_code\":0,\"result\":[" + inner(one) + "," + inner(one) + "]}"));
        answer("1.887012", signed(item(newOne("1.887012"), null, 5, "11/QĐ-BTP", "02/03/2026", "01/04/2026")));

        String page = fetch("", "TEST-F1");
        assertThat(page).contains("MaLinhVuc TEST-F1", "Thủ tục mới (2)", "2 thủ tục lặp lại");
        String[] preview = preview(page);
        assertThat(apply(preview[0], preview[1])).contains("Đã áp dụng: 2 thủ tục");
        assertThat(catalog.procedure("1.887011")).isPresent();
        assertThat(catalog.procedure("1.887012")).isPresent();
    }

    @Test
    void a5xxIsRetriedThenTheAnswerIsUsed() throws Exception {
        stub(post(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.maTTHC", equalTo("1.887021")))
                .inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        stub(post(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.maTTHC", equalTo("1.887021")))
                .inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(signed(item(newOne("1.887021"), null, 5, "21/QĐ-BTP", "02/03/2026", "01/04/2026"))));

        assertThat(fetch("1.887021", "")).contains("Thủ tục mới (1)");
        Peers.NATIONAL_CATALOG.verify(2, postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.maTTHC", equalTo("1.887021"))));
    }

    @Test
    void failuresAreClearMessagesAndNothingIsStoredOrApplied() throws Exception {
        String good = item(newOne("1.887041"), null, 5, "41/QĐ-BTP", "02/03/2026", "01/04/2026");
        answer("1.887041", aResponse().withStatus(500));
        assertThat(fetch("1.887041", "")).contains("đang gặp lỗi (đã thử 3 lần)");

        answer("1.887042", signed(good).withFixedDelay(1500)); // the timeout is 1 s
        assertThat(fetch("1.887042", "")).contains("không trả lời kịp");

        answer("1.887043", signed("{\"trang_thai\": \"không rõ\"}"));
        assertThat(fetch("1.887043", "")).contains("không đúng định dạng");
        answer("1.887044", signed("{\"error_code\":0,\"result\":[{\"TENTTHC\":\"Không có mã\"}]}"));
        assertThat(fetch("1.887044", "")).contains("không đúng định dạng");
        answer("1.887045", signed("không phải JSON"));
        assertThat(fetch("1.887045", "")).contains("không đúng định dạng");

        answer("1.887046", aResponse().withStatus(200).withBody(good)); // no signature
        assertThat(fetch("1.887046", "")).contains("không có chữ ký hợp lệ");
        answer("1.887047", aResponse().withStatus(200).withBody(good)
                .withHeader(HmacSignatures.HEADER, HmacSignatures.sign("another-secret", good)));
        assertThat(fetch("1.887047", "")).contains("không có chữ ký hợp lệ");

        answer("1.887048", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)); // the provider is down
        assertThat(fetch("1.887048", "")).contains("Không kết nối được CSDL quốc gia về TTHC (đã thử 3 lần)");

        answer("1.887049", aResponse().withStatus(401));
        assertThat(fetch("1.887049", "")).contains("từ chối kết nối");

        for (String code : List.of("1.887041", "1.887042", "1.887043", "1.887046", "1.887047", "1.887048")) {
            assertThat(catalog.procedure(code)).as(code).isEmpty();
        }
        // Bad input: a clear message, never a 500.
        assertThat(fetch("", "")).contains("Hãy nhập ít nhất một mã thủ tục");
        assertThat(fetch("khai sinh", "")).contains("không đúng dạng");
        assertThat(fetch("", "<script>")).contains("Mã lĩnh vực chỉ gồm");
        mvc.perform(MockMvcRequestBuilders.post(PAGE + "/ap-dung").with(user(admin())).with(csrf())
                .param("id", "không-phải-mã").param("hash", "x")).andExpect(status().isBadRequest());
        mvc.perform(get(PAGE).param("xem", UUID.randomUUID().toString()).with(user(admin())))
                .andExpect(status().isNotFound());
    }

    @Test
    void aStalePreviewOrAnotherHashIsNotApplied() throws Exception {
        answer("1.887031", signed(item(newOne("1.887031"), null, 5, "31/QĐ-BTP", "02/03/2026", "01/04/2026")));
        String[] preview = preview(fetch("1.887031", ""));

        assertThat(apply(preview[0], "0".repeat(64))).contains("hãy lấy lại");
        // Someone saves the procedure in the editor after the preview: the preview no longer says what would happen.
        catalog.save(local("1.887031"), VI);
        assertThat(apply(preview[0], preview[1])).contains("hãy lấy lại");
        assertThat(catalog.procedure("1.887031").orElseThrow().name()).isEqualTo("Thủ tục của tỉnh 1.887031");
        assertThat(catalog.announcement("1.887031").orElseThrow().decisionNumber()).isNull();
    }

    // ------------------------------------------------------------------ helpers

    private String fetch(String codes, String field) throws Exception {
        var result = mvc.perform(MockMvcRequestBuilders.post(PAGE).with(user(admin())).with(csrf())
                .param("maTTHC", codes).param("maLinhVuc", field)).andReturn();
        String location = result.getResponse().getRedirectedUrl();
        if (location == null) {
            assertThat(result.getResponse().getStatus()).isEqualTo(200);
            return result.getResponse().getContentAsString();
        }
        return mvc.perform(get(location).with(user(admin()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private String apply(String id, String hash) throws Exception {
        var result = mvc.perform(MockMvcRequestBuilders.post(PAGE + "/ap-dung").with(user(admin())).with(csrf())
                .param("id", id).param("hash", hash)).andReturn();
        String location = result.getResponse().getRedirectedUrl();
        if (location == null) {
            return result.getResponse().getContentAsString();
        }
        // The flash message, then the page it leads to.
        return result.getFlashMap().get("applied") + "\n" + mvc.perform(get(location).with(user(admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The preview id and hash of the page's "Áp dụng" form. */
    private static String[] preview(String page) {
        Matcher id = Pattern.compile("name=\"id\" value=\"([^\"]+)\"").matcher(page);
        Matcher hash = Pattern.compile("name=\"hash\" value=\"([^\"]+)\"").matcher(page);
        assertThat(id.find()).as("an Áp dụng form in " + page).isTrue();
        assertThat(hash.find()).isTrue();
        return new String[]{id.group(1), hash.group(1)};
    }

    private void answer(String code, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        stub(post(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.service", equalTo("LayThuTuc")))
                .withRequestBody(matchingJsonPath("$.maTTHC", equalTo(code))).willReturn(response));
    }

    private void stub(MappingBuilder mapping) {
        stubs.add(Peers.NATIONAL_CATALOG.stubFor(mapping.atPriority(1)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder signed(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader(HmacSignatures.HEADER, HmacSignatures.sign(Peers.NATIONAL_CATALOG_SECRET, body)).withBody(body);
    }

    private static String inner(String answer) {
        return answer.substring(answer.indexOf('[') + 1, answer.lastIndexOf(']'));
    }

    /** A {@code LayThuTuc} answer carrying this procedure as the national side words it. */
    private String item(Procedure p, String processingTime, int days, String decision, String signed, String effective) {
        Map<String, Object> item = new java.util.LinkedHashMap<>();
        item.put("MATTHC", p.code());
        item.put("TENTTHC", p.name());
        item.put("LINHVUCTHUCHIEN", List.of(Map.of("MALINHVUC", "TEST-F1", "TENLINHVUC", p.field())));
        item.put("CAPTHUCHIEN", p.level() == ProcedureLevel.COMMUNE ? "Cấp Xã" : "Cấp Tỉnh");
        item.put("COQUANTHUCHIEN", List.of(Map.of("TENDONVI", p.implementingAgency())));
        item.put("CACHTHUCTHUCHIEN", List.of(Map.of("KENH", 1, "THOIGIAN", List.of(Map.of("THOIGIANGIAIQUYET", days,
                "DONVITINH", "Ngày làm việc", "MOTA", processingTime == null ? p.processingTime() : processingTime,
                "PHILEPHI", List.of(Map.of("SOTIEN", 0, "MOTA", "Không thu phí")))))));
        item.put("THANHPHANHOSO", List.of(Map.of("GIAYTO", p.documents().stream().map(d -> Map.of("TENGIAYTO", d.name(),
                "SOBANCHINH", d.originals(), "SOBANSAO", d.copies(), "BATBUOC", d.mandatory())).toList())));
        item.put("DOITUONGTHUCHIEN", p.applicantTypes().stream().map(t -> Map.of("TENDOITUONG",
                t == ApplicantType.BUSINESS ? "Doanh nghiệp" : t == ApplicantType.ORGANIZATION ? "Tổ chức" : "Công dân Việt Nam")).toList());
        item.put("YEUCAU", p.requirements());
        item.put("CANCUPHAPLY", p.legalBasis().stream().map(l -> Map.of("SOVANBAN", "x", "TENVANBAN", l)).toList());
        item.put("KETQUATHUCHIEN", List.of(Map.of("TENKETQUA", p.result())));
        item.put("TRINHTUTHUCHIEN", List.of(Map.of("TRINHTU", List.of(Map.of("TENTRINHTU", p.steps())))));
        item.put("QUYETDINHCONGBO", Map.of("SOQUYETDINH", decision, "NGAYBANHANH", signed));
        item.put("NGAYHIEULUC", effective);
        return json.writeValueAsString(Map.of("error_code", 0, "result", List.of(item)));
    }

    /** A procedure the province configured: its own fees, online form, online level and document template. */
    private static Procedure local(String code) {
        return new Procedure(code, "Thủ tục của tỉnh " + code, "Lĩnh vực thử nhập quốc gia", ProcedureLevel.COMMUNE,
                "Ủy ban nhân dân cấp xã", List.of(), OnlineLevel.FULL, 5, "05 ngày làm việc",
                List.of(new Fee("Lệ phí của tỉnh", 20_000)), "Theo Nghị quyết của HĐND tỉnh",
                List.of(new RequiredDocument("Tờ khai", 1, 0, true, "Mẫu tờ khai của tỉnh")),
                List.of(ApplicantType.CITIZEN), "Không", List.of("Luật thử nghiệm"), "Giấy xác nhận",
                "Nộp hồ sơ; nhận kết quả",
                List.of(new FormField("ghiChu", "Ghi chú", FieldType.TEXT, false, List.of(), null, null)));
    }

    private static Procedure newOne(String code) {
        return new Procedure(code, "Thủ tục quốc gia " + code, "Lĩnh vực thử nhập quốc gia", ProcedureLevel.COMMUNE,
                "Ủy ban nhân dân cấp xã", List.of(), OnlineLevel.INFO, 5, "05 ngày làm việc", List.of(), null,
                List.of(new RequiredDocument("Đơn đề nghị", 1, 0, true, null)),
                List.of(ApplicantType.CITIZEN, ApplicantType.BUSINESS), "Không", List.of("Luật thử nghiệm"),
                "Quyết định", "Nộp hồ sơ; nhận kết quả", List.of());
    }

    private CurrentUser admin() {
        return accounts.findUser("admin").orElseThrow();
    }
}
