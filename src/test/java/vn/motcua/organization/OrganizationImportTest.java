package vn.motcua.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.organization.OrganizationWorkbooks.agency;
import static vn.motcua.organization.OrganizationWorkbooks.staff;
import static vn.motcua.organization.OrganizationWorkbooks.workbook;

import java.io.ByteArrayOutputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.motcua.identity.AccountService;
import vn.motcua.identity.Role;
import vn.motcua.organization.transfer.OrganizationImports;
import vn.motcua.organization.transfer.OrganizationImports.Change;
import vn.motcua.organization.transfer.OrganizationImports.Kind;
import vn.motcua.organization.transfer.OrganizationImports.Preview;
import vn.motcua.support.IntegrationTest;

/**
 * The organisation workbook: good rows are previewed as new and applied; every kind of bad row is reported with its
 * row and reason and nothing is applied; changed rows show the fields that change; an export imports as no change.
 * Each test works on agencies and accounts of its own, under the demo province.
 */
@IntegrationTest
class OrganizationImportTest {

    static final String PROVINCE = "000.00.00.H57";
    static final String WARD = "000.31.01.H57";
    static final Locale VI = Locale.forLanguageTag("vi");

    @Autowired OrganizationImports imports;
    @Autowired OrganizationService organization;
    @Autowired AccountService accounts;

    final String run = UUID.randomUUID().toString().substring(0, 6);
    final AdminScope province = new AdminScope("admin", EnumSet.of(Role.PROVINCE_ADMIN), true, Set.of(), null);

    @Test
    void goodRowsArePreviewedAsNewAndApplied() {
        byte[] file = workbook(List.of(
                        agency("T" + run + ".1", "Xã Thử Một", "COMMUNE", PROVINCE, "01/07/2025", "xa1@example.vn"),
                        agency("T" + run + ".2", "Ban Thử Hai", "UNIT", "T" + run + ".1", "01/07/2025", null)),
                List.of(staff("mot." + run, "Nguyễn Văn Một", "mot@example.vn", "T" + run + ".1", "Công chức một cửa",
                                null, "RECEPTION"),
                        staff("hai." + run, "Trần Thị Hai", null, "T" + run + ".2", "Chủ tịch", null, "LEADER, SPECIALIST")));

        Preview preview = imports.upload(province, "tot.xlsx", file, VI);
        assertThat(preview.rejections()).isEmpty();
        assertThat(preview.count(Kind.NEW)).isEqualTo(4);
        assertThat(organization.agency("T" + run + ".1")).as("a preview changes nothing").isEmpty();

        Preview applied = imports.apply(province, preview.id(), VI);
        assertThat(applied.rejections()).isEmpty();
        assertThat(organization.agency("T" + run + ".2")).get().extracting(Agency::parentCode).isEqualTo("T" + run + ".1");
        assertThat(accounts.roles("hai." + run)).containsExactlyInAnyOrder(Role.LEADER, Role.SPECIALIST);
        assertThat(organization.staffMember("mot." + run)).get().extracting(StaffMember::agencyCode).isEqualTo("T" + run + ".1");
    }

    @Test
    void badRowsAreEachReportedAndNothingIsApplied() {
        AdminScope wardAdmin = new AdminScope("agency-admin", EnumSet.of(Role.AGENCY_ADMIN), false,
                Set.of(WARD), WARD);
        byte[] file = workbook(List.of(
                        agency("B" + run + ".1", "Tổ Thử", "UNIT", WARD, "01/07/2025", null),
                        agency("B" + run + ".2", "Mồ côi", "UNIT", "KHONG.CO", "01/07/2025", null),
                        agency("B" + run + ".3", "Sai loại", "HUYEN", WARD, "01/07/2025", null),
                        agency("B" + run + ".1", "Trùng mã", "UNIT", WARD, "01/07/2025", null),
                        agency("B" + run + ".4", "Thư sai", "UNIT", WARD, "01/07/2025", "khong-phai-thu")),
                List.of(staff("ngoai." + run, "Lê Văn Ngoài", null, "000.00.11.H57", "Chuyên viên", null, "SPECIALIST"),
                        staff("tinh." + run, "Lê Văn Tỉnh", null, WARD, "Quản trị", null, "PROVINCE_ADMIN"),
                        staff("thu." + run, "Lê Văn Thư", "sai@", WARD, "Chuyên viên", null, "SPECIALIST")));

        Preview preview = imports.upload(wardAdmin, "xau.xlsx", file, VI);

        assertThat(preview.rejections()).extracting(r -> r.sheet() + " " + r.row()).containsExactly(
                "Cơ quan 3", "Cơ quan 4", "Cơ quan 5", "Cơ quan 6", "Cán bộ 2", "Cán bộ 3", "Cán bộ 4");
        assertThat(preview.rejections()).extracting(OrganizationImports.Rejection::reason).containsExactly(
                "Không có cơ quan cấp trên mã KHONG.CO.",
                "Loại cơ quan \"HUYEN\" không hợp lệ; dùng một trong: PROVINCE, DEPARTMENT, UNIT, SERVICE_CENTRE, COMMUNE.",
                "Mã cơ quan B" + run + ".1 trùng với dòng 2.",
                "Địa chỉ thư điện tử \"khong-phai-thu\" không hợp lệ.",
                "Cơ quan 000.00.11.H57 của cán bộ nằm ngoài phạm vi quản trị của bạn.",
                "Bạn không được cấp hay thu hồi vai trò PROVINCE_ADMIN.",
                "Địa chỉ thư điện tử \"sai@\" không hợp lệ.");

        Preview applied = imports.apply(wardAdmin, preview.id(), VI);
        assertThat(applied.rejections()).hasSize(7);
        assertThat(organization.agency("B" + run + ".1")).as("the good row is not applied either").isEmpty();
        assertThat(accounts.exists("ngoai." + run)).isFalse();
        assertThat(accounts.exists("tinh." + run)).isFalse();
    }

    @Test
    void changedRowsShowTheirFieldsAndApplyingChangesThem() {
        String code = "C" + run + ".1";
        imports.apply(province, imports.upload(province, "a.xlsx", workbook(
                List.<String[]>of(agency(code, "Xã Cũ", "COMMUNE", PROVINCE, "01/07/2025", null)),
                List.<String[]>of(staff("doi." + run, "Phan Văn Đổi", null, code, "Công chức", null, "SPECIALIST"))), VI).id(), VI);

        Preview preview = imports.upload(province, "b.xlsx", workbook(
                List.<String[]>of(agency(code, "Xã Mới", "COMMUNE", PROVINCE, "01/07/2025", null)),
                List.<String[]>of(staff("doi." + run, "Phan Văn Đổi", null, code, "Phó Chủ tịch", null, "SPECIALIST, LEADER"))), VI);

        assertThat(preview.rejections()).isEmpty();
        assertThat(preview.changes()).extracting(Change::key, Change::kind, Change::fields).containsExactly(
                org.assertj.core.groups.Tuple.tuple(code, Kind.CHANGED, List.of("Tên")),
                org.assertj.core.groups.Tuple.tuple("doi." + run, Kind.CHANGED, List.of("Chức danh", "Vai trò")));
        assertThat(organization.agency(code)).get().extracting(Agency::name).isEqualTo("Xã Cũ");

        imports.apply(province, preview.id(), VI);
        assertThat(organization.agency(code)).get().extracting(Agency::name).isEqualTo("Xã Mới");
        assertThat(organization.staffMember("doi." + run)).get().extracting(StaffMember::title).isEqualTo("Phó Chủ tịch");
        assertThat(accounts.roles("doi." + run)).containsExactlyInAnyOrder(Role.SPECIALIST, Role.LEADER);
    }

    @Test
    void anExportImportsAsNoChange() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        imports.export(province, out);

        Preview preview = imports.upload(province, "xuat.xlsx", out.toByteArray(), VI);

        assertThat(preview.rejections()).isEmpty();
        assertThat(preview.shown()).isEmpty();
        assertThat(preview.count(Kind.UNCHANGED)).isGreaterThanOrEqualTo(organization.agencies().size());
    }
}
