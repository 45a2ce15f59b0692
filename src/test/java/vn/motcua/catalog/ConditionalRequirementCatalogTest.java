package vn.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.motcua.catalog.transfer.CatalogImports;
import vn.motcua.catalog.transfer.CatalogJson;
import vn.motcua.catalog.transfer.CatalogWorkbook;
import vn.motcua.catalog.transfer.ParsedRow;
import vn.motcua.support.Accounts;
import vn.motcua.support.IntegrationTest;

/** A conditional requirement is catalog data, kept through the editor, Excel and JSON, and validated. */
@IntegrationTest
class ConditionalRequirementCatalogTest {

    static final String RESIDENCE = "1.004222";
    static final String RENTED = "Chỗ ở hợp pháp do thuê, mượn, ở nhờ";
    static final Locale VI = Locale.forLanguageTag("vi");

    @Autowired CatalogService catalog;
    @Autowired CatalogImports imports;
    @Autowired CatalogJson json;
    @Autowired CatalogWorkbook workbook;
    @Autowired Accounts accounts;
    @Autowired MockMvc mvc;

    @Test
    void theDemoRentalContractIsRequiredOnlyWhenTheResidenceIsRented() throws Exception {
        Procedure residence = catalog.procedure(RESIDENCE).orElseThrow();
        RequiredDocument contract = residence.documents().get(3);
        assertThat(contract.name()).startsWith("Hợp đồng cho thuê");
        assertThat(contract.requiredWhen()).isEqualTo(new RequiredWhen("residenceBasis", List.of(RENTED)));
        assertThat(contract.requiredFor(java.util.Map.of("residenceBasis", RENTED))).isTrue();
        assertThat(contract.requiredFor(java.util.Map.of("residenceBasis",
                "Chỗ ở hợp pháp thuộc quyền sở hữu của mình"))).isFalse();
        mvc.perform(get("/thu-tuc/{code}", RESIDENCE)).andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "Bắt buộc khi &quot;Căn cứ đăng ký thường trú&quot; là &quot;" + RENTED + "&quot;")));
    }

    @Test
    void jsonExportAndImportKeepTheConditionAndOldFilesStillImport() throws Exception {
        Procedure residence = catalog.procedure(RESIDENCE).orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        json.write(List.of(residence), out);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"requiredWhen\"", "\"residenceBasis\"");
        List<ParsedRow> read = json.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(read).extracting(ParsedRow::procedure).containsExactly(residence);

        CatalogImports.Status status = imports.importNow("cu-tru.json", out.toByteArray(), "admin");
        assertThat(status.rejections()).isEmpty();
        assertThat(catalog.procedure(RESIDENCE)).contains(residence);

        // A file written before conditions existed has no "requiredWhen": it imports, with no condition.
        String old = out.toString(StandardCharsets.UTF_8)
                .replaceAll("(?s),\\s*\"requiredWhen\"\\s*:\\s*(\\{[^}]*}|null)", "")
                .replaceAll("\"code\"\\s*:\\s*\"" + RESIDENCE.replace(".", "\\.") + "\"", "\"code\": \"1.994222\"");
        assertThat(old).doesNotContain("requiredWhen").contains("1.994222");
        status = imports.importNow("cu.json", old.getBytes(StandardCharsets.UTF_8), "admin");
        assertThat(status.rejections()).isEmpty();
        assertThat(catalog.procedure("1.994222").orElseThrow().documents())
                .allSatisfy(d -> assertThat(d.requiredWhen()).isNull());
    }

    @Test
    void excelExportAndImportKeepTheConditionAndOldWorkbooksStillImport() throws Exception {
        Procedure residence = catalog.procedure(RESIDENCE).orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(List.of(residence), out);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet docs = book.getSheet("Thành phần hồ sơ");
            int column = column(docs, "Bắt buộc khi");
            assertThat(docs.getRow(4).getCell(column).getStringCellValue()).isEqualTo("residenceBasis = " + RENTED);
        }
        List<ParsedRow> read = workbook.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(read).extracting(ParsedRow::problems).containsExactly(List.of());
        assertThat(read.getFirst().procedure()).isEqualTo(residence);
        CatalogImports.Status status = imports.importNow("cu-tru.xlsx", out.toByteArray(), "admin");
        assertThat(status.rejections()).isEmpty();
        assertThat(catalog.procedure(RESIDENCE)).contains(residence);

        // A workbook from before: no "Bắt buộc khi" column on either sheet.
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            for (String name : List.of("Thành phần hồ sơ", "Trường biểu mẫu")) {
                Sheet sheet = book.getSheet(name);
                int column = column(sheet, "Bắt buộc khi");
                for (Row row : sheet) {
                    Cell cell = row.getCell(column);
                    if (cell != null) {
                        row.removeCell(cell);
                    }
                }
            }
            ByteArrayOutputStream old = new ByteArrayOutputStream();
            book.write(old);
            List<ParsedRow> oldRows = workbook.read(new ByteArrayInputStream(old.toByteArray()));
            assertThat(oldRows.getFirst().problems()).isEmpty();
            assertThat(oldRows.getFirst().procedure().documents()).allSatisfy(d -> assertThat(d.requiredWhen()).isNull());
            assertThat(oldRows.getFirst().procedure().formFields()).allSatisfy(f -> assertThat(f.requiredWhen()).isNull());
        }
    }

    @Test
    void aConditionMustNameAnotherFieldAndOneOfItsAnswers() {
        Procedure residence = catalog.procedure(RESIDENCE).orElseThrow();
        List<RequiredDocument> docs = new ArrayList<>(residence.documents());
        docs.set(2, with(docs.get(2), new RequiredWhen("residence", List.of(RENTED))));
        docs.set(3, with(docs.get(3), new RequiredWhen("residenceBasis", List.of("Nhà thuê"))));
        docs.set(4, with(docs.get(4), RequiredWhen.parse("residenceBasis")));
        RequiredDocument form = docs.getFirst();
        docs.set(0, new RequiredDocument(form.name(), form.originals(), form.copies(), true, form.template(),
                new RequiredWhen("residenceBasis", List.of(RENTED))));
        Procedure bad = new Procedure(residence.code(), residence.name(), residence.field(), residence.level(),
                residence.implementingAgency(), residence.agencies(), residence.onlineLevel(), residence.processingDays(),
                residence.processingTime(), residence.fees(), residence.feeNote(), docs, residence.applicantTypes(),
                residence.requirements(), residence.legalBasis(), residence.result(), residence.steps(),
                residence.formFields());
        assertThat(catalog.problems(bad, VI)).anySatisfy(p -> assertThat(p).contains("\"residence\" không phải"))
                .anySatisfy(p -> assertThat(p).contains("\"Nhà thuê\" không phải là một lựa chọn của trường \"Căn cứ đăng ký thường trú\""))
                .anySatisfy(p -> assertThat(p).contains("phải có ít nhất một giá trị"))
                .anySatisfy(p -> assertThat(p).contains("đã bắt buộc trong mọi trường hợp"));
    }

    @Test
    void theEditorSavesTheConditionAndRefusesAWrongOne() throws Exception {
        var admin = accounts.findUser("admin").orElseThrow();
        mvc.perform(procedure("1.999053", "documents[1].requiredWhen", "ownership = Thuê")
                        .with(user(admin)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&quot;Thuê&quot; không phải là một lựa chọn")));
        assertThat(catalog.procedure("1.999053")).isEmpty();

        mvc.perform(procedure("1.999053", "documents[1].requiredWhen", "ownership = Nhà thuê | Nhà mượn")
                        .param("formFields[1].requiredWhen", "ownership = Nhà mượn").with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Procedure saved = catalog.procedure("1.999053").orElseThrow();
        assertThat(saved.documents().get(1).requiredWhen())
                .isEqualTo(new RequiredWhen("ownership", List.of("Nhà thuê", "Nhà mượn")));
        assertThat(saved.documents().getFirst().requiredWhen()).isNull();
        assertThat(saved.formFields().get(1).requiredWhen()).isEqualTo(new RequiredWhen("ownership", List.of("Nhà mượn")));
        mvc.perform(get("/quan-tri/thu-tuc/1.999053/sua").with(user(admin))).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"ownership = Nhà thuê | Nhà mượn\"")));
    }

    private static MockHttpServletRequestBuilder procedure(String code, String conditionParam, String condition) {
        return post("/quan-tri/thu-tuc")
                .param("isNew", "true").param("code", code).param("name", "Thủ tục thử điều kiện")
                .param("field", "Thử nghiệm").param("level", "COMMUNE").param("onlineLevel", "FULL")
                .param("processingDays", "3").param("implementingAgency", "Ủy ban nhân dân cấp xã")
                .param("result", "Văn bản").param("applicantTypes", "CITIZEN")
                .param("documents[0].name", "Tờ khai").param("documents[0].originals", "1")
                .param("documents[0].mandatory", "true")
                .param("documents[1].name", "Hợp đồng thuê nhà").param("documents[1].copies", "1")
                .param("formFields[0].key", "ownership").param("formFields[0].label", "Chỗ ở")
                .param("formFields[0].type", "SELECT").param("formFields[0].required", "true")
                .param("formFields[0].options", "Nhà riêng | Nhà thuê | Nhà mượn")
                .param("formFields[1].key", "lender").param("formFields[1].label", "Người cho mượn")
                .param("formFields[1].type", "TEXT")
                .param(conditionParam, condition);
    }

    private static RequiredDocument with(RequiredDocument d, RequiredWhen when) {
        return new RequiredDocument(d.name(), d.originals(), d.copies(), d.mandatory(), d.template(), when);
    }

    private static int column(Sheet sheet, String heading) {
        for (Cell cell : sheet.getRow(0)) {
            if (cell.getStringCellValue().equals(heading)) {
                return cell.getColumnIndex();
            }
        }
        throw new IllegalArgumentException(heading);
    }
}
