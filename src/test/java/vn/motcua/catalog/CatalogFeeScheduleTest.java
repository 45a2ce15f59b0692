package vn.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import vn.motcua.catalog.transfer.CatalogImports;
import vn.motcua.catalog.transfer.CatalogJson;
import vn.motcua.catalog.transfer.CatalogWorkbook;
import vn.motcua.identity.CurrentUser;
import vn.motcua.support.Accounts;
import vn.motcua.support.IntegrationTest;

/** Fee schedules (per-copy amounts, exempt groups) survive storage, both file formats and the back-office editor. */
@IntegrationTest
class CatalogFeeScheduleTest {

    static final Locale VI = Locale.forLanguageTag("vi");
    static final String FEES = "Phí, lệ phí", PER_COPY = "Tính theo số bản (mã trường)", EXEMPT = "Đối tượng miễn";

    @Autowired MockMvc mvc;
    @Autowired CatalogService catalog;
    @Autowired CatalogImports imports;
    @Autowired CatalogJson json;
    @Autowired CatalogWorkbook workbook;
    @Autowired Accounts accounts;

    @Test
    void perCopyFieldAndExemptionsAreSavedAndLoaded() {
        Procedure p = procedure("1.777001", List.of(
                new Fee("Phí cấp bản sao (mỗi bản)", 8000, "copyCount", EnumSet.of(FeeExemption.DISABLED, FeeExemption.CHILD)),
                new Fee("Lệ phí cố định", 15000)));
        assertThat(catalog.save(p, VI)).isTrue();
        Procedure loaded = catalog.procedure("1.777001").orElseThrow();
        assertThat(loaded).isEqualTo(p);
        assertThat(loaded.fees().get(0).perCopy()).isTrue();
        assertThat(loaded.fees().get(0).exemptions()).containsExactlyInAnyOrder(FeeExemption.DISABLED, FeeExemption.CHILD);
        assertThat(loaded.fees().get(1).perCopy()).isFalse();
        assertThat(loaded.fees().get(1).exemptions()).isEmpty();

        // Editing keeps nothing of the old schedule.
        Procedure edited = procedure("1.777001", List.of(new Fee("Phí cấp bản sao (mỗi bản)", 10000, null,
                Set.of(FeeExemption.values()))));
        catalog.save(edited, VI);
        assertThat(catalog.procedure("1.777001")).contains(edited);
    }

    @Test
    void aPerCopyFeeMustCountANumberFieldOfTheForm() {
        Procedure onText = procedure("1.777002", List.of(new Fee("Phí bản sao", 8000, "fullName", Set.of())));
        Procedure onMissing = procedure("1.777002", List.of(new Fee("Phí bản sao", 8000, "soBan", Set.of())));
        assertThatThrownBy(() -> catalog.save(onText, VI)).isInstanceOf(InvalidProcedureException.class)
                .extracting(e -> ((InvalidProcedureException) e).problems()).asInstanceOf(
                        org.assertj.core.api.InstanceOfAssertFactories.list(String.class))
                .containsExactly("Phí, lệ phí \"Phí bản sao\" tính theo số bản nhưng \"fullName\" không phải là trường "
                        + "kiểu số (NUMBER) của biểu mẫu thủ tục.");
        assertThat(catalog.problems(onMissing, VI)).hasSize(1).first().asString().contains("\"soBan\"");
        assertThat(catalog.problems(onText, Locale.ENGLISH))
                .containsExactly("Fee \"Phí bản sao\" is charged per copy, but \"fullName\" is not a NUMBER field of the procedure's form.");
        assertThat(catalog.procedure("1.777002")).isEmpty();
    }

    @Test
    void jsonCarriesFeeSchedulesBothWaysAndOlderFilesStillImport() throws Exception {
        Procedure p = procedure("1.777003", List.of(
                new Fee("Phí cấp bản sao (mỗi bản)", 8000, "copyCount", EnumSet.of(FeeExemption.MERITORIOUS)),
                new Fee("Lệ phí cố định", 15000)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        json.write(List.of(p), out);
        String file = out.toString(StandardCharsets.UTF_8);
        assertThat(file).contains("\"perCopyField\" : \"copyCount\"").contains("\"exemptions\" : [ \"MERITORIOUS\" ]")
                .doesNotContain("\"perCopy\" :");
        CatalogImports.Status status = imports.importNow("phi.json", out.toByteArray(), "admin");
        assertThat(status.rejections()).isEmpty();
        assertThat(catalog.procedure("1.777003")).contains(p);

        // A file written before fee schedules existed: fees are fixed and nobody is exempt.
        String old = """
                {"format": "motcua-catalog/1", "procedures": [
                  {"code": "1.777004", "name": "Thủ tục có lệ phí kiểu cũ", "field": "Thử nghiệm", "level": "COMMUNE",
                   "implementingAgency": "Ủy ban nhân dân cấp xã", "agencies": [], "onlineLevel": "FULL", "processingDays": 3,
                   "fees": [{"description": "Lệ phí", "amount": 5000}],
                   "documents": [{"name": "Tờ khai", "originals": 1, "copies": 0, "mandatory": true}],
                   "applicantTypes": ["CITIZEN"], "legalBasis": ["Luật thử"], "result": "Văn bản",
                   "formFields": [{"key": "fullName", "label": "Họ tên", "type": "TEXT", "required": true}]}
                ]}""";
        assertThat(imports.importNow("cu.json", old.getBytes(StandardCharsets.UTF_8), "admin").accepted()).isEqualTo(1);
        assertThat(catalog.procedure("1.777004").orElseThrow().fees()).containsExactly(new Fee("Lệ phí", 5000));

        // The export of the whole catalog carries the demo schedules.
        mvc.perform(get("/quan-tri/thu-tuc/xuat.json").with(user(account("admin")))).andExpect(status().isOk())
                .andExpect(jsonPath("$.procedures[?(@.code == '2.000635')].fees[0].perCopyField", hasItem("copies")))
                .andExpect(jsonPath("$.procedures[?(@.code == '1.004873')].fees[0].exemptions[*]",
                        org.hamcrest.Matchers.containsInAnyOrder("MERITORIOUS", "POOR_HOUSEHOLD", "DISABLED")));
    }

    @Test
    void excelCarriesFeeSchedulesBothWaysAndAcceptsLabelsAndOldWorkbooks() throws Exception {
        Procedure p = procedure("1.777005", List.of(
                new Fee("Phí cấp bản sao (mỗi bản)", 8000, "copyCount", EnumSet.of(FeeExemption.DISABLED, FeeExemption.CHILD)),
                new Fee("Lệ phí cố định", 15000)));
        catalog.save(procedure("1.777005", List.of()), VI);
        byte[] xlsx = write(p);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet fees = book.getSheet(FEES);
            assertThat(text(fees, 1, PER_COPY)).isEqualTo("copyCount");
            assertThat(text(fees, 1, EXEMPT)).isEqualTo("DISABLED, CHILD");
            assertThat(text(fees, 2, PER_COPY)).isEmpty();
            assertThat(text(fees, 2, EXEMPT)).isEmpty();
        }
        CatalogImports.Status status = imports.importNow("phi.xlsx", xlsx, "admin");
        assertThat(status.rejections()).isEmpty();
        assertThat(catalog.procedure("1.777005")).contains(p);

        // Vietnamese labels, in any case and with or without diacritics, are read as well as codes.
        byte[] labelled = edit(xlsx, fees -> set(fees, 1, EXEMPT, "người khuyết tật; Tre em duoi 6 tuoi\nMERITORIOUS"));
        assertThat(imports.importNow("nhan.xlsx", labelled, "admin").rejections()).isEmpty();
        assertThat(catalog.procedure("1.777005").orElseThrow().fees().getFirst().exemptions())
                .containsExactlyInAnyOrder(FeeExemption.DISABLED, FeeExemption.CHILD, FeeExemption.MERITORIOUS);

        // A workbook from before fee schedules has neither column: its fees are fixed, nobody exempt.
        byte[] old = edit(xlsx, fees -> {
            List<Integer> columns = List.of(column(fees, PER_COPY), column(fees, EXEMPT));
            for (Row row : fees) {
                for (int column : columns) {
                    Cell cell = row.getCell(column);
                    if (cell != null) {
                        row.removeCell(cell);
                    }
                }
            }
        });
        assertThat(imports.importNow("cu.xlsx", old, "admin").rejections()).isEmpty();
        assertThat(catalog.procedure("1.777005").orElseThrow().fees())
                .containsExactly(new Fee("Phí cấp bản sao (mỗi bản)", 8000), new Fee("Lệ phí cố định", 15000));
    }

    @Test
    void excelRowsWithABadExemptionOrPerCopyFieldAreRejectedWithTheReason() throws Exception {
        Procedure p = procedure("1.777006", List.of(new Fee("Phí cấp bản sao (mỗi bản)", 8000, "copyCount", Set.of())));
        Procedure q = procedure("1.777007", List.of(new Fee("Phí cấp bản sao (mỗi bản)", 8000, "copyCount", Set.of())));
        byte[] xlsx = edit(write(p, q), fees -> {
            set(fees, 1, EXEMPT, "DISABLED, Sinh viên");
            set(fees, 2, PER_COPY, "fullName");
        });
        CatalogImports.Status status = imports.importNow("hong.xlsx", xlsx, "admin");
        assertThat(status.accepted()).isZero();
        assertThat(status.rejections()).extracting(CatalogImports.Rejection::where)
                .containsExactly("Trang \"Thủ tục\", dòng 2", "Trang \"Thủ tục\", dòng 3");
        assertThat(status.rejections().get(0).problems()).singleElement().asString()
                .startsWith("Trang \"Phí, lệ phí\", dòng 2: Cột \"Đối tượng miễn\": \"Sinh viên\" không phải là đối tượng "
                        + "được miễn phí, lệ phí. Ghi mã hoặc tên, cách nhau bởi dấu phẩy: MERITORIOUS (Người có công với cách mạng);")
                .contains("CHILD (Trẻ em dưới 6 tuổi)");
        assertThat(status.rejections().get(1).problems()).containsExactly("Phí, lệ phí \"Phí cấp bản sao (mỗi bản)\" "
                + "tính theo số bản nhưng \"fullName\" không phải là trường kiểu số (NUMBER) của biểu mẫu thủ tục.");
        assertThat(catalog.procedure("1.777006")).isEmpty();
        assertThat(catalog.procedure("1.777007")).isEmpty();
    }

    @Test
    void theEditorSetsPerCopyFieldsAndExemptionsWithoutScript() throws Exception {
        CurrentUser admin = account("admin");
        catalog.save(procedure("1.777008", List.of(new Fee("Phí cấp bản sao (mỗi bản)", 8000))), VI);
        String page = mvc.perform(get("/quan-tri/thu-tuc/1.777008/sua").with(user(admin))).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"fees[0].perCopyField\"")))
                .andExpect(content().string(containsString("<option value=\"copyCount\">Số bản sao đề nghị cấp</option>")))
                .andExpect(content().string(containsString("Đối tượng miễn 1</legend>")))
                .andReturn().getResponse().getContentAsString();
        assertThat(Pattern.compile("<label class=\"check\"><input type=\"checkbox\" name=\"fees\\[0]\\.exemptions\" "
                + "value=\"DISABLED\"> <span>Người khuyết tật</span></label>").matcher(page).find()).isTrue();

        var request = post("/quan-tri/thu-tuc").with(user(admin)).with(csrf()).param("isNew", "false");
        formOf(catalog.procedure("1.777008").orElseThrow()).forEach(request::param);
        request.param("fees[0].perCopyField", "copyCount")
                .param("fees[0].exemptions", "DISABLED", "POOR_HOUSEHOLD")
                .param("fees[1].description", "Lệ phí cố định").param("fees[1].amount", "15000");
        mvc.perform(request).andExpect(status().is3xxRedirection());
        assertThat(catalog.procedure("1.777008").orElseThrow().fees()).containsExactly(
                new Fee("Phí cấp bản sao (mỗi bản)", 8000, "copyCount", Set.of(FeeExemption.DISABLED, FeeExemption.POOR_HOUSEHOLD)),
                new Fee("Lệ phí cố định", 15000));
        String edited = mvc.perform(get("/quan-tri/thu-tuc/1.777008/sua").with(user(admin)))
                .andReturn().getResponse().getContentAsString();
        assertThat(edited).contains("name=\"fees[0].perCopyField\" value=\"copyCount\"");
        assertThat(Pattern.compile("name=\"fees\\[0]\\.exemptions\" value=\"POOR_HOUSEHOLD\"[^>]*checked=\"checked\"")
                .matcher(edited).find()).isTrue();
        assertThat(Pattern.compile("name=\"fees\\[0]\\.exemptions\" value=\"CHILD\"[^>]*checked")
                .matcher(edited).find()).isFalse();

        // A per-copy field that is not a number is refused and nothing changes.
        var bad = post("/quan-tri/thu-tuc").with(user(admin)).with(csrf()).param("isNew", "false");
        formOf(catalog.procedure("1.777008").orElseThrow()).forEach(bad::param);
        bad.param("fees[0].perCopyField", "fullName");
        mvc.perform(bad).andExpect(status().isOk()).andExpect(content().string(containsString(
                "tính theo số bản nhưng &quot;fullName&quot; không phải là trường kiểu số (NUMBER)")));
        assertThat(catalog.procedure("1.777008").orElseThrow().fees().getFirst().perCopyField()).isEqualTo("copyCount");
    }

    @Test
    void demoSchedulesAreRealisticAndShownToCitizens() throws Exception {
        Fee extract = catalog.procedure("2.000635").orElseThrow().fees().getFirst();
        assertThat(extract.amount()).isEqualTo(8000);
        assertThat(extract.perCopyField()).isEqualTo("copies");
        assertThat(catalog.procedure("1.004873").orElseThrow().fees().getFirst().exemptions())
                .containsExactlyInAnyOrder(FeeExemption.MERITORIOUS, FeeExemption.POOR_HOUSEHOLD, FeeExemption.DISABLED);
        assertThat(catalog.procedure("1.013225").orElseThrow().fees()).allSatisfy(f -> {
            assertThat(f.exemptions()).isEmpty();
            assertThat(f.perCopy()).isFalse();
        });
        mvc.perform(get("/thu-tuc/2.000635")).andExpect(status().isOk())
                .andExpect(content().string(containsString("8.000 đồng/bản")));
        mvc.perform(get("/thu-tuc/1.004873")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Miễn cho:")))
                .andExpect(content().string(containsString(
                        "<span>Người có công với cách mạng và thân nhân</span>; <span>Thành viên hộ nghèo, hộ cận nghèo</span>; "
                                + "<span>Người khuyết tật</span></small>")));
    }

    // ---------------------------------------------------------------- helpers

    /**
     * A valid commune-level procedure whose form has a NUMBER field {@code copyCount} and a TEXT field, worded so that
     * it does not compete with the demo catalog in searches.
     */
    static Procedure procedure(String code, List<Fee> fees) {
        return new Procedure(code, "Thủ tục thử biểu phí " + code, "Thử nghiệm", ProcedureLevel.COMMUNE,
                "Ủy ban nhân dân cấp xã", List.of(), OnlineLevel.FULL, 3, null, fees, null,
                List.of(new RequiredDocument("Tờ khai", 1, 0, true, null)), List.of(ApplicantType.CITIZEN), null,
                List.of("Luật thử"), "Kết quả thử", null,
                List.of(new FormField("fullName", "Họ tên", FieldType.TEXT, true, List.of(), "fullName"),
                        new FormField("copyCount", "Số bản sao đề nghị cấp", FieldType.NUMBER, true, List.of(), null)));
    }

    /** The editor's fields for a procedure made by {@link #procedure}, fees left out. */
    private static java.util.Map<String, String> formOf(Procedure p) {
        var form = new java.util.LinkedHashMap<String, String>();
        form.put("code", p.code());
        form.put("name", p.name());
        form.put("field", p.field());
        form.put("level", p.level().name());
        form.put("onlineLevel", p.onlineLevel().name());
        form.put("processingDays", String.valueOf(p.processingDays()));
        form.put("implementingAgency", p.implementingAgency());
        form.put("applicantTypes", "CITIZEN");
        form.put("result", p.result());
        form.put("legalBasis", String.join("\n", p.legalBasis()));
        form.put("documents[0].name", "Tờ khai");
        form.put("documents[0].originals", "1");
        form.put("documents[0].mandatory", "true");
        for (int i = 0; i < p.formFields().size(); i++) {
            FormField f = p.formFields().get(i);
            form.put("formFields[" + i + "].key", f.key());
            form.put("formFields[" + i + "].label", f.label());
            form.put("formFields[" + i + "].type", f.type().name());
            form.put("formFields[" + i + "].required", String.valueOf(f.required()));
            if (f.profile() != null) {
                form.put("formFields[" + i + "].profile", f.profile());
            }
        }
        form.put("fees[0].description", p.fees().getFirst().description());
        form.put("fees[0].amount", String.valueOf(p.fees().getFirst().amount()));
        return form;
    }

    private byte[] write(Procedure... procedures) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(List.of(procedures), out);
        return out.toByteArray();
    }

    private interface SheetEdit {
        void apply(Sheet fees);
    }

    private static byte[] edit(byte[] xlsx, SheetEdit edit) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            edit.apply(book.getSheet(FEES));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }

    /** Replaces a cell: the export writes inline strings, which are not overwritten in place. */
    private static void set(Sheet sheet, int row, String heading, String value) {
        Row r = sheet.getRow(row);
        int column = column(sheet, heading);
        if (r.getCell(column) != null) {
            r.removeCell(r.getCell(column));
        }
        r.createCell(column).setCellValue(value);
    }

    private static String text(Sheet sheet, int row, String heading) {
        Cell cell = sheet.getRow(row).getCell(column(sheet, heading));
        return cell == null ? "" : cell.getStringCellValue();
    }

    private static int column(Sheet sheet, String heading) {
        List<String> headings = new ArrayList<>();
        for (Cell cell : sheet.getRow(0)) {
            if (cell.getStringCellValue().equals(heading)) {
                return cell.getColumnIndex();
            }
            headings.add(cell.getStringCellValue());
        }
        throw new IllegalArgumentException(heading + " not in " + headings);
    }

    private CurrentUser account(String username) {
        return accounts.findUser(username).orElseThrow();
    }
}
