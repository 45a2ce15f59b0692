package vn.motcua.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.motcua.dossier.DossierReceived;
import vn.motcua.identity.CurrentUser;
import vn.motcua.support.Accounts;
import vn.motcua.support.IntegrationTest;

/**
 * The province administrator edits a notification template at /quan-tri/mau-thong-bao: previews it with the sample
 * dossier, saves it, and the next real notice (to GreenMail) says what was saved; restoring the default brings the
 * jar's text back. A template naming an unknown placeholder is refused with the list of those it may use.
 */
@IntegrationTest
class NotificationTemplatesTest extends NotificationPeers {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    /** The shared application sends the default texts to the other tests. */
    @AfterEach
    void defaultsAgain() {
        jdbc.sql("delete from notification_template").update();
    }

    @Test
    void aTemplateIsPreviewedSavedUsedForTheNextNoticeAndRestored() throws Exception {
        MockHttpServletResponse list = page(get("/quan-tri/mau-thong-bao"), "admin");
        assertThat(list.getStatus()).isEqualTo(200);
        assertThat(body(list)).contains("Tiếp nhận hồ sơ – Thư điện tử", "/quan-tri/mau-thong-bao/received-email");

        String subject = "Đã nhận hồ sơ {{code}}";
        String text = "Kính gửi {{addressee}},\n\nHồ sơ {{code}} đã được nhận lúc {{receivedAt}}."
                + "{{#dueAt}} Hẹn trả: {{dueAt}}.{{/dueAt}}\n";
        MockHttpServletResponse preview = page(form("/quan-tri/mau-thong-bao/received-email/xem-truoc", subject, text),
                "admin");
        assertThat(preview.getStatus()).isEqualTo(200);
        assertThat(body(preview)).contains("Đã nhận hồ sơ 000.31.01.H57-251120-0001",
                "Kính gửi ông/bà Nguyễn Văn An,", " Hẹn trả: ");
        assertThat(stored("RECEIVED", "EMAIL")).as("a preview saves nothing").isZero();

        MockHttpServletResponse saved = page(form("/quan-tri/mau-thong-bao/received-email", subject, text), "admin");
        assertThat(saved.getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("select updated_by from notification_template where event_kind = 'RECEIVED' and channel = 'EMAIL'")
                .query(String.class).single()).isEqualTo("admin");
        // The trail takes an entry into audit_pending, and chains it into audit_entry soon after.
        assertThat(jdbc.sql("select count(*) from (select action, subject, actor from audit_pending "
                + "union all select action, subject, actor from audit_entry) e "
                + "where action = 'NOTIFICATION_TEMPLATE_SAVED' and subject = 'received-email' and actor = 'admin'")
                .query(Integer.class).single()).isPositive();
        assertThat(body(page(get("/quan-tri/mau-thong-bao/received-email"), "admin")))
                .contains("Đang dùng mẫu đã sửa.", "Khôi phục mẫu mặc định");

        String code = newCode();
        publish(new DossierReceived(dossier(code, "an.nguyen@example.vn", null),
                Instant.parse("2025-11-20T02:30:00Z"), null, 0, 0));
        dispatchUntil("the email", () -> !emailsAbout(code).isEmpty());
        assertThat(emailsAbout(code).getFirst().getSubject()).isEqualTo("Đã nhận hồ sơ " + code);
        assertThat(((String) emailsAbout(code).getFirst().getContent()).replace("\r\n", "\n").strip())
                .isEqualTo("Kính gửi ông/bà Nguyễn Văn An,\n\nHồ sơ " + code + " đã được nhận lúc 09:30 ngày 20/11/2025.");

        assertThat(page(post("/quan-tri/mau-thong-bao/received-email/mac-dinh").with(csrf()), "admin").getStatus())
                .isEqualTo(302);
        assertThat(stored("RECEIVED", "EMAIL")).isZero();
        String again = newCode();
        publish(new DossierReceived(dossier(again, "an.nguyen@example.vn", null), Instant.now(), null, 0, 0));
        dispatchUntil("the email with the default text", () -> !emailsAbout(again).isEmpty());
        assertThat(emailsAbout(again).getFirst().getSubject()).isEqualTo("Hồ sơ " + again + " đã được tiếp nhận");
    }

    @Test
    void anUnknownPlaceholderIsRefusedWithThoseThatMayBeUsedAndNothingIsSaved() throws Exception {
        MockHttpServletResponse refused = page(form("/quan-tri/mau-thong-bao/received-sms", "",
                "Ho so {{maHoSo}} da tiep nhan"), "admin");
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(body(refused)).contains("Trường {{maHoSo}} không có trong thông báo này", "{{code}}", "{{dueAt}}",
                "Ho so {{maHoSo}} da tiep nhan");
        assertThat(stored("RECEIVED", "SMS")).isZero();

        MockHttpServletResponse expression = page(form("/quan-tri/mau-thong-bao/received-sms", "",
                "{{T(java.lang.Runtime).getRuntime()}}"), "admin");
        assertThat(expression.getStatus()).isEqualTo(400);
        assertThat(stored("RECEIVED", "SMS")).isZero();
    }

    @Test
    void anSmsPreviewIsShownWithoutDiacriticsWithItsLength() throws Exception {
        MockHttpServletResponse preview = page(form("/quan-tri/mau-thong-bao/refused-sms/xem-truoc", "",
                "Hồ sơ {{code}} bị từ chối. Lý do: {{reason}}"), "admin");
        assertThat(preview.getStatus()).isEqualTo(200);
        String sms = "Ho so 000.31.01.H57-251120-0001 bi tu choi. Ly do: Ho so khong thuoc tham quyen giai quyet";
        assertThat(body(preview)).contains(sms,
                sms.length() + " ký tự (không dấu, bảng mã GSM): 1 tin nhắn, tối đa 160 ký tự mỗi tin.");
    }

    @Test
    void onlyTheProvinceAdministratorEditsTemplates() throws Exception {
        assertThat(page(get("/quan-tri/mau-thong-bao"), "agency-admin").getStatus()).isEqualTo(403);
        assertThat(page(form("/quan-tri/mau-thong-bao/received-sms", "", "Ho so {{code}}"), "agency-admin")
                .getStatus()).isEqualTo(403);
        assertThat(stored("RECEIVED", "SMS")).isZero();
        assertThat(page(get("/quan-tri/mau-thong-bao/no-such-template"), "admin").getStatus()).isEqualTo(404);
    }

    private static MockHttpServletRequestBuilder form(String path, String subject, String body) {
        return post(path).with(csrf()).param("subject", subject).param("body", body);
    }

    private MockHttpServletResponse page(MockHttpServletRequestBuilder request, String username) throws Exception {
        CurrentUser who = accounts.findUser(username).orElseThrow();
        return mvc.perform(request.with(user(who))).andReturn().getResponse();
    }

    private static String body(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private int stored(String kind, String channel) {
        return jdbc.sql("select count(*) from notification_template where event_kind = ? and channel = ?")
                .params(kind, channel).query(Integer.class).single();
    }
}
