package vn.motcua.dossier.forms;

import vn.motcua.platform.pdf.HtmlPdf;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Instant;
import java.util.List;

import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import vn.motcua.dossier.forms.FormData.Applicant;
import vn.motcua.dossier.forms.FormData.DocumentLine;
import vn.motcua.dossier.forms.FormData.HandOver;
import vn.motcua.dossier.forms.FormData.Issuer;
import vn.motcua.dossier.forms.FormData.LogEntry;
import vn.motcua.dossier.forms.FormData.LogRow;
import vn.motcua.dossier.forms.FormData.Signer;
import vn.motcua.dossier.forms.FormData.SupplementItem;
import vn.motcua.dossier.forms.FormData.Timeliness;

/** Forms filled the way a counter in Huế fills them, and the renderer with a standalone template engine. */
final class SampleForms {

    static final String CODE = "000.31.01.H57-250919-0007";
    static final String TRACKING_URL = "https://dichvucong.hue.gov.vn/tra-cuu-ho-so?ma=" + CODE;
    static final Issuer CENTRE = new Issuer("Ủy ban nhân dân phường Thuận Hóa",
            "Trung tâm Phục vụ hành chính công phường Thuận Hóa", "Huế");
    static final Applicant ANH = new Applicant("Nguyễn Thị Ánh", "27 Lê Lợi, phường Thuận Hóa, thành phố Huế",
            "0905 123 456", "anh.nguyen@example.vn");
    static final String BIRTH = "Đăng ký khai sinh";

    private SampleForms() {
    }

    static OfficialForms renderer() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return new OfficialForms(new HtmlPdf(engine));
    }

    /** A wall-clock time in Huế. */
    static Instant hue(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(OfficialForms.ZONE).toInstant();
    }

    static FormData.ReceiptSlip receiptSlip() {
        return new FormData.ReceiptSlip(CENTRE, "125/GTN", CODE, ANH, "Trần Quốc Huy", BIRTH,
                List.of(new DocumentLine("Tờ khai đăng ký khai sinh", 1, 0),
                        new DocumentLine("Giấy chứng sinh", 1, 0),
                        new DocumentLine("Giấy chứng nhận kết hôn của cha, mẹ", 0, 2)),
                1, "03 ngày làm việc", hue(2025, 9, 19, 8, 5), hue(2025, 9, 24, 16, 30),
                "Quầy số 1, Trung tâm Phục vụ hành chính công phường Thuận Hóa", new LogEntry("03", 125),
                "Lê Thị Hường", TRACKING_URL);
    }

    static FormData.SupplementRequest supplementRequest() {
        return new FormData.SupplementRequest(CENTRE, "17/PBS", CODE, hue(2025, 9, 19, 9, 40), ANH, BIRTH,
                List.of(new SupplementItem("Bản sao Giấy chứng nhận kết hôn của cha, mẹ",
                                "Bản đã nộp bị mờ, không đọc được số đăng ký"),
                        new SupplementItem("Tờ khai đăng ký khai sinh có chữ ký của người đi đăng ký",
                                "Tờ khai chưa ký")),
                "Lê Thị Hường", "0234 3822 111", TRACKING_URL);
    }

    static FormData.Refusal refusal() {
        return new FormData.Refusal(CENTRE, "04/PTC", CODE, hue(2025, 9, 19, 10, 15), ANH,
                "Cấp bản sao trích lục khai sinh",
                "Việc khai sinh không đăng ký tại phường Thuận Hóa; đề nghị Ông/Bà nộp hồ sơ tại nơi đã đăng ký khai sinh.",
                "Lê Thị Hường", null);
    }

    static FormData.Apology apology() {
        return new FormData.Apology(CENTRE, "212/UBND-VP", CODE, hue(2025, 9, 23, 14, 0), ANH,
                "Đăng ký khai sinh", hue(2025, 9, 19, 8, 5), hue(2025, 9, 24, 16, 30),
                "Cần xác minh thông tin về nơi sinh với Ủy ban nhân dân xã Phú Vinh", hue(2025, 10, 1, 16, 30),
                new Signer("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Phạm Đức Thắng"), TRACKING_URL);
    }

    static FormData.StopNotice stopNotice() {
        return new FormData.StopNotice(CENTRE, "15/TB-UBND", CODE, hue(2025, 9, 22, 15, 0), ANH,
                "Đăng ký khai sinh", hue(2025, 9, 19, 8, 5),
                "Người yêu cầu đã có đơn rút hồ sơ ngày 22/09/2025.",
                new Signer(null, "CHỦ TỊCH", "Võ Thị Ngọc Ánh"), null);
    }

    static FormData.ControlSheet controlSheet() {
        return new FormData.ControlSheet(CENTRE, CODE, "125/GTN", ANH, BIRTH, "Ủy ban nhân dân phường Thuận Hóa",
                hue(2025, 9, 19, 8, 5), hue(2025, 9, 24, 16, 30), hue(2025, 9, 24, 9, 10),
                List.of(new HandOver("Phòng Văn hóa - Xã hội phường Thuận Hóa", hue(2025, 9, 19, 14, 0),
                                "Lê Thị Hường", "Đặng Minh Khôi", Timeliness.EARLY, null),
                        new HandOver("Lãnh đạo Ủy ban nhân dân phường", hue(2025, 9, 22, 10, 45),
                                "Đặng Minh Khôi", "Phạm Đức Thắng", Timeliness.ON_TIME, "Trình ký kết quả"),
                        new HandOver("Trung tâm Phục vụ hành chính công phường Thuận Hóa", hue(2025, 9, 23, 8, 20),
                                "Phạm Đức Thắng", "Lê Thị Hường", Timeliness.LATE, "Chậm 01 ngày do xác minh")),
                TRACKING_URL);
    }

    static FormData.DossierLog dossierLog() {
        return new FormData.DossierLog(CENTRE, "Quầy số 1", "03", LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 30),
                hue(2025, 10, 1, 7, 30),
                List.of(new LogRow(125, CODE, BIRTH, 1, ANH, "Ủy ban nhân dân phường Thuận Hóa",
                                hue(2025, 9, 19, 8, 5), hue(2025, 9, 24, 16, 30), hue(2025, 9, 19, 14, 0),
                                hue(2025, 9, 23, 8, 20), hue(2025, 9, 24, 9, 10), null),
                        new LogRow(126, "000.31.01.H57-250919-0008", "Đăng ký kết hôn", 1,
                                new Applicant("Hoàng Văn Đức", "Kiệt 15 Trần Phú, phường Thuận Hóa", "0914 555 666", null),
                                "Ủy ban nhân dân phường Thuận Hóa", hue(2025, 9, 19, 9, 0), hue(2025, 9, 22, 17, 0),
                                null, null, null, "Chờ bổ sung")));
    }
}
