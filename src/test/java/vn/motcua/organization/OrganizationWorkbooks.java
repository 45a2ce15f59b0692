package vn.motcua.organization;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builds organisation workbooks as an administrator would type them, for the import tests. */
final class OrganizationWorkbooks {

    static final String[] AGENCY_HEADINGS = {"Mã", "Tên", "Tên viết tắt", "Loại", "Mã cơ quan cấp trên", "Địa chỉ",
            "Điện thoại", "Email", "Hiệu lực từ", "Hiệu lực đến", "Mã cơ quan kế thừa"};
    static final String[] STAFF_HEADINGS = {"Tên đăng nhập", "Họ tên", "Email", "Điện thoại", "Mã cơ quan",
            "Chức danh", "Số quầy", "Vai trò", "Phụ trách từ", "Phụ trách đến"};

    private OrganizationWorkbooks() {
    }

    static byte[] workbook(List<String[]> agencies, List<String[]> staff) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fill(workbook.createSheet("Cơ quan"), AGENCY_HEADINGS, agencies);
            fill(workbook.createSheet("Cán bộ"), STAFF_HEADINGS, staff);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fill(Sheet sheet, String[] headings, List<String[]> rows) {
        Row header = sheet.createRow(0);
        for (int i = 0; i < headings.length; i++) {
            header.createCell(i).setCellValue(headings[i]);
        }
        int r = 1;
        for (String[] values : rows) {
            Row row = sheet.createRow(r++);
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null) {
                    row.createCell(i).setCellValue(values[i]);
                }
            }
        }
    }

    /** An agency row: code, name, kind, parent, from (dd/mm/yyyy), email. */
    static String[] agency(String code, String name, String kind, String parent, String from, String email) {
        return new String[]{code, name, null, kind, parent, null, null, email, from, null, null};
    }

    /** A staff row: username, full name, email, agency, title, counter, roles. */
    static String[] staff(String username, String fullName, String email, String agency, String title, String counter,
                          String roles) {
        return new String[]{username, fullName, email, null, agency, title, counter, roles, null, null};
    }
}
