package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;


import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.motcua.catalog.CatalogService;
import vn.motcua.identity.Role;
import vn.motcua.support.Accounts;
import vn.motcua.support.ApiClient;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestData;

/**
 * Least privilege: administrators configure (processes, calendar, catalog) and read the figures, but a dossier holds
 * personal data, so they see dossiers, their files, forms and payments only when also given an official role.
 */
@IntegrationTest
class AdministratorDossierAccessTest {

    static final String WARD = "000.31.01.H57";      // Phường Thuận Hóa: the demo agency administrator works here
    static final String PROVINCE = "000.00.00.H57";  // the demo province administrator's staff record
    static final String BIRTH = "1.001193";

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired CatalogService catalog;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    String code;

    @BeforeEach
    void aDossierOfTheWard() {
        code = TestData.receivedOnline(port, catalog.procedure(BIRTH).orElseThrow(), WARD);
    }

    @Test
    void administratorsWithoutAnOfficialRoleSeeNoDossierFileFormOrPayment() throws Exception {
        for (String admin : new String[]{"agency-admin", "admin"}) {
            ApiClient api = ApiClient.signIn(port, admin, "demo123");
            assertThat(api.get("/api/v1/dossiers/" + code).status()).as(admin).isEqualTo(404);
            assertThat(api.get("/api/v1/dossiers/" + code + "/forms/01").status()).as(admin).isEqualTo(404);
            assertThat(api.get("/api/v1/dossiers/" + code + "/payments").status()).as(admin).isEqualTo(404);
            assertThat(api.get("/api/v1/dossiers/" + code + "/files/1").status()).as(admin).isEqualTo(404);
            ApiClient.Response list = api.get("/api/v1/dossiers");
            assertThat(list.body()).as(admin).doesNotContain(code);
            // Not an applicant either: no dossier in someone's name through the API.
            assertThat(api.postMultipart("/api/v1/dossiers", TestData.submission(catalog.procedure(BIRTH).orElseThrow(),
                    WARD), null).status()).as(admin).isEqualTo(403);

            var user = accounts.findUser(admin).orElseThrow();
            var page = mvc.perform(get("/quan-tri/ho-so/" + code).with(user(user))).andReturn().getResponse();
            assertThat(page.getStatus()).as(admin).isEqualTo(403);
            assertThat(page.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("Nguyễn Văn An");
            assertThat(mvc.perform(get("/quan-tri/ho-so").with(user(user))).andReturn().getResponse().getStatus())
                    .as(admin).isEqualTo(403);
            assertThat(mvc.perform(get("/quan-tri").with(user(user))).andReturn().getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).as(admin)
                    .doesNotContain("href=\"/quan-tri/ho-so\"");
        }
    }

    @Test
    void anAdministratorWhoIsAlsoASpecialistSeesTheAgencysDossiers() {
        accounts.official("admin-specialist", WARD, Role.AGENCY_ADMIN, Role.SPECIALIST);
        ApiClient both = ApiClient.signIn(port, "admin-specialist", TestData.PASSWORD);
        ApiClient.Response view = both.get("/api/v1/dossiers/" + code);
        assertThat(view.status()).as(view.body()).isEqualTo(200);
        assertThat(view.json().get("applicant").get("fullName").asString()).isEqualTo("Nguyễn Văn An");
    }
}
