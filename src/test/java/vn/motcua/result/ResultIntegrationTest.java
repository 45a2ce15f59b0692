package vn.motcua.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.identity.Role;
import vn.motcua.result.internal.ResultKeys;
import vn.motcua.result.signing.PadesVerifier;
import vn.motcua.result.signing.Verdict;
import vn.motcua.support.Accounts;
import vn.motcua.support.ApiClient;
import vn.motcua.support.ApiClient.FilePart;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestData;

/** Electronic results through the dossier API: issued signed, verified byte for byte, revoked, and checked on upload. */
@IntegrationTest
class ResultIntegrationTest {

    static final String BIRTH = "1.001193";
    static final String WARD = "000.31.01.H57";

    @LocalServerPort int port;
    @Autowired CatalogService catalog;
    @Autowired ResultKeys keys;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    ApiClient citizen, reception, specialist, leader;

    @BeforeEach
    void signIn() {
        citizen = ApiClient.signIn(port, "citizen", "demo123");
        reception = ApiClient.signIn(port, "reception", "demo123");
        specialist = ApiClient.signIn(port, "specialist", "demo123");
        leader = ApiClient.signIn(port, "leader", "demo123");
    }

    String submit(FilePart document) {
        Procedure birth = catalog.procedure(BIRTH).orElseThrow();
        Map<String, Object> parts = TestData.submission(birth, WARD);
        if (document != null) {
            parts.replace("document0", document); // the first document is mandatory
        }
        ApiClient.Response created = citizen.postMultipart("/api/v1/dossiers", parts, null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("code").asString();
    }

    /** A dossier at its last step, ready for its result. */
    String readyForResult() {
        String code = submit(null);
        act(reception, code, "RECEIVE"); // and on to the specialist's step
        act(specialist, code, "FORWARD");
        act(leader, code, "APPROVE");
        return code;
    }

    void act(ApiClient who, String code, String action) {
        ApiClient.Response response = who.postJson("/api/v1/dossiers/" + code + "/actions", Map.of("action", action));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    String dossierStatus(String code) {
        return reception.get("/api/v1/dossiers/" + code).json().get("status").asString();
    }

    ApiClient.Response issue(String code, FilePart file) {
        Map<String, Object> parts = ApiClient.parts();
        parts.put("action", Map.of("action", "ISSUE_RESULT"));
        parts.put("file", file);
        return specialist.postMultipart("/api/v1/dossiers/" + code + "/actions", parts, null);
    }

    byte[] resultFile(String code) {
        JsonNode files = citizen.get("/api/v1/dossiers/" + code).json().get("files");
        long id = files.valueStream().filter(f -> f.get("kind").asString().equals("RESULT")).findFirst().orElseThrow()
                .get("id").asLong();
        return citizen.getBytes("/api/v1/dossiers/" + code + "/files/" + id);
    }

    JsonNode verify(byte[] file) {
        Map<String, Object> parts = ApiClient.parts();
        parts.put("file", new FilePart("ket-qua.pdf", "application/pdf", file));
        ApiClient.Response response = citizen.postMultipart("/api/v1/results/verify", parts, null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void aResultIsNumberedStampedSignedAndVerifiableByteForByte() throws Exception {
        String code = readyForResult();
        ApiClient.Response issued = issue(code, new FilePart("giay-khai-sinh.pdf", "application/pdf",
                TestData.realPdf("Giay khai sinh")));
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        String number = code + "-KQ1";

        byte[] signed = resultFile(code);
        Verdict verdict = PadesVerifier.verify(signed, keys.trustedAuthorities(), Instant.now());
        assertThat(verdict.status()).isEqualTo(Verdict.Status.VALID);
        assertThat(verdict.signer()).contains("Thuận Hóa");
        try (PDDocument pdf = Loader.loadPDF(signed)) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Giay khai sinh", "Kết quả điện tử số " + number, "BẢN TRÌNH DIỄN");
        }

        ApiClient.Response lookedUp = citizen.get("/api/v1/results/" + number);
        assertThat(lookedUp.status()).isEqualTo(200);
        JsonNode status = lookedUp.json();
        assertThat(status.get("sha256").asString()).isEqualTo(sha256(signed));
        assertThat(status.get("demo").asBoolean()).isTrue();
        assertThat(status.get("revoked").asBoolean()).isFalse();
        assertThat(status.toString()).doesNotContain("Công dân"); // never who it was issued to

        JsonNode good = verify(signed);
        assertThat(good.get("status").asString()).isEqualTo("VALID");
        assertThat(good.get("authentic").asBoolean()).isTrue();
        assertThat(good.get("result").get("number").asString()).isEqualTo(number);

        byte[] tampered = signed.clone();
        int at = indexOf(signed, "Giay khai sinh");
        tampered[at] = 'X';
        JsonNode bad = verify(tampered);
        assertThat(bad.get("status").asString()).isEqualTo("ALTERED");
        assertThat(bad.get("authentic").asBoolean()).isFalse();

        mvc.perform(multipart("/xac-thuc").file(new MockMultipartFile("tep", "kq.pdf", "application/pdf", signed)).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("đúng bản gốc của kết quả số " + number)));
        mvc.perform(multipart("/xac-thuc").file(new MockMultipartFile("tep", "kq.pdf", "application/pdf", tampered))
                        .with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Tệp đã bị thay đổi sau khi ký")));
        mvc.perform(multipart("/xac-thuc").with(csrf())).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Hãy chọn tệp PDF")));
        String page = Http.get(port, "/xac-thuc?so=" + number).body();
        assertThat(page).contains(number, "Còn hiệu lực", "Ủy ban nhân dân phường Thuận Hóa").doesNotContain("Công dân citizen");
    }

    @Test
    void withoutAFileTheResultIsLaidOutFromWhatTheOfficialWroteAndSigned() throws Exception {
        String code = readyForResult();
        ApiClient.Response issued = specialist.postJson("/api/v1/dossiers/" + code + "/actions",
                Map.of("action", "ISSUE_RESULT", "note", "Đồng ý đăng ký khai sinh cho cháu Nguyễn Văn An."));
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        byte[] signed = resultFile(code);
        assertThat(PadesVerifier.verify(signed, keys.trustedAuthorities(), Instant.now()).status())
                .isEqualTo(Verdict.Status.VALID);
        try (PDDocument pdf = Loader.loadPDF(signed)) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", "Đăng ký khai sinh",
                    "Đồng ý đăng ký khai sinh cho cháu Nguyễn Văn An.", "Kết quả điện tử số " + code + "-KQ1");
        }
    }

    @Test
    void aResultThatIsNotAReadablePdfIsRefusedAndChangesNothing() {
        String code = readyForResult();
        ApiClient.Response png = issue(code, new FilePart("kq.png", "image/png",
                new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0}));
        assertThat(png.status()).isEqualTo(400);
        assertThat(png.body()).contains("Kết quả điện tử phải là tệp PDF");
        ApiClient.Response broken = issue(code, FilePart.brokenPdf("hong.pdf"));
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.body()).contains("không đọc được");
        ApiClient.Response nothing = specialist.postJson("/api/v1/dossiers/" + code + "/actions",
                Map.of("action", "ISSUE_RESULT"));
        assertThat(nothing.status()).isEqualTo(409); // refused like any action missing what it needs
        assertThat(nothing.body()).contains("ghi nội dung kết quả");
        assertThat(dossierStatus(code)).isEqualTo("PROCESSING");
        assertThat(citizen.get("/api/v1/results/" + code + "-KQ1").status()).isEqualTo(404);
    }

    @Test
    void onlyALeaderOfTheIssuingAgencyRevokesAndVerificationThenSaysSo() {
        String code = readyForResult();
        assertThat(issue(code, new FilePart("kq.pdf", "application/pdf", TestData.realPdf("Ket qua"))).status())
                .isEqualTo(200);
        String number = code + "-KQ1";
        byte[] signed = resultFile(code);

        assertThat(specialist.postJson("/api/v1/results/" + number + "/revoke", Map.of("reason", "Sai tên")).status())
                .isEqualTo(403);
        accounts.official("leader-phuxuan", "000.31.02.H57", Role.LEADER);
        ApiClient otherLeader = ApiClient.signIn(port, "leader-phuxuan", TestData.PASSWORD);
        assertThat(otherLeader.postJson("/api/v1/results/" + number + "/revoke", Map.of("reason", "x")).status())
                .isEqualTo(403);
        assertThat(leader.postJson("/api/v1/results/" + number + "/revoke", Map.of("reason", " ")).status())
                .isEqualTo(400);

        ApiClient.Response revoked = leader.postJson("/api/v1/results/" + number + "/revoke",
                Map.of("reason", "Ghi sai ngày sinh"));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("revoked").asBoolean()).isTrue();
        assertThat(leader.postJson("/api/v1/results/" + number + "/revoke", Map.of("reason", "lại")).status())
                .isEqualTo(409);

        JsonNode check = verify(signed);
        assertThat(check.get("status").asString()).isEqualTo("VALID"); // the signature itself still holds
        assertThat(check.get("authentic").asBoolean()).isFalse();
        assertThat(check.get("result").get("revokeReason").asString()).isEqualTo("Ghi sai ngày sinh");
        assertThat(Http.get(port, "/xac-thuc?so=" + number).body()).contains("Đã thu hồi", "Ghi sai ngày sinh");
    }

    @Test
    void aSignedPdfUploadedWithADossierIsCheckedAndTheVerdictShownToOfficials() {
        String first = readyForResult();
        assertThat(issue(first, new FilePart("kq.pdf", "application/pdf", TestData.realPdf("Ban goc"))).status())
                .isEqualTo(200);
        byte[] signed = resultFile(first);
        byte[] tampered = signed.clone();
        tampered[indexOf(signed, "Ban goc")] = 'X';

        String good = submit(new FilePart("ban-sao-ky-so.pdf", "application/pdf", signed));
        String bad = submit(new FilePart("ban-sua.pdf", "application/pdf", tampered));
        JsonNode goodFile = reception.get("/api/v1/dossiers/" + good).json().get("files").get(0);
        JsonNode badFile = reception.get("/api/v1/dossiers/" + bad).json().get("files").get(0);
        assertThat(goodFile.get("signatureStatus").asString()).isEqualTo("VALID");
        assertThat(goodFile.get("signatureSigner").asString()).contains("Thuận Hóa");
        assertThat(badFile.get("signatureStatus").asString()).isEqualTo("ALTERED");
    }

    @Test
    void officialsSeeTheResultOnTheDossierPageAndALeaderRevokesItThere() throws Exception {
        String code = readyForResult();
        assertThat(issue(code, new FilePart("kq.pdf", "application/pdf", TestData.realPdf("Trang"))).status())
                .isEqualTo(200);
        String number = code + "-KQ1";
        mvc.perform(get("/quan-tri/ho-so/" + code).with(user(accounts.findUser("leader").orElseThrow())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(number)))
                .andExpect(content().string(containsString("/quan-tri/ket-qua/" + number + "/thu-hoi")));
        mvc.perform(get("/ho-so-cua-toi/" + code).with(user(accounts.findUser("citizen").orElseThrow())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/xac-thuc?so=" + number)))
                .andExpect(content().string(not(containsString("/thu-hoi"))));

        mvc.perform(post("/quan-tri/ket-qua/" + number + "/thu-hoi").param("reason", "Cấp nhầm")
                        .with(user(accounts.findUser("specialist").orElseThrow())).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/quan-tri/ket-qua/" + number + "/thu-hoi").param("reason", "Cấp nhầm")
                        .with(user(accounts.findUser("leader").orElseThrow())))
                .andExpect(status().isForbidden()); // no CSRF token
        mvc.perform(post("/quan-tri/ket-qua/" + number + "/thu-hoi").param("reason", "Cấp nhầm")
                        .with(user(accounts.findUser("leader").orElseThrow())).with(csrf()))
                .andExpect(status().isBadRequest()); // not confirmed: nothing revoked
        var notRevoked = citizen.get("/api/v1/results/" + number).json().get("revokeReason");
        assertThat(notRevoked == null || notRevoked.isNull()).isTrue();
        mvc.perform(post("/quan-tri/ket-qua/" + number + "/thu-hoi").param("reason", "Cấp nhầm").param("xacNhan", "true")
                        .with(user(accounts.findUser("leader").orElseThrow())).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/quan-tri/ho-so/" + code));
        assertThat(citizen.get("/api/v1/results/" + number).json().get("revokeReason").asString()).isEqualTo("Cấp nhầm");
    }

    static int indexOf(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        outer:
        for (int i = 0; i + n.length <= haystack.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found: " + needle);
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
