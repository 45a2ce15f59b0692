package vn.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.motcua.catalog.transfer.CatalogImports;
import vn.motcua.identity.CurrentUser;
import vn.motcua.support.Accounts;
import vn.motcua.support.IntegrationTest;

@IntegrationTest
class CatalogIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired CatalogService catalog;
    @Autowired CatalogImports imports;
    @Autowired Accounts accounts;
    @Autowired JsonMapper json;

    @Test
    void demoCatalogHoldsEveryRequiredProcedureAndIsLargeAndVaried() throws IOException {
        List<Procedure> all = catalog.all();
        assertThat(all).hasSizeGreaterThanOrEqualTo(150);
        assertThat(all.stream().map(Procedure::field).distinct()).hasSizeGreaterThanOrEqualTo(15);
        Set<String> names = new HashSet<>();
        all.forEach(p -> names.add(p.name()));
        try (InputStream in = getClass().getResourceAsStream("/catalog/required-procedures.txt")) {
            List<String> required = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty()).toList();
            assertThat(required).hasSizeGreaterThanOrEqualTo(40);
            assertThat(names).containsAll(required);
        }
        for (Procedure p : all) {
            assertThat(catalog.problems(p, Locale.forLanguageTag("vi"))).as(p.code()).isEmpty();
            assertThat(p.documents()).as(p.code()).isNotEmpty();
            if (p.onlineLevel() != vn.motcua.catalog.OnlineLevel.INFO) { // (one imported from the national side has none)
                assertThat(p.formFields()).as(p.code()).isNotEmpty();
            }
        }
    }

    @Test
    void apiListsTheCatalogPageByPage() throws Exception {
        int total = catalog.all().size();
        String first = mvc.perform(get("/api/v1/procedures").param("page", "0").param("size", "20"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(total))
                .andExpect(jsonPath("$.items.length()").value(20))
                .andExpect(jsonPath("$.items[0].documents").isArray())
                .andReturn().getResponse().getContentAsString();
        String second = mvc.perform(get("/api/v1/procedures").param("page", "1").param("size", "20"))
                .andExpect(jsonPath("$.items.length()").value(20)).andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(first).get("items").get(0).get("code"))
                .isNotEqualTo(json.readTree(second).get("items").get(0).get("code"));
        mvc.perform(get("/api/v1/procedures").param("page", String.valueOf(total / 20 + 1)).param("size", "20"))
                .andExpect(jsonPath("$.items.length()").value(0)).andExpect(jsonPath("$.total").value(total));
        mvc.perform(get("/api/v1/procedures").param("size", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid_request"))
                .andExpect(jsonPath("$.message").value(containsString("phân trang")));
        mvc.perform(get("/api/v1/procedures").param("page", "abc")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("không hợp lệ")));
    }

    @Test
    void apiSearchAnswersTheDocumentedShapeBestFirst() throws Exception {
        String body = mvc.perform(get("/api/v1/procedures/search").param("q", "dang ky ket hon").param("limit", "5"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode items = json.readTree(body).get("items");
        assertThat(items.size()).isBetween(1, 5);
        JsonNode top = items.get(0);
        assertThat(top.get("name").asString()).isEqualTo("Đăng ký kết hôn");
        for (String key : List.of("code", "name", "field", "level", "onlineLevel", "score")) {
            assertThat(top.has(key)).as(key).isTrue();
        }
        for (int i = 1; i < items.size(); i++) {
            assertThat(items.get(i).get("score").asDouble()).isLessThanOrEqualTo(items.get(i - 1).get("score").asDouble());
        }
        mvc.perform(get("/api/v1/procedures/search").param("q", "x").param("limit", "1000"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void apiGivesTheWholeRecordOrA404InVietnamese() throws Exception {
        String code = catalog.search("đăng ký khai sinh", 1).getFirst().procedure().code();
        mvc.perform(get("/api/v1/procedures/{code}", code))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Đăng ký khai sinh"))
                .andExpect(jsonPath("$.documents[0].name").isString())
                .andExpect(jsonPath("$.formFields[0].key").isString())
                .andExpect(jsonPath("$.legalBasis").isArray());
        mvc.perform(get("/api/v1/procedures/9.999999"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("not_found"))
                .andExpect(jsonPath("$.message").value("Không có thủ tục mã 9.999999."));
        mvc.perform(get("/api/v1/procedures/9.999999").param("lang", "en"))
                .andExpect(jsonPath("$.message").value("There is no procedure with code 9.999999."));
    }

    @Test
    void publicPagesShowWhatACitizenNeedsBeforeComing() throws Exception {
        mvc.perform(get("/")).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"q\"")))
                .andExpect(content().string(containsString("Hộ tịch")));
        mvc.perform(get("/tim-kiem").param("q", "khai sinh")).andExpect(status().isOk())
                .andExpect(content().string(containsString("<mark>khai sinh</mark>")));
        Procedure birth = catalog.procedure(catalog.search("đăng ký khai sinh", 1).getFirst().procedure().code())
                .orElseThrow();
        mvc.perform(get("/thu-tuc/{code}", birth.code())).andExpect(status().isOk())
                .andExpect(content().string(containsString(birth.documents().getFirst().name())))
                .andExpect(content().string(containsString("Thành phần hồ sơ")))
                .andExpect(content().string(containsString("Thời hạn giải quyết")))
                .andExpect(content().string(containsString("Nơi tiếp nhận hồ sơ")));
        mvc.perform(get("/thu-tuc/9.999999")).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Không có thủ tục mã 9.999999.")));
    }

    @Test
    void browsingFiltersByFieldLevelAndAgency() throws Exception {
        mvc.perform(get("/thu-tuc").param("linhVuc", "ho-tich")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Đăng ký khai sinh")))
                .andExpect(content().string(not(containsString("Đổi giấy phép lái xe"))));
        var communeOnly = catalog.browse(null, ProcedureLevel.COMMUNE, null, null, 0, 1000);
        assertThat(communeOnly.items()).isNotEmpty().allSatisfy(p -> assertThat(p.level()).isEqualTo(ProcedureLevel.COMMUNE));
        // A ward does every commune-level procedure that names no agency.
        var ward = catalog.browse(null, null, null, "000.31.01.H57", 0, 1000);
        assertThat(ward.total()).isGreaterThan(0);
        assertThat(ward.items()).extracting(ProcedureSummary::name).contains("Đăng ký khai sinh");
        // Criminal records moved to the provincial police on 1 March 2025.
        var police = catalog.browse(null, null, null, "000.00.21.H57", 0, 1000);
        assertThat(police.items()).extracting(ProcedureSummary::name)
                .contains("Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam")
                .doesNotContain("Đăng ký khai sinh");
    }

    @Test
    void templatesDownloadAsWordDocuments() throws Exception {
        Procedure withTemplate = catalog.all().stream()
                .filter(p -> p.documents().stream().anyMatch(d -> d.template() != null)).findFirst().orElseThrow();
        int index = 0;
        while (withTemplate.documents().get(index).template() == null) {
            index++;
        }
        byte[] docx = mvc.perform(get("/thu-tuc/{code}/mau/{i}", withTemplate.code(), index))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString(".docx")))
                .andReturn().getResponse().getContentAsByteArray();
        try (var document = new org.apache.poi.xwpf.usermodel.XWPFDocument(new ByteArrayInputStream(docx))) {
            String text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(document).getText();
            assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").contains(withTemplate.formFields().getFirst().label());
        }
    }

    @Test
    void onlyCatalogManagersReachTheCatalogBackOffice() throws Exception {
        mvc.perform(get("/quan-tri/thu-tuc").with(user(account("specialist")))).andExpect(status().isForbidden());
        mvc.perform(get("/quan-tri/thu-tuc").with(user(account("admin")))).andExpect(status().isOk());
        mvc.perform(get("/quan-tri/thu-tuc/xuat.json")).andExpect(status().is3xxRedirection());
    }

    @Test
    void administratorsCreateAndEditProceduresAndBadInputChangesNothing() throws Exception {
        CurrentUser admin = account("admin");
        mvc.perform(post("/quan-tri/thu-tuc").with(user(admin)).with(csrf())
                        .param("isNew", "true").param("code", "1.999001").param("name", "")
                        .param("field", "Hộ tịch").param("level", "PROVINCE").param("onlineLevel", "FULL")
                        .param("processingDays", "5").param("implementingAgency", "Sở Tư pháp")
                        .param("agencies", "000.99.99.H57").param("result", "Quyết định")
                        .param("applicantTypes", "CITIZEN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Thiếu tên thủ tục.")))
                .andExpect(content().string(containsString("Mã cơ quan &quot;000.99.99.H57&quot; không có trong cơ cấu tổ chức.")))
                .andExpect(content().string(containsString("ít nhất một thành phần hồ sơ")));
        assertThat(catalog.procedure("1.999001")).isEmpty();

        mvc.perform(post("/quan-tri/thu-tuc").with(user(admin)).with(csrf())
                        .param("isNew", "true").param("code", "1.999001").param("name", "Cấp giấy phép thử nghiệm nuôi ong")
                        .param("field", "Chăn nuôi").param("level", "PROVINCE").param("onlineLevel", "PARTIAL")
                        .param("processingDays", "7").param("implementingAgency", "Sở Nông nghiệp và Môi trường")
                        .param("agencies", "000.00.15.H57").param("result", "Giấy phép").param("applicantTypes", "CITIZEN")
                        .param("applicantTypes", "BUSINESS")
                        .param("documents[0].name", "Đơn đề nghị").param("documents[0].originals", "1")
                        .param("documents[0].copies", "0").param("documents[0].mandatory", "true")
                        .param("documents[0].template", "Mẫu số 01")
                        .param("documents[1].name", "")
                        .param("fees[0].description", "Phí thẩm định").param("fees[0].amount", "150000")
                        .param("formFields[0].key", "hiveCount").param("formFields[0].label", "Số đàn ong")
                        .param("formFields[0].type", "NUMBER").param("formFields[0].required", "true")
                        .param("legalBasis", "Luật Chăn nuôi số 32/2018/QH14\nNghị định số 13/2020/NĐ-CP"))
                .andExpect(status().is3xxRedirection());
        Procedure created = catalog.procedure("1.999001").orElseThrow();
        assertThat(created.documents()).hasSize(1);
        assertThat(created.fees()).containsExactly(new Fee("Phí thẩm định", 150000));
        assertThat(created.legalBasis()).hasSize(2);
        assertThat(created.applicantTypes()).containsExactly(ApplicantType.CITIZEN, ApplicantType.BUSINESS);
        assertThat(catalog.search("nuôi ong", 1)).extracting(h -> h.procedure().code()).containsExactly("1.999001");

        mvc.perform(get("/quan-tri/thu-tuc/1.999001/sua").with(user(admin))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Cấp giấy phép thử nghiệm nuôi ong")));
        mvc.perform(post("/quan-tri/thu-tuc").with(user(admin))
                        .param("code", "1.999001").param("name", "Không có CSRF"))
                .andExpect(status().isForbidden());
        assertThat(catalog.procedure("1.999001").orElseThrow().name()).isEqualTo("Cấp giấy phép thử nghiệm nuôi ong");
    }

    @Test
    void jsonImportReportsEachRejectedRowAndKeepsTheGoodOnes() throws Exception {
        String file = """
                {"format": "motcua-catalog/1", "procedures": [
                  {"code": "1.888001", "name": "Thủ tục nhập thử một", "field": "Thử nghiệm", "level": "COMMUNE",
                   "implementingAgency": "Ủy ban nhân dân cấp xã", "agencies": [], "onlineLevel": "FULL", "processingDays": 3,
                   "fees": [], "documents": [{"name": "Tờ khai", "originals": 1, "copies": 0, "mandatory": true}],
                   "applicantTypes": ["CITIZEN"], "legalBasis": ["Luật thử"], "result": "Văn bản",
                   "formFields": [{"key": "fullName", "label": "Họ tên", "type": "TEXT", "required": true, "profile": "fullName"}]},
                  {"code": "1.888002", "name": "Thủ tục sai cấp", "field": "Thử nghiệm", "level": "DISTRICT",
                   "implementingAgency": "x", "onlineLevel": "FULL", "processingDays": 3, "result": "x",
                   "documents": [{"name": "Tờ khai", "originals": 1, "copies": 0, "mandatory": true}], "applicantTypes": ["CITIZEN"]},
                  {"code": "abc", "name": "", "field": "Thử nghiệm", "level": "PROVINCE", "implementingAgency": "Sở",
                   "onlineLevel": "FULL", "processingDays": 400, "result": "x", "documents": [], "applicantTypes": ["CITIZEN"]},
                  {"code": "1.888001", "name": "Trùng mã", "field": "Thử nghiệm", "level": "COMMUNE",
                   "implementingAgency": "Ủy ban nhân dân cấp xã", "onlineLevel": "FULL", "processingDays": 1, "result": "x",
                   "documents": [{"name": "Tờ khai", "originals": 1, "copies": 0, "mandatory": true}], "applicantTypes": ["CITIZEN"]}
                ]}""";
        CatalogImports.Status status = imports.importNow("thu.json", file.getBytes(StandardCharsets.UTF_8), "admin");
        assertThat(status.state()).isEqualTo("DONE");
        assertThat(status.accepted()).isEqualTo(1);
        assertThat(status.rejections()).hasSize(3);
        assertThat(status.rejections().get(0).where()).isEqualTo("mục 2");
        assertThat(status.rejections().get(0).problems().getFirst()).startsWith("Không đọc được thủ tục");
        assertThat(status.rejections().get(1).problems()).contains("Mã thủ tục \"abc\" không đúng dạng (ví dụ 1.001193).",
                "Thiếu tên thủ tục.", "Thời hạn giải quyết 400 ngày không hợp lệ (từ 0 đến 365 ngày làm việc).",
                "Thủ tục cấp tỉnh phải ghi mã cơ quan giải quyết.");
        assertThat(status.rejections().get(2).problems()).contains("Mã thủ tục trùng với mục 1.");
        assertThat(catalog.procedure("1.888001")).get().extracting(Procedure::name).isEqualTo("Thủ tục nhập thử một");
        assertThat(catalog.procedure("1.888002")).isEmpty();
    }

    @Test
    void filesAreRecognisedByContentNotByName() throws Exception {
        MockMultipartFile fake = new MockMultipartFile("file", "danh-muc.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "%PDF-1.7 not a catalog".getBytes());
        mvc.perform(multipart("/quan-tri/thu-tuc/nhap").file(fake).with(user(account("admin"))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tệp không phải JSON hay Excel (.xlsx)")));
        MockMultipartFile brokenZip = new MockMultipartFile("file", "x.xlsx", "application/octet-stream",
                new byte[]{'P', 'K', 3, 4, 1, 2, 3});
        UUID id = imports.start("x.xlsx", brokenZip.getBytes(), "admin");
        CatalogImports.Status status = waitFor(id);
        assertThat(status.state()).isEqualTo("FAILED");
        assertThat(status.error()).isEqualTo("Tệp Excel không đọc được. Hãy lưu lại dưới dạng .xlsx.");
    }

    @Test
    void excelExportImportsBackUnchangedAndBadCellsAreReportedByRow() throws Exception {
        byte[] xlsx = mvc.perform(get("/quan-tri/thu-tuc/xuat.xlsx").with(user(account("admin"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<Procedure> before = catalog.all();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getSheet("Thủ tục").getLastRowNum()).isEqualTo(before.size());
            assertThat(workbook.getSheet("Thành phần hồ sơ").getLastRowNum()).isPositive();
        }
        MockMultipartFile upload = new MockMultipartFile("file", "catalog.xlsx", "application/octet-stream", xlsx);
        String location = mvc.perform(multipart("/quan-tri/thu-tuc/nhap").file(upload).with(user(account("admin"))).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        CatalogImports.Status status = waitFor(id);
        assertThat(status.rejections()).isEmpty();
        assertThat(status.accepted()).isEqualTo(before.size());
        assertThat(catalog.all()).containsExactlyInAnyOrderElementsOf(before);
        mvc.perform(get(location).with(user(account("admin")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Hoàn tất: " + before.size() + " thủ tục được nhập, 0 dòng bị từ chối.")));

        // Spoil one cell and one child row: both are reported with their sheet and row.
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet main = workbook.getSheet("Thủ tục");
            Row second = main.getRow(2);
            int daysColumn = column(main, "Thời hạn (ngày làm việc)");
            second.getCell(daysColumn).setCellValue("mười");
            Sheet docs = workbook.getSheet("Thành phần hồ sơ");
            Row firstDocument = docs.getRow(1);
            // The export writes inline strings; replace the cell rather than overwrite it in place.
            firstDocument.removeCell(firstDocument.getCell(0));
            firstDocument.createCell(0).setCellValue("7.777777");
            var out = new java.io.ByteArrayOutputStream();
            workbook.write(out);
            CatalogImports.Status spoiled = imports.importNow("hong.xlsx", out.toByteArray(), "admin");
            assertThat(spoiled.rejections()).extracting(CatalogImports.Rejection::where)
                    .contains("Trang \"Thủ tục\", dòng 3", "Trang \"Thành phần hồ sơ\", dòng 2");
            assertThat(spoiled.rejections()).flatExtracting(CatalogImports.Rejection::problems)
                    .contains("Cột \"Thời hạn (ngày làm việc)\": \"mười\" không phải là số.",
                            "Mã thủ tục \"7.777777\" không có trên trang \"Thủ tục\".");
        }
        // The rejected procedure (row 3 is the second procedure exported) is left as it was.
        assertThat(catalog.procedure(before.get(1).code())).contains(before.get(1));
    }

    private static int column(Sheet sheet, String heading) {
        for (var cell : sheet.getRow(0)) {
            if (cell.getStringCellValue().equals(heading)) {
                return cell.getColumnIndex();
            }
        }
        throw new IllegalArgumentException(heading);
    }

    private CatalogImports.Status waitFor(UUID id) {
        return await("the import finishes").atMost(Duration.ofSeconds(60))
                .until(() -> imports.status(id).orElseThrow(), status -> !status.running());
    }

    private CurrentUser account(String username) {
        return accounts.findUser(username).orElseThrow();
    }
}
