package vn.motcua.dossier.forms;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.motcua.platform.pdf.HtmlPdf;
import vn.motcua.platform.qr.QrCodes;
import vn.motcua.platform.web.VietnamTime;

/**
 * Renders the official one-stop forms of Circular 03/2025/TT-VPCP as PDF: forms 01 to 05 on A5 portrait, 06 on A4
 * portrait, 07 on A4 landscape. Each form is an XHTML Thymeleaf template under {@code templates/forms/} (the
 * Vietnamese wording of the Circular lives there), laid out by openhtmltopdf in Liberation Serif, which has the
 * metrics of Times New Roman, the font of official documents, and every Vietnamese letter.
 * <p>
 * Times print in Vietnam's time zone as every page writes them: {@code 08:30 ngày 19/09/2025}, and the date line the way Decree
 * 30/2020/NĐ-CP writes it: {@code Huế, ngày 05 tháng 02 năm 2026}, {@code Huế, ngày 19 tháng 9 năm 2025} (a zero
 * before days below 10 and months below 3).
 */
@Component
public class OfficialForms {

    /** The zone every time on a form is printed in. */
    public static final ZoneId ZONE = VietnamTime.ZONE;

    private static final Format FORMAT = new Format();

    private final HtmlPdf pdf;

    public OfficialForms(HtmlPdf pdf) {
        this.pdf = pdf;
    }

    /** Form 01, Giấy tiếp nhận hồ sơ và hẹn trả kết quả (A5). */
    public byte[] receiptSlip(FormData.ReceiptSlip slip) {
        return render("receipt-slip", slip, slip.trackingUrl());
    }

    /** Form 02, Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (A5). */
    public byte[] supplementRequest(FormData.SupplementRequest request) {
        return render("supplement-request", request, request.trackingUrl());
    }

    /** A result document laid out from what the official decided (A4), before it is signed. */
    public byte[] resultDocument(FormData.ResultDocument result) {
        return render("result-document", result, null);
    }

    /** Form 03, Phiếu từ chối tiếp nhận giải quyết hồ sơ (A5). */
    public byte[] refusal(FormData.Refusal refusal) {
        return render("refusal", refusal, refusal.trackingUrl());
    }

    /** Form 04, Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (A5). */
    public byte[] apology(FormData.Apology apology) {
        return render("apology", apology, apology.trackingUrl());
    }

    /** Form 05, Thông báo dừng giải quyết hồ sơ (A5). */
    public byte[] stopNotice(FormData.StopNotice notice) {
        return render("stop-notice", notice, notice.trackingUrl());
    }

    /** Form 06, Phiếu kiểm soát quá trình giải quyết hồ sơ (A4 portrait). */
    public byte[] controlSheet(FormData.ControlSheet sheet) {
        return render("control-sheet", sheet, sheet.trackingUrl());
    }

    /** Form 07, Sổ theo dõi hồ sơ (A4 landscape). */
    public byte[] dossierLog(FormData.DossierLog log) {
        return render("dossier-log", log, null);
    }

    private byte[] render(String template, Object form, String trackingUrl) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("form", form);
        variables.put("fmt", FORMAT);
        variables.put("qr", trackingUrl == null ? null : QrCodes.dataUri(trackingUrl));
        return pdf.render("forms/" + template, variables);
    }

    /**
     * How the templates print dates, times and counts ({@code fmt} in a template): dates and times as everywhere else
     * ({@link VietnamTime}), so that a form's due time reads as the inbox's. Null prints as empty.
     */
    public static final class Format {

        private static final VietnamTime TIME = new VietnamTime();

        Format() {
        }

        /** {@code 19/09/2025} */
        public String date(Instant at) {
            return TIME.date(at);
        }

        /** {@code 19/09/2025} */
        public String day(LocalDate day) {
            return TIME.date(day);
        }

        /** {@code 08:30 ngày 19/09/2025}: a moment, and every due time. */
        public String time(Instant at) {
            return TIME.dateTime(at);
        }

        /** {@code 08:30}, for table cells under the date. */
        public String clock(Instant at) {
            return TIME.clock(at);
        }

        /** {@code Huế, ngày 19 tháng 9 năm 2025}: Decree 30/2020/NĐ-CP puts a zero before days below 10 and months below 3. */
        public String dateLine(String place, Instant at) {
            LocalDate day = local(at).toLocalDate();
            int month = day.getMonthValue();
            return "%s, ngày %02d tháng %s năm %d".formatted(place, day.getDayOfMonth(),
                    month < 3 ? "0" + month : String.valueOf(month), day.getYear());
        }

        /** {@code 01}, {@code 12}: counts of sets and documents as forms write them. */
        public String count(int n) {
            return "%02d".formatted(n);
        }

        private static LocalDateTime local(Instant at) {
            return LocalDateTime.ofInstant(at, ZONE);
        }
    }

}
