package vn.motcua.catalog.national;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.motcua.catalog.ApplicantType;
import vn.motcua.catalog.Fee;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureLevel;
import vn.motcua.catalog.RequiredDocument;

/** Applying the national content keeps what the province configured on each document, "Nhà nước đã có" included. */
class NationalCatalogMergeTest {

    @Test
    void theProvincesHeldByStateMarkSurvivesTheNationalContent() {
        RequiredDocument localProof = new RequiredDocument("Giấy tờ chứng minh chỗ ở hợp pháp", 0, 1, true,
                "mau-cho-o.docx", null, true);
        RequiredDocument nationalProof = new RequiredDocument("Giấy tờ chứng minh chỗ ở hợp pháp", 1, 0, true, null);
        Procedure merged = NationalCatalogImports.merge(procedure(localProof), procedure(nationalProof));

        RequiredDocument kept = merged.documents().getFirst();
        assertThat(kept.originals()).isEqualTo(1);            // the national content
        assertThat(kept.template()).isEqualTo("mau-cho-o.docx"); // the province's template
        assertThat(kept.heldByState()).isTrue();               // and its mark
    }

    private static Procedure procedure(RequiredDocument document) {
        return new Procedure("1.004222", "Đăng ký thường trú", "Đăng ký, quản lý cư trú", ProcedureLevel.COMMUNE,
                "Công an cấp xã", List.of(), OnlineLevel.FULL, 7, "07 ngày làm việc",
                List.of(new Fee("Lệ phí", 10000, null, Set.of())), "", List.of(document),
                List.of(ApplicantType.CITIZEN), "Không", List.of("Luật Cư trú 2020"), "Xác nhận", "Nộp hồ sơ", List.of());
    }
}
