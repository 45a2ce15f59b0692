package vn.motcua.organization.transfer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.motcua.identity.Role;
import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencyKind;
import vn.motcua.organization.OrganizationProblem;
import vn.motcua.organization.StaffChange;
import vn.motcua.platform.text.HeadedSheet;

/**
 * The organisation as one Excel workbook: sheet "Cơ quan" (one agency a row, parents first) and sheet "Cán bộ" (one
 * official a row). What {@link #write} produces, {@link #read} reads back unchanged.
 */
public final class OrganizationWorkbook {

    public static final String AGENCIES = "Cơ quan";
    public static final String STAFF = "Cán bộ";
    static final String[] AGENCY_COLUMNS = {"Mã", "Tên", "Tên viết tắt", "Loại", "Mã cơ quan cấp trên", "Địa chỉ",
            "Điện thoại", "Email", "Hiệu lực từ", "Hiệu lực đến", "Mã cơ quan kế thừa"};
    static final String[] STAFF_COLUMNS = {"Tên đăng nhập", "Họ tên", "Email", "Điện thoại", "Mã cơ quan",
            "Chức danh", "Số quầy", "Vai trò", "Phụ trách từ", "Phụ trách đến"};
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    /** An official as exported: the account's name and contacts beside the staff record. */
    public record StaffLine(String username, String fullName, String email, String phone, String agencyCode,
                            String title, Integer counterNumber, Set<Role> roles, LocalDate actingFrom,
                            LocalDate actingTo) {
    }

    /** A row read from the file: its number as Excel shows it, and its value or the reason it was refused. */
    public record Parsed<T>(String sheet, int rowNumber, T value, OrganizationProblem problem) {
    }

    public record Contents(List<Parsed<Agency>> agencies, List<Parsed<StaffChange>> staff) {
    }

    private OrganizationWorkbook() {
    }

    public static void write(List<Agency> agencies, List<StaffLine> staff, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet a = sheet(workbook, AGENCIES, AGENCY_COLUMNS, bold);
            int r = 1;
            for (Agency g : agencies) {
                values(a.createRow(r++), g.code(), g.name(), g.shortName(), g.kind().name(), g.parentCode(),
                        g.address(), g.phone(), g.email(), day(g.effectiveFrom()), day(g.effectiveTo()), g.successorCode());
            }
            Sheet s = sheet(workbook, STAFF, STAFF_COLUMNS, bold);
            r = 1;
            for (StaffLine l : staff) {
                values(s.createRow(r++), l.username(), l.fullName(), l.email(), l.phone(), l.agencyCode(), l.title(),
                        l.counterNumber() == null ? null : String.valueOf(l.counterNumber()),
                        String.join(", ", l.roles().stream().map(Role::name).sorted().toList()),
                        day(l.actingFrom()), day(l.actingTo()));
            }
            workbook.write(out);
            workbook.dispose();
        }
    }

    private static Sheet sheet(Workbook workbook, String name, String[] columns, CellStyle bold) {
        Sheet sheet = workbook.createSheet(name);
        Row header = sheet.createRow(0);
        for (int i = 0; i < columns.length; i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(columns[i]);
            cell.setCellStyle(bold);
        }
        return sheet;
    }

    /** Every value is written as text (dates as dd/mm/yyyy), so that codes such as 000.00.01 keep their zeros. */
    private static void values(Row row, String... values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                row.createCell(i).setCellValue(values[i]);
            }
        }
    }

    private static String day(LocalDate d) {
        return d == null ? null : d.format(DAY);
    }

    /** Reads a workbook; a file that is not one, or lacks a sheet or a column, is refused as a whole. */
    public static Contents read(byte[] content) {
        ZipSecureFile.setMinInflateRatio(0.005);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Table agencies = new Table(workbook.getSheet(AGENCIES), AGENCIES, AGENCY_COLUMNS);
            Table staff = new Table(workbook.getSheet(STAFF), STAFF, STAFF_COLUMNS);
            List<Parsed<Agency>> a = new ArrayList<>();
            for (Row row : agencies.rows()) {
                try {
                    a.add(new Parsed<>(AGENCIES, row.getRowNum() + 1, agencies.agency(row), null));
                } catch (OrganizationProblem e) {
                    a.add(new Parsed<>(AGENCIES, row.getRowNum() + 1, null, e));
                }
            }
            List<Parsed<StaffChange>> s = new ArrayList<>();
            for (Row row : staff.rows()) {
                try {
                    s.add(new Parsed<>(STAFF, row.getRowNum() + 1, staff.staff(row), null));
                } catch (OrganizationProblem e) {
                    s.add(new Parsed<>(STAFF, row.getRowNum() + 1, null, e));
                }
            }
            return new Contents(a, s);
        } catch (IOException | RuntimeException e) {
            if (e instanceof OrganizationProblem problem) {
                throw problem;
            }
            throw new OrganizationProblem("org.import.notWorkbook");
        }
    }

    /** A sheet with its columns found by heading (in any order, with or without diacritics). */
    private static final class Table {
        private final HeadedSheet sheet;
        private final Map<String, Integer> columns = new HashMap<>();

        Table(Sheet sheet, String name, String[] expected) {
            if (sheet == null) {
                throw new OrganizationProblem("org.import.noSheet", name);
            }
            this.sheet = new HeadedSheet(sheet);
            for (String column : expected) {
                Integer index = this.sheet.column(column);
                if (index == null) {
                    throw new OrganizationProblem("org.import.missingColumn", column, name);
                }
                columns.put(column, index);
            }
        }

        List<Row> rows() {
            return sheet.rows();
        }

        String text(Row row, String column) {
            return sheet.text(row, columns.get(column));
        }

        LocalDate date(Row row, String column) {
            Cell cell = row.getCell(columns.get(column));
            if (cell != null && cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                LocalDateTime value = cell.getLocalDateTimeCellValue();
                return value.toLocalDate();
            }
            String t = text(row, column);
            if (t == null) {
                return null;
            }
            try {
                return t.contains("/") ? LocalDate.parse(t, DAY) : LocalDate.parse(t);
            } catch (DateTimeParseException e) {
                throw new OrganizationProblem("org.import.badDate", column, t);
            }
        }

        Agency agency(Row row) {
            String kind = text(row, "Loại");
            AgencyKind k;
            try {
                k = AgencyKind.valueOf(String.valueOf(kind).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new OrganizationProblem("org.agency.badKind", String.valueOf(kind));
            }
            return new Agency(text(row, "Mã"), text(row, "Tên"), text(row, "Tên viết tắt"), k,
                    text(row, "Mã cơ quan cấp trên"), text(row, "Địa chỉ"), text(row, "Điện thoại"),
                    text(row, "Email"), date(row, "Hiệu lực từ"), date(row, "Hiệu lực đến"),
                    text(row, "Mã cơ quan kế thừa"));
        }

        StaffChange staff(Row row) {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            String list = text(row, "Vai trò");
            for (String name : list == null ? new String[0] : list.split("[,;]")) {
                if (!name.isBlank()) {
                    try {
                        roles.add(Role.valueOf(name.strip().toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        throw new OrganizationProblem("org.staff.badRole", name.strip());
                    }
                }
            }
            String counter = text(row, "Số quầy");
            Integer number;
            try {
                number = counter == null ? null : Integer.valueOf(counter);
            } catch (NumberFormatException e) {
                throw new OrganizationProblem("org.counter.badNumber");
            }
            return new StaffChange(text(row, "Tên đăng nhập"), text(row, "Họ tên"), text(row, "Email"),
                    text(row, "Điện thoại"), text(row, "Mã cơ quan"), text(row, "Chức danh"), number, roles,
                    date(row, "Phụ trách từ"), date(row, "Phụ trách đến"));
        }
    }
}
