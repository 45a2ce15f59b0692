package vn.motcua.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import vn.motcua.catalog.CatalogService;
import vn.motcua.dossier.ResidentCheck.Identity;
import vn.motcua.dossier.ResidentCheck.Outcome;
import vn.motcua.dossier.ResidentCheck.Part;
import vn.motcua.identity.demo.TestIdentities;
import vn.motcua.population.demo.PopulationSandbox;
import vn.motcua.support.Accounts;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestData;

/**
 * The demo's labelled population sandbox, which the ordinary test application (demo mode, no LGSP configured) starts
 * on loopback: the demo citizen matches, the sandbox's third resident with another birth date does not, and the
 * counter form receives that one only with the officer's note.
 */
@IntegrationTest
class PopulationSandboxTest {

    static final String BIRTH = "1.001193";
    static final String WARD = "000.31.01.H57";

    @Autowired ResidentChecks checks;
    @Autowired CatalogService catalog;
    @Autowired Accounts accounts;
    @Autowired MockMvc mvc;

    @Test
    void theDemoCitizenMatchesAndTheSandboxsOtherResidentMismatchesOnBirthDate() {
        assertThat(checks.connected()).isTrue();
        assertThat(checks.sandbox()).isTrue();
        assertThat(checks.lookUp(new Identity("citizen", "046090001234", "Nguyễn Văn An", LocalDate.of(1990, 5, 14)))
                .orElseThrow().outcome()).isEqualTo(Outcome.MATCH);
        var mismatch = checks.lookUp(new Identity(null, PopulationSandbox.MISMATCHED_ID, "Phạm Thị Hoa",
                LocalDate.of(1996, 3, 10))).orElseThrow();
        assertThat(mismatch.outcome()).isEqualTo(Outcome.MISMATCH);
        assertThat(mismatch.mismatched()).containsExactly(Part.BIRTH_DATE);
        // The demo's second test identity, as its identity provider gives her: the register swapped day and month
        // (README, demo step 13: her online submission shows the applicant's mismatch).
        var chau = TestIdentities.CHAU;
        var swapped = checks.lookUp(new Identity(null, chau.idNumber(), chau.fullName(), chau.birthDate())).orElseThrow();
        assertThat(swapped.outcome()).isEqualTo(Outcome.MISMATCH);
        assertThat(swapped.mismatched()).containsExactly(Part.BIRTH_DATE);
    }

    @Test
    void theCounterReceivesAMismatchOnlyWithANoteAndShowsTheVerdict() throws Exception {
        var reception = accounts.findUser("reception").orElseThrow();
        mvc.perform(counter("10/03/1996").with(user(reception)).with(csrf()))
                .andExpect(redirectedUrl("/quan-tri/tiep-nhan/" + BIRTH))
                .andExpect(flash().attribute("problems", hasItem(containsString("ngày sinh không khớp"))));
        mvc.perform(counter("31/02/1996").with(user(reception)).with(csrf()))
                .andExpect(flash().attribute("problems", hasItem(containsString("Ngày sinh \"31/02/1996\" không hợp lệ"))));

        String location = mvc.perform(counter("10/03/1996").param("identityNote", "Đã xem CCCD gốc").with(user(reception))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/quan-tri/ho-so/");
        mvc.perform(get(location).with(user(reception))).andExpect(status().isOk())
                .andExpect(content().string(containsString("CSDL quốc gia về dân cư – HỘP CÁT THỬ NGHIỆM")))
                .andExpect(content().string(containsString(">Không khớp<")))
                .andExpect(content().string(containsString("Đã xem CCCD gốc")));
    }

    private MockMultipartHttpServletRequestBuilder counter(String birthDate) {
        MockMultipartHttpServletRequestBuilder request = multipart("/quan-tri/tiep-nhan/{code}", BIRTH);
        TestData.validFormData(catalog.procedure(BIRTH).orElseThrow()).forEach(request::param);
        return (MockMultipartHttpServletRequestBuilder) request.param("coQuan", WARD).param("sets", "1")
                .param("idempotencyKey", UUID.randomUUID().toString())
                .param("applicant.fullName", "Phạm Thị Hoa").param("applicant.phone", "0912345678")
                .param("applicant.idNumber", PopulationSandbox.MISMATCHED_ID)
                .param("applicant.dateOfBirth", birthDate);
    }
}
