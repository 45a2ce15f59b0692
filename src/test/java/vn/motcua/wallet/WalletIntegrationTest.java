package vn.motcua.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import vn.motcua.catalog.CatalogService;
import vn.motcua.dossier.DossierDrafts;
import vn.motcua.dossier.DossierView;
import vn.motcua.identity.Actors;
import vn.motcua.identity.CurrentUser;
import vn.motcua.support.Accounts;
import vn.motcua.support.ApiClient;
import vn.motcua.support.ApiClient.FilePart;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestData;

/** The citizen data store: filled when a dossier is received and its result issued, reused in the next dossier. */
@IntegrationTest
class WalletIntegrationTest {

    static final String BIRTH = "1.001193";           // document 1: Giấy chứng sinh
    static final String BIRTH_BUNDLE = "2.000986";    // document 1: Bản chụp hoặc bản điện tử Giấy chứng sinh
    static final String WARD = "000.31.01.H57";

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired Actors actors;
    @Autowired CatalogService catalog;
    @Autowired WalletService wallet;
    @Autowired DossierDrafts drafts;
    @Autowired Accounts accounts;
    @Autowired org.springframework.security.crypto.password.PasswordEncoder passwords;

    @Test
    void anAcceptedDocumentIsStoredAndReusedInTheNextDossierWithOneClick() throws Exception {
        ApiClient citizen = ApiClient.signIn(port, "citizen", "demo123");
        ApiClient reception = ApiClient.signIn(port, "reception", "demo123");
        byte[] birthMedical = TestData.realPdf("Giay chung sinh " + Instant.now());
        Map<String, Object> parts = TestData.submission(catalog.procedure(BIRTH).orElseThrow(), WARD);
        parts.put("document1", new FilePart("giay-chung-sinh.pdf", "application/pdf", birthMedical));
        String code = citizen.postMultipart("/api/v1/dossiers", parts, null).json().get("code").asString();

        // Not before an officer accepts it.
        assertThat(stored("citizen", birthMedical)).isEmpty();
        assertThat(reception.postJson("/api/v1/dossiers/" + code + "/actions", Map.of("action", "RECEIVE")).status())
                .isEqualTo(200);
        StoredDocument document = eventually(() -> stored("citizen", birthMedical));
        assertThat(document.type()).isEqualTo("BIRTH_MEDICAL");
        assertThat(document.label()).isEqualTo("Giấy chứng sinh");
        assertThat(document.source()).isEqualTo("Hồ sơ " + code);

        // Only its owner sees it.
        CurrentUser owner = accounts.findUser("citizen").orElseThrow();
        CurrentUser business = accounts.findUser("business").orElseThrow();
        mvc.perform(get("/kho-du-lieu").with(user(owner))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/kho-du-lieu/" + document.id() + "/tai-ve")));
        mvc.perform(get("/kho-du-lieu/" + document.id() + "/tai-ve").with(user(business))).andExpect(status().isNotFound());
        mvc.perform(get("/kho-du-lieu").with(user(accounts.findUser("reception").orElseThrow())))
                .andExpect(status().isForbidden());

        // A new application that asks for the same kind of document offers it; one click attaches it.
        String location = mvc.perform(post("/nop-ho-so/" + BIRTH_BUNDLE).with(user(owner)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long draftId = Long.parseLong(location.replaceAll(".*/nhap/(\\d+).*", "$1"));
        String use = "/kho-du-lieu/" + document.id() + "/dung?nhap=" + draftId + "&amp;chiSo=1";
        mvc.perform(get("/ho-so-cua-toi/nhap/" + draftId).param("buoc", "2").with(user(owner)))
                .andExpect(status().isOk()).andExpect(content().string(containsString(use)));
        mvc.perform(post("/kho-du-lieu/" + document.id() + "/dung").param("nhap", String.valueOf(draftId))
                        .param("chiSo", "1").with(user(owner)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        List<DossierView.FileInfo> files = drafts.draft(draftId, actors.of(owner)).files();
        assertThat(files).anyMatch(f -> f.documentIndex() == 1 && f.sha256().equals(sha256(birthMedical)));

        // Someone else cannot use it, not even with its number.
        mvc.perform(post("/kho-du-lieu/" + document.id() + "/dung").param("nhap", String.valueOf(draftId))
                        .param("chiSo", "1").with(user(business)).with(csrf()))
                .andExpect(status().isNotFound());

        // Deleted, it is gone from the store; the dossier keeps its own copy.
        mvc.perform(post("/kho-du-lieu/" + document.id() + "/xoa").with(user(owner)).with(csrf()))
                .andExpect(status().isBadRequest()); // not confirmed: nothing deleted
        assertThat(stored("citizen", birthMedical)).isNotEmpty();
        mvc.perform(get("/kho-du-lieu/" + document.id() + "/xoa").with(user(owner)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("name=\"xacNhan\"")));
        mvc.perform(post("/kho-du-lieu/" + document.id() + "/xoa").param("xacNhan", "true").with(user(owner)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(stored("citizen", birthMedical)).isEmpty();
        assertThat(drafts.draft(draftId, actors.of(owner)).files())
                .anyMatch(f -> f.sha256().equals(sha256(birthMedical)));
    }

    @Test
    void theElectronicResultGoesIntoTheStoreAsItsKindOfDocument() throws Exception {
        ApiClient citizen = ApiClient.signIn(port, "citizen", "demo123");
        ApiClient reception = ApiClient.signIn(port, "reception", "demo123");
        ApiClient specialist = ApiClient.signIn(port, "specialist", "demo123");
        ApiClient leader = ApiClient.signIn(port, "leader", "demo123");
        String code = citizen.postMultipart("/api/v1/dossiers",
                TestData.submission(catalog.procedure(BIRTH).orElseThrow(), WARD), null).json().get("code").asString();
        for (Object[] step : new Object[][]{{reception, "RECEIVE"}, {specialist, "FORWARD"},
                {leader, "APPROVE"}, {specialist, "ISSUE_RESULT"}}) {
            Map<String, Object> action = "ISSUE_RESULT".equals(step[1])
                    ? Map.of("action", "ISSUE_RESULT", "note", "Cấp Giấy khai sinh bản chính.")
                    : Map.of("action", step[1]);
            assertThat(((ApiClient) step[0]).postJson("/api/v1/dossiers/" + code + "/actions", action).status())
                    .isEqualTo(200);
        }
        StoredDocument result = eventually(() -> wallet.documents("citizen").stream()
                .filter(d -> d.source().equals("Kết quả hồ sơ " + code)).findFirst());
        assertThat(result.type()).isEqualTo("BIRTH_CERTIFICATE");
        assertThat(result.contentType()).isEqualTo("application/pdf");
    }

    Optional<StoredDocument> stored(String owner, byte[] content) {
        String sha = sha256(content);
        return wallet.documents(owner).stream().filter(d -> sha.equals(sha256(wallet.content(owner, d.id()))))
                .findFirst();
    }

    @Test
    void aNewDraftTakesTheFactsTheApplicantWroteInEarlierDossiersOfOtherProcedures() {
        accounts.citizen("chu-dat", "0905000333");
        ApiClient owner = ApiClient.signIn(port, "chu-dat", TestData.PASSWORD);
        Map<String, Object> parts = TestData.submission(catalog.procedure("1.300108").orElseThrow(), WARD);
        @SuppressWarnings("unchecked")
        Map<String, Object> dossier = new java.util.HashMap<>((Map<String, Object>) parts.get("dossier"));
        @SuppressWarnings("unchecked")
        Map<String, String> form = new java.util.HashMap<>((Map<String, String>) dossier.get("formData"));
        form.put("parcelNumber", "345");
        form.put("mapSheetNumber", "Tờ 12");
        dossier.put("formData", form);
        parts.put("dossier", dossier);
        ApiClient.Response created = owner.postMultipart("/api/v1/dossiers", parts, null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        CurrentUser user = accounts.findUser("chu-dat").orElseThrow();
        var actor = actors.of(user);
        // The building permit asks for the same parcel: it is there already.
        long permit = drafts.createDraft("1.013225", actor, java.util.Locale.of("vi"));
        assertThat(drafts.draft(permit, actor).formData()).containsEntry("parcelNumber", "345")
                .containsEntry("mapSheetNumber", "Tờ 12");
        // The same procedure again is a new request: its facts are asked afresh.
        long again = drafts.createDraft("1.300108", actor, java.util.Locale.of("vi"));
        assertThat(drafts.draft(again, actor).formData()).doesNotContainKeys("parcelNumber", "mapSheetNumber");
    }

    static <T> T eventually(Supplier<Optional<T>> probe) {
        return await("stored").atMost(Duration.ofSeconds(15)).until(probe::get, Optional::isPresent).get();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
