package vn.motcua.catalog.transfer;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import vn.motcua.catalog.ApplicantType;
import vn.motcua.catalog.FeeExemption;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.ProcedureLevel;

/**
 * The layout of the catalog workbook, shared by its writing and its reading: the sheets, their columns with the
 * headings they are found by, and the Vietnamese labels of the coded values.
 */
final class CatalogSheets {

    static final String PROCEDURES = "Thủ tục", DOCUMENTS = "Thành phần hồ sơ", FEES = "Phí, lệ phí",
            FIELDS = "Trường biểu mẫu";

    enum Col {
        CODE("Mã thủ tục"), NAME("Tên thủ tục"), FIELD("Lĩnh vực"), LEVEL("Cấp thực hiện"),
        IMPLEMENTING("Cơ quan thực hiện"), AGENCIES("Mã cơ quan"), ONLINE("Mức độ trực tuyến"),
        DAYS("Thời hạn (ngày làm việc)"), TIME("Mô tả thời hạn"), FEE_NOTE("Ghi chú phí, lệ phí"),
        APPLICANTS("Đối tượng thực hiện"), REQUIREMENTS("Yêu cầu, điều kiện"), LEGAL("Căn cứ pháp lý"),
        RESULT("Kết quả thực hiện"), STEPS("Trình tự thực hiện"),
        DOC_NAME("Tên giấy tờ"), ORIGINALS("Bản chính"), COPIES("Bản sao"), MANDATORY("Bắt buộc"), TEMPLATE("Mẫu đơn, tờ khai"),
        FEE_DESCRIPTION("Nội dung"), FEE_AMOUNT("Mức thu (đồng)"), FEE_PER_COPY("Tính theo số bản (mã trường)"),
        FEE_EXEMPTIONS("Đối tượng miễn"),
        KEY("Mã trường"), LABEL("Nhãn"), TYPE("Kiểu"), OPTIONS("Lựa chọn"), PROFILE("Lấy từ thông tin cá nhân"),
        /** "mã trường = giá trị 1 | giá trị 2"; older workbooks without it still import. */
        REQUIRED_WHEN("Bắt buộc khi"),
        /** Population database part: "có"/"không"; older workbooks without it still import (không). */
        HELD_BY_STATE("Nhà nước đã có");

        final String heading;

        Col(String heading) {
            this.heading = heading;
        }
    }

    static final Col[] PROCEDURE_COLUMNS = {Col.CODE, Col.NAME, Col.FIELD, Col.LEVEL, Col.IMPLEMENTING,
            Col.AGENCIES, Col.ONLINE, Col.DAYS, Col.TIME, Col.FEE_NOTE, Col.APPLICANTS, Col.REQUIREMENTS, Col.LEGAL,
            Col.RESULT, Col.STEPS};
    static final Col[] DOCUMENT_COLUMNS = {Col.CODE, Col.DOC_NAME, Col.ORIGINALS, Col.COPIES, Col.MANDATORY,
            Col.TEMPLATE, Col.REQUIRED_WHEN, Col.HELD_BY_STATE};
    static final Col[] FEE_COLUMNS = {Col.CODE, Col.FEE_DESCRIPTION, Col.FEE_AMOUNT, Col.FEE_PER_COPY,
            Col.FEE_EXEMPTIONS};
    static final Col[] FIELD_COLUMNS = {Col.CODE, Col.KEY, Col.LABEL, Col.TYPE, Col.MANDATORY, Col.OPTIONS,
            Col.PROFILE, Col.REQUIRED_WHEN};

    static final Map<ProcedureLevel, String> LEVELS = Map.of(ProcedureLevel.PROVINCE, "Cấp tỉnh",
            ProcedureLevel.COMMUNE, "Cấp xã");
    static final Map<OnlineLevel, String> ONLINE = Map.of(OnlineLevel.FULL, "Toàn trình",
            OnlineLevel.PARTIAL, "Một phần", OnlineLevel.INFO, "Cung cấp thông tin");
    static final Map<ApplicantType, String> APPLICANTS = Map.of(ApplicantType.CITIZEN, "Công dân",
            ApplicantType.BUSINESS, "Doanh nghiệp", ApplicantType.ORGANIZATION, "Tổ chức");
    /** Read as well as the codes; no label holds a comma, the separator of the column. */
    static final Map<FeeExemption, String> EXEMPTIONS = Map.of(
            FeeExemption.MERITORIOUS, "Người có công với cách mạng",
            FeeExemption.POOR_HOUSEHOLD, "Hộ nghèo hoặc cận nghèo",
            FeeExemption.DISABLED, "Người khuyết tật",
            FeeExemption.CHILD, "Trẻ em dưới 6 tuổi",
            FeeExemption.ELDERLY, "Người cao tuổi",
            FeeExemption.ETHNIC_MINORITY, "Đồng bào dân tộc thiểu số");

    private CatalogSheets() {
    }

    static List<String> split(String text, String separator) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(separator)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
