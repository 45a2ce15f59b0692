package vn.motcua.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.motcua.support.PageClient;
import vn.motcua.support.PageClient.FilePart;
import vn.motcua.support.Peers;
import vn.motcua.support.TestData;

/**
 * A province's IT team on a fresh installation, once its first administrator exists, through the pages alone: imports
 * its organisation as an Excel workbook (the province, a commune, its counter and two officials) and a real catalog
 * file (the demo's civil-status catalog), sends each official the emailed link to set a password, and the reception
 * official receives a walk-in dossier at the counter and passes it on to the commune's specialist.
 */
final class ProvinceInstallation {

    static final String PROVINCE = "000.00.00.H99";
    static final String COMMUNE = "000.01.01.H99";
    static final String BIRTH = "1.001193";
    private static final String OFFICIALS_PASSWORD = "Sông Hương chảy qua xã mới";
    private static final Pattern STEP_LINK = Pattern.compile("/quan-tri/thu-tuc/nhap/([0-9a-f-]{36})");
    private static final Pattern PASSWORD_LINK = Pattern.compile("https?://[^\\s]+/dat-mat-khau\\?token=[A-Za-z0-9_-]+");

    private final int port;

    ProvinceInstallation(int port) {
        this.port = port;
    }

    /** Walks from the first administrator to a dossier in the specialist's inbox; the dossier's code. */
    String walk(String adminUsername, String adminPassword) throws Exception {
        PageClient admin = new PageClient(port);
        assertThat(admin.signIn(adminUsername, adminPassword).headers().firstValue("Location").orElseThrow())
                .doesNotContain("loi");
        // The organisation first: a procedure names the agencies that handle it, and the catalog import refuses one
        // that names an agency the organisation does not have yet.
        importOrganization(admin);
        importCatalog(admin);

        setPasswordThroughEmail(admin, "xa.tiepnhan", "tiepnhan@xa-thu-nghiem.example.vn");
        setPasswordThroughEmail(admin, "xa.chuyenvien", "chuyenvien@xa-thu-nghiem.example.vn");

        PageClient reception = signedIn("xa.tiepnhan");
        HttpResponse<String> form = reception.get("/quan-tri/tiep-nhan/" + BIRTH);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).as("the commune is offered").contains(COMMUNE);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("applicant.fullName", "Trần Thị Bình");
        fields.put("applicant.idNumber", "046090001234");
        fields.put("applicant.phone", "0912345678");
        fields.put("coQuan", COMMUNE);
        fields.put("sets", "1");
        fields.put("digitised0", "true");
        fields.put("digitised1", "true");
        fields.put("childFullName", "Trần Minh An");
        fields.put("childGender", "Nam");
        fields.put("childDateOfBirth", "2026-11-20");
        fields.put("childPlaceOfBirth", "Bệnh viện Trung ương Huế");
        fields.put("childEthnicity", "Kinh");
        fields.put("motherFullName", "Trần Thị Bình");
        fields.put("applicantName", "Trần Thị Bình");
        fields.put("applicantIdNumber", "046090001234");
        fields.put("applicantRelationship", "Mẹ");
        HttpResponse<String> received = reception.postMultipart("/quan-tri/tiep-nhan/" + BIRTH, fields,
                new FilePart("doc0", "to-khai.pdf", "application/pdf", TestData.realPdf("To khai")),
                new FilePart("doc1", "giay-chung-sinh.pdf", "application/pdf", TestData.realPdf("Giay chung sinh")));
        String location = received.headers().firstValue("Location").orElse("");
        assertThat(location).as("received: " + received.statusCode() + " " + location).contains("/quan-tri/ho-so/");
        String code = location.substring(location.lastIndexOf('/') + 1);

        // Received at the counter, at the reception step: the reception official moves it on to the specialist.
        assertThat(reception.get("/quan-tri/ho-so/" + code).body()).contains(code).contains("Chuyển");
        HttpResponse<String> forwarded = reception.post("/quan-tri/ho-so/" + code + "/thao-tac",
                Map.of("action", "FORWARD", "note", "Hồ sơ đủ"));
        assertThat(forwarded.statusCode()).isEqualTo(302);
        assertThat(reception.get("/quan-tri/ho-so/" + code).body()).contains("Thẩm định, xử lý hồ sơ");

        PageClient specialist = signedIn("xa.chuyenvien");
        assertThat(specialist.get("/quan-tri/ho-so").body()).as("the specialist's inbox").contains(code);
        return code;
    }

    private void importCatalog(PageClient admin) throws Exception {
        admin.get("/quan-tri/thu-tuc/nhap");
        HttpResponse<String> started = admin.postMultipart("/quan-tri/thu-tuc/nhap", Map.of(),
                new FilePart("file", "tu-phap.json", "application/json", resource("catalog/demo/tu-phap.json")));
        Matcher id = STEP_LINK.matcher(started.headers().firstValue("Location").orElse(""));
        assertThat(id.find()).as("import started: " + started.statusCode() + " " + started.body()).isTrue();
        String status = "";
        for (int i = 0; i < 120; i++) {
            status = admin.get("/quan-tri/thu-tuc/nhap/" + id.group(1)).body();
            if (!status.contains("Đang nhập")) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(status).contains("Hoàn tất: 34 thủ tục được nhập, 11 dòng bị từ chối.");
        // Those the demo file assigns to departments this province did not import: refused, saying why.
        assertThat(status.split("không có trong cơ cấu tổ chức")).hasSize(12);
        assertThat(admin.get("/quan-tri/thu-tuc?q=khai+sinh").body()).contains(BIRTH);
    }

    private void importOrganization(PageClient admin) {
        admin.get("/quan-tri/to-chuc/nhap");
        HttpResponse<String> preview = admin.postMultipart("/quan-tri/to-chuc/nhap", Map.of(),
                new FilePart("file", "to-chuc.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", organizationWorkbook()));
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        // The counter the reception official's row names is created with the import.
        assertThat(preview.body()).contains(COMMUNE).contains("xa.tiepnhan").contains(COMMUNE + " · Quầy 1")
                .doesNotContain("class=\"error\"");
        Matcher id = Pattern.compile("name=\"id\" value=\"([0-9a-f-]{36})\"").matcher(preview.body());
        assertThat(id.find()).isTrue();
        HttpResponse<String> applied = admin.post("/quan-tri/to-chuc/nhap/ap-dung", Map.of("id", id.group(1)));
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(302);
        assertThat(admin.get("/quan-tri/to-chuc/" + COMMUNE).body()).contains("Quầy 1").contains("xa.chuyenvien");
    }

    /** The province and a commune with counter 1, a reception official there and a specialist who also leads. */
    static byte[] organizationWorkbook() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet agencies = workbook.createSheet("Cơ quan");
            row(agencies, 0, "Mã", "Tên", "Tên viết tắt", "Loại", "Mã cơ quan cấp trên", "Địa chỉ", "Điện thoại",
                    "Email", "Hiệu lực từ", "Hiệu lực đến", "Mã cơ quan kế thừa");
            row(agencies, 1, PROVINCE, "Ủy ban nhân dân tỉnh Thử Nghiệm", "UBND tỉnh", "PROVINCE", "", "", "", "",
                    "01/07/2025", "", "");
            row(agencies, 2, COMMUNE, "Ủy ban nhân dân xã Thử Nghiệm", "UBND xã Thử Nghiệm", "COMMUNE", PROVINCE,
                    "1 Đường Làng, xã Thử Nghiệm", "0234 3822 111", "", "01/07/2025", "", "");
            Sheet staff = workbook.createSheet("Cán bộ");
            row(staff, 0, "Tên đăng nhập", "Họ tên", "Email", "Điện thoại", "Mã cơ quan", "Chức danh", "Số quầy",
                    "Vai trò", "Phụ trách từ", "Phụ trách đến");
            row(staff, 1, "xa.tiepnhan", "Lê Thị Thu", "tiepnhan@xa-thu-nghiem.example.vn", "", COMMUNE,
                    "Công chức một cửa", "1", "RECEPTION", "", "");
            row(staff, 2, "xa.chuyenvien", "Hoàng Văn Nam", "chuyenvien@xa-thu-nghiem.example.vn", "", COMMUNE,
                    "Công chức tư pháp - hộ tịch", "", "SPECIALIST, LEADER", "", "");
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(Sheet sheet, int index, String... cells) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < cells.length; i++) {
            if (!cells[i].isEmpty()) {
                row.createCell(i).setCellValue(cells[i]);
            }
        }
    }

    /** The administrator sends the link from the account's page; the official opens the email's link and sets one. */
    private void setPasswordThroughEmail(PageClient admin, String username, String email) throws Exception {
        int before = Peers.MAIL.getReceivedMessages().length;
        assertThat(admin.get("/quan-tri/tai-khoan/" + username).statusCode()).isEqualTo(200);
        HttpResponse<String> sent = admin.post("/quan-tri/tai-khoan/" + username + "/gui-lien-ket", Map.of());
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(Peers.MAIL.waitForIncomingEmail(10_000, before + 1)).isTrue();
        String link = null;
        for (MimeMessage message : Peers.MAIL.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(email)) {
                Matcher found = PASSWORD_LINK.matcher(String.valueOf(message.getContent()));
                if (found.find()) {
                    link = found.group();
                }
            }
        }
        assertThat(link).as("the emailed link to " + email).isNotNull();
        String token = link.substring(link.indexOf("token=") + "token=".length());
        PageClient official = new PageClient(port);
        assertThat(official.get("/dat-mat-khau?token=" + token).statusCode()).isEqualTo(200);
        HttpResponse<String> set = official.post("/dat-mat-khau",
                Map.of("token", token, "password", OFFICIALS_PASSWORD, "repeat", OFFICIALS_PASSWORD));
        assertThat(set.headers().firstValue("Location").orElse("")).as(set.body()).contains("/dang-nhap");
    }

    private PageClient signedIn(String username) {
        PageClient official = new PageClient(port);
        assertThat(official.signIn(username, OFFICIALS_PASSWORD).headers().firstValue("Location").orElseThrow())
                .doesNotContain("loi");
        return official;
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = ProvinceInstallation.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }
}
