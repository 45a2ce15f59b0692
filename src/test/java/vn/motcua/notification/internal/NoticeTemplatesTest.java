package vn.motcua.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.motcua.platform.web.VietnamTime;

class NoticeTemplatesTest {

    static final ZoneId VIETNAM = VietnamTime.ZONE;

    /** The jar's defaults: without a database no administrator's template replaces them. */
    final Defaults templates = new Defaults(new NoticeTemplates(null));

    @Test
    void everyKindHasASubjectWithTheCodeAnAddressedBodyAndAShortSms() {
        Map<String, Object> model = model();
        model.put("receivedAt", ZonedDateTime.of(2025, 11, 20, 9, 30, 0, 0, VIETNAM));
        model.put("dueAt", ZonedDateTime.of(2025, 11, 25, 16, 30, 0, 0, VIETNAM));
        model.put("originalDueAt", ZonedDateTime.of(2025, 11, 25, 16, 30, 0, 0, VIETNAM));
        model.put("newDueAt", ZonedDateTime.of(2025, 11, 28, 10, 0, 0, 0, VIETNAM));
        model.put("items", List.of("Bản sao Giấy chứng sinh"));
        model.put("reason", "Chờ xác minh");
        for (EventKind kind : EventKind.values()) {
            NoticeTemplates.Email email = templates.email(kind, model);
            assertThat(email.subject()).contains("H57-0001").doesNotContain("\n");
            assertThat(email.body()).startsWith("Kính gửi ông/bà Nguyễn Văn An,\n\n")
                    .contains("http://portal.test/tra-cuu?ma=H57-0001")
                    .endsWith("Trân trọng,\nPhường Thuận Hóa\n\n--\nThư này được gửi tự động, xin vui lòng không trả lời.\n")
                    .doesNotContain("{{", "}}", "\n\n\n");
            assertThat(templates.sms(kind, model)).contains("H57-0001", "http://portal.test/tra-cuu?ma=H57-0001")
                    .doesNotContain("\n").hasSizeLessThan(160);
        }
    }

    @Test
    void aSupplementRequestListsTheItemsAndAddressesAnOrganisationByName() {
        Map<String, Object> model = model();
        model.put("organizationName", "Công ty TNHH Hương Giang Xanh");
        model.put("items", List.of("Bản sao Giấy chứng sinh", "Tờ khai có chữ ký của người yêu cầu"));

        assertThat(templates.email(EventKind.SUPPLEMENT_REQUESTED, model)).isEqualTo(new NoticeTemplates.Email(
                "Yêu cầu bổ sung, hoàn thiện hồ sơ H57-0001", """
                Kính gửi Công ty TNHH Hương Giang Xanh,

                Hồ sơ H57-0001 (thủ tục: Đăng ký khai sinh) chưa đầy đủ, hợp lệ. Phường Thuận Hóa đề nghị bổ sung, \
                hoàn thiện các nội dung sau:

                - Bản sao Giấy chứng sinh
                - Tờ khai có chữ ký của người yêu cầu

                Thời hạn giải quyết hồ sơ tạm dừng cho đến khi hồ sơ được bổ sung đầy đủ. Nội dung yêu cầu và cách bổ \
                sung hồ sơ: http://portal.test/tra-cuu?ma=H57-0001

                Trân trọng,
                Phường Thuận Hóa

                --
                Thư này được gửi tự động, xin vui lòng không trả lời.
                """));

        model.put("note", "Bản chụp bị mờ");
        assertThat(templates.email(EventKind.SUPPLEMENT_REQUESTED, model).body())
                .contains("- Tờ khai có chữ ký của người yêu cầu\n\nGhi chú: Bản chụp bị mờ\n\nThời hạn giải quyết");
    }

    @Test
    void aReceiptWithoutDueDateLeavesTheDueDateOut() {
        Map<String, Object> model = model();
        model.put("receivedAt", ZonedDateTime.of(2025, 11, 20, 9, 30, 0, 0, VIETNAM));

        assertThat(templates.email(EventKind.RECEIVED, model).body())
                .contains("Thời gian tiếp nhận: 09:30 ngày 20/11/2025\n\nTình trạng giải quyết")
                .doesNotContain("hẹn trả");
        assertThat(templates.sms(EventKind.RECEIVED, model))
                .isEqualTo("Hồ sơ H57-0001 đã được tiếp nhận. Tra cứu: http://portal.test/tra-cuu?ma=H57-0001");
    }

    @Test
    void aRefusalOrApologyWithoutReasonLeavesTheReasonOut() {
        Map<String, Object> model = model();
        model.put("newDueAt", ZonedDateTime.of(2025, 11, 28, 10, 0, 0, 0, VIETNAM));

        assertThat(templates.email(EventKind.REFUSED, model).body())
                .contains("không đủ điều kiện để tiếp nhận, giải quyết.\n\nChi tiết về hồ sơ:")
                .doesNotContain("Lý do");
        assertThat(templates.email(EventKind.APOLOGY_ISSUED, model).body())
                .contains("chưa được giải quyết đúng hẹn.\n\nThời gian hẹn trả kết quả mới: 10:00 ngày 28/11/2025\n\n")
                .doesNotContain("Lý do", "trước đây");
    }

    @Test
    void aStoredTemplateThatNoLongerReadsGivesWayToTheDefault() {
        TemplateRepository stored = new TemplateRepository(null) {
            @Override
            Optional<Stored> find(EventKind kind, NotificationChannel channel) {
                return Optional.of(new Stored(null, "Ho so {{dossierNumber}}", Instant.EPOCH, "admin"));
            }
        };
        assertThat(new NoticeTemplates(stored).sms(EventKind.REFUSED, model()))
                .isEqualTo("Hồ sơ H57-0001 không được tiếp nhận, giải quyết. Xem lý do tại: http://portal.test/tra-cuu?ma=H57-0001");
    }

    private static Map<String, Object> model() {
        Map<String, Object> model = new HashMap<>();
        model.put("code", "H57-0001");
        model.put("procedureName", "Đăng ký khai sinh");
        model.put("agencyName", "Phường Thuận Hóa");
        model.put("fullName", "Nguyễn Văn An");
        model.put("trackingUrl", "http://portal.test/tra-cuu?ma=H57-0001");
        return model;
    }

    record Defaults(NoticeTemplates templates) {

        NoticeTemplates.Email email(EventKind kind, Map<String, Object> model) {
            return templates.email(kind, templates.byDefault(kind, NotificationChannel.EMAIL), model);
        }

        String sms(EventKind kind, Map<String, Object> model) {
            return templates.sms(kind, templates.byDefault(kind, NotificationChannel.SMS), model);
        }
    }
}
