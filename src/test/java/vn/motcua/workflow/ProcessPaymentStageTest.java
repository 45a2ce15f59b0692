package vn.motcua.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.motcua.identity.CurrentUser;
import vn.motcua.support.Accounts;
import vn.motcua.support.IntegrationTest;

/** A process version says when the fees are paid; the administrator chooses it with the steps. */
@IntegrationTest
class ProcessPaymentStageTest {

    static final Locale VI = Locale.forLanguageTag("vi");

    @Autowired MockMvc mvc;
    @Autowired ProcessService processes;
    @Autowired Accounts accounts;

    @Test
    void thePaymentStageIsSavedWithEachVersion() {
        // Ghi vào Sổ hộ tịch việc kết hôn đã giải quyết ở nước ngoài: no other test uses its process.
        String code = "1.147303";
        assertThat(processes.current(code).paymentStage()).isEqualTo(PaymentStage.BEFORE_RETURN);

        ProcessDefinition before = processes.save(code, ProcessService.defaultSteps(), PaymentStage.BEFORE_PROCESSING,
                admin(), VI);
        assertThat(before.paymentStage()).isEqualTo(PaymentStage.BEFORE_PROCESSING);
        assertThat(processes.current(code).paymentStage()).isEqualTo(PaymentStage.BEFORE_PROCESSING);
        assertThat(processes.version(before.id())).get().extracting(ProcessDefinition::paymentStage)
                .isEqualTo(PaymentStage.BEFORE_PROCESSING);

        // The older signature saves the default; the earlier version keeps its own stage.
        ProcessDefinition after = processes.save(code, ProcessService.defaultSteps(), admin(), VI);
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(processes.current(code).paymentStage()).isEqualTo(PaymentStage.BEFORE_RETURN);
        assertThat(processes.version(before.id()).orElseThrow().paymentStage()).isEqualTo(PaymentStage.BEFORE_PROCESSING);
        assertThat(processes.save(code, ProcessService.defaultSteps(), null, admin(), VI).paymentStage())
                .isEqualTo(PaymentStage.BEFORE_RETURN);
    }

    @Test
    void theProcessPageShowsAndEditsThePaymentStage() throws Exception {
        // Ghi vào Sổ hộ tịch việc khai tử có yếu tố nước ngoài is not used elsewhere either.
        String code = "1.147301";
        CurrentUser admin = accounts.findUser("admin").orElseThrow();
        String page = page(code, admin);
        assertThat(page).contains("Thời điểm nộp phí, lệ phí</legend>")
                .contains("<span>Nộp phí trước khi xử lý hồ sơ</span>")
                .contains("<span>Nộp phí trước khi trả kết quả</span>");
        assertThat(checked(page, PaymentStage.BEFORE_RETURN)).isTrue();
        assertThat(checked(page, PaymentStage.BEFORE_PROCESSING)).isFalse();

        int version = processes.current(code).version();
        mvc.perform(validSteps(code, admin).param("paymentStage", "BEFORE_PROCESSING"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("saved", containsString("phiên bản " + (version + 1))));
        assertThat(processes.current(code).paymentStage()).isEqualTo(PaymentStage.BEFORE_PROCESSING);
        page = page(code, admin);
        assertThat(checked(page, PaymentStage.BEFORE_PROCESSING)).isTrue();
        assertThat(checked(page, PaymentStage.BEFORE_RETURN)).isFalse();

        // A form without the choice keeps the current stage.
        mvc.perform(validSteps(code, admin)).andExpect(status().is3xxRedirection());
        assertThat(processes.current(code)).extracting(ProcessDefinition::version, ProcessDefinition::paymentStage)
                .containsExactly(version + 2, PaymentStage.BEFORE_PROCESSING);

        // Refused steps save nothing, and the form comes back with the stage the administrator chose.
        var refused = post("/quan-tri/quy-trinh/{c}", code).with(user(admin)).with(csrf())
                .param("name", "Tiếp nhận", "Xử lý").param("role", "RECEPTION", "SPECIALIST")
                .param("place", "RECEIVING", "COMPETENT").param("agencyCode", "", "").param("timeShare", "20", "50")
                .param("actions0", "FORWARD").param("actions1", "FORWARD").param("paymentStage", "BEFORE_RETURN");
        // The flash attributes wait for the redirect in the (database-backed) session its cookie names.
        Cookie[] session = mvc.perform(refused).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problems", hasItem("Tổng tỷ lệ thời gian các bước là 70%, phải bằng 100%.")))
                .andExpect(flash().attribute("paymentStage", PaymentStage.BEFORE_RETURN))
                .andReturn().getResponse().getCookies();
        assertThat(processes.current(code).paymentStage()).isEqualTo(PaymentStage.BEFORE_PROCESSING);
        String returned = mvc.perform(get("/quan-tri/quy-trinh/{c}", code).with(user(admin)).cookie(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(returned).contains("Tổng tỷ lệ thời gian các bước là 70%, phải bằng 100%.");
        assertThat(checked(returned, PaymentStage.BEFORE_RETURN)).isTrue();

        // In English too.
        mvc.perform(get("/quan-tri/quy-trinh/{c}", code).param("lang", "en").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("Fees paid before the dossier is processed")));
    }

    private String page(String code, CurrentUser admin) throws Exception {
        return mvc.perform(get("/quan-tri/quy-trinh/{c}", code).with(user(admin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private static boolean checked(String page, PaymentStage stage) {
        return Pattern.compile("<input type=\"radio\" name=\"paymentStage\" value=\"" + stage + "\"[^>]*checked=\"checked\"")
                .matcher(page).find();
    }

    /** The default steps, as the form posts them. */
    private static MockHttpServletRequestBuilder validSteps(String code, CurrentUser admin) {
        return post("/quan-tri/quy-trinh/{c}", code).with(user(admin)).with(csrf())
                .param("name", "Tiếp nhận hồ sơ", "Thẩm định, xử lý hồ sơ", "Phê duyệt kết quả", "Phát hành kết quả")
                .param("role", "RECEPTION", "SPECIALIST", "LEADER", "SPECIALIST")
                .param("place", "RECEIVING", "COMPETENT", "COMPETENT", "COMPETENT")
                .param("agencyCode", "", "", "", "").param("timeShare", "10", "55", "25", "10")
                .param("actions0", "FORWARD", "REQUEST_SUPPLEMENT", "REFUSE")
                .param("actions1", "FORWARD", "SEND_BACK", "REQUEST_SUPPLEMENT", "REFUSE")
                .param("actions2", "APPROVE", "SEND_BACK", "REFUSE")
                .param("actions3", "ISSUE_RESULT", "SEND_BACK");
    }

    private CurrentUser admin() {
        return accounts.findUser("admin").orElseThrow();
    }
}
