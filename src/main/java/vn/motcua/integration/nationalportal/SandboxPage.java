package vn.motcua.integration.nationalportal;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

import vn.motcua.platform.web.VietnamTime;

/** The sandbox's own page: clearly labelled, what it queued and received, and the form to queue a test dossier. */
final class SandboxPage {

    static final String TITLE = "Cổng Dịch vụ công quốc gia – HỘP CÁT THỬ NGHIỆM";

    private SandboxPage() {
    }

    static String render(Collection<Map<String, Object>> queued, Collection<JsonNode> acks,
                         Collection<JsonNode> statuses, Instant now) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1"><title>%s</title>
                <style>body{font-family:sans-serif;margin:1rem;max-width:60rem}h1{color:#8a1c1c}
                .label{background:#ffe9a8;border:2px dashed #8a6d00;padding:.5rem}table{border-collapse:collapse;width:100%%}
                td,th{border:1px solid #999;padding:.25rem;text-align:left;overflow-wrap:anywhere}</style></head><body>
                <h1>%s</h1><p class="label">Hệ thống giả lập trên máy này (127.0.0.1), chỉ để thử nghiệm: không có dữ
                liệu thật, không kết nối Cổng Dịch vụ công quốc gia thật.%s</p>
                <h2>Gửi hồ sơ thử nghiệm</h2>
                <form method="post" action="/hang-doi"><p><label><input type="radio" name="loai" value="demo" checked>
                Hồ sơ «Xác nhận thông tin về cư trú» (1.010041) tại Phường Thuận Hóa</label></p>
                <p><label><input type="radio" name="loai" value="unknown"> Hồ sơ của thủ tục không có trong danh mục
                (9.999999)</label></p><p><button type="submit">Đưa vào hàng đợi</button></p></form>
                <p>MộtCửa lấy hồ sơ trong hàng đợi ở lần kéo kế tiếp (motcua.national-portal.intake.pull-interval).</p>
                """.formatted(TITLE, TITLE, now == null ? "" : " Lúc " + VietnamTime.DATE_TIME.format(now) + "."));
        html.append("<h2>Hàng đợi (chưa được xác nhận): ").append(queued.size()).append("</h2><table><tr>")
                .append("<th>MaHoSo</th><th>MaTTHC</th><th>MaCoQuan</th></tr>");
        for (Map<String, Object> d : queued) {
            row(html, d.get(IntakeMapping.NATIONAL_CODE), d.get(IntakeMapping.PROCEDURE), d.get(IntakeMapping.AGENCY));
        }
        html.append("</table><h2>Xác nhận đã nhận: ").append(acks.size()).append("</h2><table><tr><th>MaHoSo</th>")
                .append("<th>MaHoSoDiaPhuong</th><th>KetQua</th><th>LyDo</th></tr>");
        for (JsonNode a : acks) {
            row(html, a.path(IntakeMapping.NATIONAL_CODE).asString(), a.path(IntakeMapping.LOCAL_CODE).asString(""),
                    a.path(IntakeMapping.RESULT).asString(), a.path(IntakeMapping.REASON).asString(""));
        }
        html.append("</table><h2>Trạng thái đã nhận: ").append(statuses.size()).append("</h2><table><tr>")
                .append("<th>MaHoSo</th><th>ThuTu</th><th>TrangThaiHoSo</th><th>NgayCapNhat</th></tr>");
        for (JsonNode s : statuses) {
            row(html, s.path("MaHoSo").asString(), s.path("ThuTu").asString(), s.path("TrangThaiHoSo").asString(),
                    s.path("NgayCapNhat").asString());
        }
        return html.append("</table></body></html>").toString();
    }

    private static void row(StringBuilder html, Object... cells) {
        html.append("<tr>");
        for (Object cell : cells) {
            html.append("<td>").append(HtmlUtils.htmlEscape(String.valueOf(cell == null ? "" : cell))).append("</td>");
        }
        html.append("</tr>");
    }
}
