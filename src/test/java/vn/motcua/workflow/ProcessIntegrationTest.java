package vn.motcua.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.motcua.catalog.CatalogService;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.DossierIntake;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.NewDossier;
import vn.motcua.dossier.Upload;
import vn.motcua.identity.Actor;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.support.Accounts;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestData;

/** Processes are data an administrator edits; a dossier keeps the version it started with. */
@IntegrationTest
class ProcessIntegrationTest {


    @Autowired MockMvc mvc;
    @Autowired ProcessService processes;
    @Autowired DossierQueries dossiers;
    @Autowired DossierIntake intake;
    @Autowired CatalogService catalog;
    @Autowired Accounts accounts;

    @Test
    void editingAProcessMakesANewVersionAndStartedDossiersKeepTheirs() throws Exception {
        String code = catalog.search("Đăng ký kết hôn", 1).getFirst().procedure().code();
        ProcessDefinition before = processes.current(code);
        DossierIntake.Receipt started = intake.create(new NewDossier(code, "000.31.01.H57",
                        TestData.validFormData(catalog.procedure(code).orElseThrow()),
                        new Applicant(null, "Trần Văn Bảo", null, "0905000111", null, null, null, null), 1),
                List.<Upload>of(), new Actor("reception", "Lê Thị Cúc", Set.of(Role.RECEPTION), "000.31.01.H57"),
                null, Locale.forLanguageTag("vi"));
        CurrentUser admin = accounts.findUser("admin").orElseThrow();

        // Shares that do not add up to 100 and a last step that cannot issue a result: refused, nothing saved.
        mvc.perform(form(code, admin, Map.of("name", new String[]{"Tiếp nhận", "Xử lý"},
                        "role", new String[]{"RECEPTION", "SPECIALIST"}, "place", new String[]{"RECEIVING", "COMPETENT"},
                        "agencyCode", new String[]{"", ""}, "timeShare", new String[]{"20", "50"},
                        "actions0", new String[]{"FORWARD"}, "actions1", new String[]{"FORWARD"})))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problems", hasItems(
                        "Tổng tỷ lệ thời gian các bước là 70%, phải bằng 100%.",
                        "Bước cuối cùng phải cho phép phát hành kết quả.")));
        assertThat(processes.current(code).version()).isEqualTo(before.version());

        // A shorter process: reception, then a leader who issues the result.
        mvc.perform(form(code, admin, Map.of("name", new String[]{"Tiếp nhận", "Lãnh đạo ký", ""},
                        "role", new String[]{"RECEPTION", "LEADER", "SPECIALIST"},
                        "place", new String[]{"RECEIVING", "COMPETENT", "COMPETENT"},
                        "agencyCode", new String[]{"", "", ""}, "timeShare", new String[]{"20", "80", ""},
                        "actions0", new String[]{"FORWARD", "REQUEST_SUPPLEMENT"},
                        "actions1", new String[]{"ISSUE_RESULT", "REFUSE"})))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("saved", containsString("phiên bản " + (before.version() + 1))));
        ProcessDefinition after = processes.current(code);
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(after.steps()).extracting(ProcessStep::name).containsExactly("Tiếp nhận", "Lãnh đạo ký");

        DossierView still = dossiers.view(started.code(), new Actor("reception", "Lê Thị Cúc", Set.of(Role.RECEPTION),
                "000.31.01.H57"));
        assertThat(still.processVersion()).isEqualTo(before.version());

        mvc.perform(get("/quan-tri/quy-trinh/{c}", code).with(user(admin))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Lãnh đạo ký")));
        mvc.perform(get("/quan-tri/quy-trinh/{c}", code).with(user(accounts.findUser("specialist").orElseThrow())))
                .andExpect(status().isForbidden());
    }

    private static MockHttpServletRequestBuilder form(String code, CurrentUser admin, Map<String, String[]> params) {
        MockHttpServletRequestBuilder request = post("/quan-tri/quy-trinh/{c}", code).with(user(admin)).with(csrf());
        params.forEach(request::param);
        return request;
    }
}
