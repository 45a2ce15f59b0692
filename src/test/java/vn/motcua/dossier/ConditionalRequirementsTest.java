package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Actors;
import vn.motcua.support.Accounts;
import vn.motcua.support.ApiClient;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestData;

/**
 * Permanent residence (1.004222) needs the rental contract and the floor-area proof only when the residence
 * is rented, and the relation to the household head only when moving in with a relative; online and at the counter.
 */
@IntegrationTest
class ConditionalRequirementsTest {

    static final String RESIDENCE = "1.004222";
    static final String WARD = "000.31.01.H57";
    static final Locale VI = Locale.forLanguageTag("vi");
    static final String RENTED = "Chỗ ở hợp pháp do thuê, mượn, ở nhờ";
    static final String RELATIVE = "Về ở với người thân (vợ, chồng, cha, mẹ, con...)";
    static final String CONTRACT_MISSING = "Thiếu giấy tờ \"Hợp đồng cho thuê, cho mượn, cho ở nhờ";
    static final String WHEN_RENTED = "bắt buộc khi \"Căn cứ đăng ký thường trú\" là \"" + RENTED + "\"";

    @LocalServerPort int port;
    @Autowired CatalogService catalog;
    @Autowired Accounts accounts;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired DossierDrafts drafts;
    @Autowired Actors actors;

    @Test
    void onlineTheRentalContractIsRequiredWhenRentedAndNothingIsSavedWithoutIt() {
        Procedure residence = catalog.procedure(RESIDENCE).orElseThrow();
        ApiClient citizen = ApiClient.signIn(port, "citizen", "demo123");
        int before = dossiers();

        ApiClient.Response refused = citizen.postMultipart("/api/v1/dossiers", submission(residence, RENTED), null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("message").asString()).contains(CONTRACT_MISSING, WHEN_RENTED, "diện tích nhà ở tối thiểu");
        assertThat(dossiers()).isEqualTo(before);

        Map<String, Object> relative = submission(residence, RELATIVE);
        @SuppressWarnings("unchecked")
        Map<String, Object> dossier = (Map<String, Object>) relative.get("dossier");
        ((Map<String, String>) dossier.get("formData")).remove("relationToHead");
        ApiClient.Response noRelation = citizen.postMultipart("/api/v1/dossiers", relative, null);
        assertThat(noRelation.status()).isEqualTo(400);
        assertThat(noRelation.json().get("message").asString()).contains("Chưa nhập \"Mối quan hệ với chủ hộ\": bắt buộc khi");
        assertThat(dossiers()).isEqualTo(before);

        Map<String, Object> withContract = submission(residence, RENTED);
        withContract.put("document3", ApiClient.FilePart.pdf("hop-dong-thue.pdf"));
        withContract.put("document4", ApiClient.FilePart.pdf("dien-tich.pdf"));
        assertThat(citizen.postMultipart("/api/v1/dossiers", withContract, null).status()).isEqualTo(201);
        // Owned residence: neither document is required.
        assertThat(citizen.postMultipart("/api/v1/dossiers", TestData.submission(residence, WARD), null).status())
                .isEqualTo(201);
        assertThat(dossiers()).isEqualTo(before + 2);
    }

    @Test
    void aDraftIsSubmittedOnlyWithTheDocumentsItsAnswersRequire() {
        Procedure residence = catalog.procedure(RESIDENCE).orElseThrow();
        Actor citizen = actors.of(accounts.findUser("citizen").orElseThrow());
        long id = drafts.createDraft(RESIDENCE, citizen, VI);
        Map<String, String> answers = new java.util.LinkedHashMap<>(TestData.validFormData(residence));
        answers.put("residenceBasis", RENTED);
        assertThat(drafts.saveDraft(id, citizen, WARD, answers, VI)).isEmpty(); // a draft need not be complete
        for (int i : new int[]{0, 1, 3}) {
            drafts.addDraftFile(id, citizen, new Upload(i, "giay-to-" + i + ".pdf", TestData.realPdf("giay to " + i),
                    false), VI);
        }
        assertThatThrownBy(() -> drafts.submit(id, citizen, VI)).isInstanceOfSatisfying(InvalidDossierException.class,
                e -> assertThat(e.problems()).singleElement().asString()
                        .startsWith("Thiếu giấy tờ \"Giấy tờ, tài liệu chứng minh đủ diện tích nhà ở tối thiểu")
                        .endsWith(WHEN_RENTED + "."));
        assertThat(drafts.draft(id, citizen).status()).isEqualTo(DossierStatus.DRAFT);

        // Not rented after all: the same draft goes through without the floor-area proof.
        answers.put("residenceBasis", "Chỗ ở hợp pháp thuộc quyền sở hữu của mình");
        drafts.saveDraft(id, citizen, WARD, answers, VI);
        assertThat(drafts.submit(id, citizen, VI).status()).isEqualTo(DossierStatus.SUBMITTED);
    }

    @Test
    void atTheCounterItIsRefusedOutrightUnlessScannedOrReceivedOnPaper() throws Exception {
        var reception = accounts.findUser("reception").orElseThrow();
        mvc.perform(get("/quan-tri/tiep-nhan/{code}", RESIDENCE).with(user(reception))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Bắt buộc khi &quot;Căn cứ đăng ký thường trú&quot;")))
                .andExpect(content().string(containsString("name=\"paper3\"")));
        int before = dossiers();
        mvc.perform(counter(RENTED).with(user(reception)).with(csrf()))
                .andExpect(redirectedUrl("/quan-tri/tiep-nhan/" + RESIDENCE))
                .andExpect(flash().attribute("problems", hasItem(containsString(CONTRACT_MISSING))))
                .andExpect(flash().attribute("problems", hasItem(containsString(WHEN_RENTED))));
        assertThat(dossiers()).isEqualTo(before);

        // The contract scanned, the floor-area proof received on paper: received.
        String location = mvc.perform(counter(RENTED)
                        .file(new MockMultipartFile("doc3", "hop-dong.pdf", "application/pdf", TestData.realPdf("hop dong")))
                        .param("paper4", "true").with(user(reception)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/quan-tri/ho-so/");
        String rented = location.substring(location.lastIndexOf('/') + 1);
        // Owned residence: received without either.
        String owned = mvc.perform(counter("Chỗ ở hợp pháp thuộc quyền sở hữu của mình").with(user(reception)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(owned).startsWith("/quan-tri/ho-so/");
        assertThat(dossiers()).isEqualTo(before + 2);

        // Form 01 lists what was handed in: the required documents, not the optional ones left out.
        ApiClient officer = ApiClient.signIn(port, "reception", "demo123");
        String slip = receiptSlip(officer, rented);
        assertThat(slip).contains("Mẫu CT01", "chứng minh chỗ ở hợp pháp", "Hợp đồng cho thuê", "diện tích nhà ở tối thiểu")
                .doesNotContain("quan hệ nhân thân", "Mẫu CT02");
        assertThat(receiptSlip(officer, owned.substring(owned.lastIndexOf('/') + 1)))
                .contains("Mẫu CT01", "chứng minh chỗ ở hợp pháp")
                .doesNotContain("Hợp đồng cho thuê", "diện tích nhà ở tối thiểu", "quan hệ nhân thân", "Mẫu CT02");
    }

    @Test
    void formOneListsAnOptionalDocumentThatWasHandedIn() throws Exception {
        Procedure residence = catalog.procedure(RESIDENCE).orElseThrow();
        Map<String, Object> parts = TestData.submission(residence, WARD);
        parts.put("document2", ApiClient.FilePart.pdf("quan-he.pdf"));
        ApiClient.Response created = ApiClient.signIn(port, "citizen", "demo123").postMultipart("/api/v1/dossiers", parts, null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String code = created.json().get("code").asString();
        ApiClient officer = ApiClient.signIn(port, "reception", "demo123");
        assertThat(officer.postJson("/api/v1/dossiers/" + code + "/actions", Map.of("action", "RECEIVE")).status())
                .isEqualTo(200);
        assertThat(receiptSlip(officer, code)).contains("Mẫu CT01", "quan hệ nhân thân")
                .doesNotContain("Hợp đồng cho thuê", "Mẫu CT02");
    }

    private static Map<String, Object> submission(Procedure residence, String basis) {
        Map<String, Object> parts = TestData.submission(residence, WARD);
        Map<String, String> formData = new java.util.LinkedHashMap<>(TestData.validFormData(residence));
        formData.put("residenceBasis", basis);
        parts.put("dossier", new java.util.LinkedHashMap<>(Map.of("procedureCode", RESIDENCE, "agencyCode", WARD,
                "formData", formData)));
        return parts;
    }

    private MockMultipartHttpServletRequestBuilder counter(String basis) {
        Procedure residence = catalog.procedure(RESIDENCE).orElseThrow();
        MockMultipartHttpServletRequestBuilder request = multipart("/quan-tri/tiep-nhan/{code}", RESIDENCE);
        Map<String, String> formData = new java.util.LinkedHashMap<>(TestData.validFormData(residence));
        formData.put("residenceBasis", basis);
        formData.forEach(request::param);
        request.param("coQuan", WARD).param("sets", "1")
                .param("idempotencyKey", UUID.randomUUID().toString())
                .param("applicant.fullName", "Trần Thị Bình").param("applicant.phone", "0912345678");
        return request;
    }

    private int dossiers() {
        return jdbc.sql("select count(*) from dossier where procedure_code = ?").param(RESIDENCE)
                .query(Integer.class).single();
    }

    private String receiptSlip(ApiClient who, String code) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/dossiers/" + code + "/forms/01"))
                .header("Authorization", "Bearer " + who.token()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(response.body())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
