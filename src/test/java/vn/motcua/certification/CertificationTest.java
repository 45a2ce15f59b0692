package vn.motcua.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;

import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.identity.internal.AccountRepository;
import vn.motcua.identity.internal.AccountRepository.NewAccount;
import vn.motcua.platform.web.UserFacingException;
import vn.motcua.platform.web.VietnamTime;
import vn.motcua.reporting.IndicatorScore;
import vn.motcua.reporting.ReportingService;
import vn.motcua.result.internal.ResultKeys;
import vn.motcua.result.signing.PadesVerifier;
import vn.motcua.result.signing.Verdict;
import vn.motcua.support.Accounts;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.PageCsrf;
import vn.motcua.support.TestData;
import vn.motcua.wallet.StoredDocument;
import vn.motcua.wallet.WalletService;

/**
 * Certified copies at communes no other test certifies in (Phong Điền, Quảng Điền, A Lưới 2, Phú Lộc, Phú Vang), one
 * book per test: issued signed
 * and numbered through the counter's page, verified byte for byte on /xac-thuc, put in the applicant's data store,
 * kept from other communes, and counted in the service index's MDSH3.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertificationTest {

    static final String QUANG_DIEN = "000.31.12.H57", A_LUOI = "000.31.13.H57", PHU_LOC = "000.31.11.H57",
            PHU_VANG = "000.31.10.H57", PHONG_DIEN = "000.31.09.H57";
    static final String APPLICANT_ID = "046199012377";

    @Autowired MockMvc mvc;
    @Autowired WebApplicationContext context;
    @Autowired Accounts accounts;
    @Autowired AccountRepository accountRepository;
    @Autowired CertificationService certification;
    @Autowired WalletService wallet;
    @Autowired ReportingService reporting;
    @Autowired ResultKeys keys;

    CurrentUser official, elsewhere, phuLoc, phuVang, phongDien;

    @BeforeAll
    void people() {
        accounts.official("ct-quangdien", QUANG_DIEN, Role.RECEPTION);
        accounts.official("ct-aluoi", A_LUOI, Role.LEADER);
        accounts.official("ct-phuloc", PHU_LOC, Role.RECEPTION);
        accounts.official("ct-phuvang", PHU_VANG, Role.RECEPTION);
        accounts.official("ct-phongdien", PHONG_DIEN, Role.RECEPTION);
        if (!accountRepository.exists("ct-applicant")) {
            accountRepository.insert(new NewAccount("ct-applicant", "Hồ Thị Lan", Set.of(Role.CITIZEN), null, null,
                    APPLICANT_ID, null, null, null, null), "{noop}unused", false);
        }
        official = accounts.findUser("ct-quangdien").orElseThrow();
        elsewhere = accounts.findUser("ct-aluoi").orElseThrow();
        phuLoc = accounts.findUser("ct-phuloc").orElseThrow();
        phuVang = accounts.findUser("ct-phuvang").orElseThrow();
        phongDien = accounts.findUser("ct-phongdien").orElseThrow();
    }

    @AfterAll
    void restoreCsrf() {
        PageCsrf.restore(context);
    }

    @Test
    void copiesAreNumberedInTheBookSignedAndVerifiableByteForByte() throws Exception {
        // 1: an electronic copy of a PDF through the counter's page.
        MvcResult posted = mvc.perform(multipart("/quan-tri/chung-thuc")
                        .file(new MockMultipartFile("tep", "khai-sinh.pdf", "application/pdf", TestData.realPdf("Giay khai sinh goc")))
                        .param("hoTen", "Hồ Thị Lan").param("soGiayTo", APPLICANT_ID).param("giayTo", "Giấy khai sinh")
                        .param("loai", "DIEN_TU").param("daDoiChieu", "true").with(user(phongDien)).with(csrf()))
                .andReturn();
        assertThat(posted.getResponse().getStatus()).as(posted.getResponse().getContentAsString()).isEqualTo(302);
        long first = Long.parseLong(posted.getResponse().getRedirectedUrl().replaceAll(".*/", ""));
        // 2: a paper copy of five pages; 3: an electronic copy of a photographed page.
        CertifiedCopy paper = certification.certify(new CopyRequest("Phan Văn Minh", "046088001122", "Bằng tốt nghiệp",
                false, true, 5, null, null), phongDien);
        CertifiedCopy photo = certification.certify(new CopyRequest("Phan Văn Minh", "046088001122", "Sổ hộ khẩu",
                true, true, null, "so.png", png()), phongDien);

        int year = LocalDate.now(VietnamTime.ZONE).getYear();
        List<CertifiedCopy> book = certification.book(PHONG_DIEN, year, phongDien);
        assertThat(book).extracting(CertifiedCopy::number).containsExactly(1, 2, 3);
        assertThat(book).extracting(CertifiedCopy::fee).containsExactly(2_000L, 7_000L, 2_000L);
        assertThat(book.getFirst().id()).isEqualTo(first);
        assertThat(book.getFirst().book()).isEqualTo("01/" + year + "-SCT/BS");
        assertThat(paper.sha256()).isNull();
        assertThat(photo.pages()).isEqualTo(1);

        byte[] signed = certification.copy(first, phongDien);
        assertThat(PadesVerifier.verify(signed, keys.trustedAuthorities(), Instant.now()).status())
                .isEqualTo(Verdict.Status.VALID);
        try (PDDocument pdf = Loader.loadPDF(signed)) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(2); // the scan, then the certification page
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Giay khai sinh goc", "CHỨNG THỰC BẢN SAO ĐÚNG VỚI BẢN CHÍNH", "Số chứng thực:",
                    "01/" + year + "-SCT/BS", "Cán bộ ct-phongdien", "2.000");
            // The reference beside the QR code ends with the number; a long line may wrap inside it.
            assertThat(text.replaceAll("\\s+", "")).contains(PHONG_DIEN + "-CT" + year + "-1");
        }
        assertThat(PadesVerifier.verify(certification.copy(photo.id(), phongDien), keys.trustedAuthorities(),
                Instant.now()).status()).isEqualTo(Verdict.Status.VALID);

        String verified = verify(signed);
        assertThat(verified).contains("đúng bản sao điện tử đã chứng thực", "Bản sao điện tử được chứng thực từ bản chính",
                "Cán bộ ct-phongdien", book.getFirst().reference(), book.getFirst().sha256());
        byte[] altered = signed.clone();
        int at = new String(signed, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("Giay khai sinh goc");
        altered[at >= 0 ? at : signed.length / 3] ^= 0x01;
        String refused = verify(altered);
        assertThat(refused).contains("Tệp đã bị thay đổi sau khi ký").doesNotContain("đúng bản sao điện tử");

        String byNumber = mvc.perform(get("/xac-thuc").param("so", book.getFirst().reference()))
                .andReturn().getResponse().getContentAsString();
        assertThat(byNumber).contains("Bản sao điện tử được chứng thực từ bản chính", "Cán bộ ct-phongdien")
                .doesNotContain("Hồ Thị Lan");

        String bookPage = mvc.perform(get("/quan-tri/chung-thuc/so/" + PHONG_DIEN).with(user(phongDien)))
                .andReturn().getResponse().getContentAsString();
        assertThat(bookPage).contains("Hồ Thị Lan", "Bằng tốt nghiệp", "Sổ hộ khẩu");
        MvcResult printed = mvc.perform(get("/quan-tri/chung-thuc/so/" + PHONG_DIEN + "/in.pdf").with(user(phongDien)))
                .andReturn();
        assertThat(printed.getResponse().getStatus()).isEqualTo(200);
        try (PDDocument pdf = Loader.loadPDF(printed.getResponse().getContentAsByteArray())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("SỔ CHỨNG THỰC BẢN SAO TỪ BẢN CHÍNH", "Hồ Thị Lan");
        }
    }

    @Test
    void theApplicantsDataStoreGetsTheCopyForLaterDossiers() {
        CertifiedCopy copy = certification.certify(new CopyRequest("Hồ Thị Lan", APPLICANT_ID, "Giấy khai sinh", true,
                true, null, "ks.pdf", TestData.realPdf("Ban chinh giay khai sinh")), official);
        assertThat(copy.applicantAccount()).isEqualTo("ct-applicant");
        await().atMost(Duration.ofSeconds(20)).until(() -> wallet.documents("ct-applicant").stream()
                .anyMatch(d -> d.source().contains(copy.reference())));
        StoredDocument stored = wallet.documents("ct-applicant").stream()
                .filter(d -> d.source().contains(copy.reference())).findFirst().orElseThrow();
        assertThat(stored.type()).isEqualTo("BIRTH_CERTIFICATE");
        assertThat(wallet.content("ct-applicant", stored.id())).isEqualTo(certification.copy(copy.id(), official));
        // A later submission asking for a birth certificate offers it.
        assertThat(wallet.fitting("ct-applicant", List.of("Bản sao Giấy khai sinh")).get(0))
                .extracting(StoredDocument::id).contains(stored.id());
    }

    @Test
    void anotherCommunesOfficialCannotSeeTheBook() throws Exception {
        CertifiedCopy copy = certification.certify(new CopyRequest("Lê Văn Tư", "046077003344", "Giấy chứng minh",
                false, true, 1, null, null), official);
        int year = LocalDate.now(VietnamTime.ZONE).getYear();
        assertThat(mvc.perform(get("/quan-tri/chung-thuc/so/" + QUANG_DIEN).param("nam", "" + year).with(user(elsewhere)))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/quan-tri/chung-thuc/so/" + QUANG_DIEN + "/in.pdf").with(user(elsewhere)))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/quan-tri/chung-thuc/" + copy.id()).with(user(elsewhere)))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThatThrownBy(() -> certification.book(QUANG_DIEN, year, elsewhere)).isInstanceOf(UserFacingException.class)
                .extracting(e -> ((UserFacingException) e).status().value()).isEqualTo(404);
        // Its own book is there, and does not hold the other commune's entries.
        assertThat(certification.book(A_LUOI, year, elsewhere)).noneMatch(c -> c.id() == copy.id());
    }

    @Test
    void badInputIsRefusedWithAMessageAndTakesNoNumber() throws Exception {
        int year = LocalDate.now(VietnamTime.ZONE).getYear();
        MvcResult unchecked = mvc.perform(multipart("/quan-tri/chung-thuc")
                        .file(new MockMultipartFile("tep", "a.pdf", "application/pdf", TestData.realPdf("A")))
                        .param("hoTen", "Hồ Thị Lan").param("soGiayTo", APPLICANT_ID).param("giayTo", "Giấy khai sinh")
                        .with(user(phuVang)).with(csrf())).andReturn();
        assertThat(unchecked.getResponse().getStatus()).isEqualTo(400);
        assertThat(unchecked.getResponse().getContentAsString()).contains("đã đối chiếu bản chụp với bản chính");
        MvcResult disguised = mvc.perform(multipart("/quan-tri/chung-thuc")
                        .file(new MockMultipartFile("tep", "a.pdf", "application/pdf",
                                "<html><script>alert(1)</script></html>".getBytes()))
                        .param("hoTen", "Hồ Thị Lan").param("soGiayTo", APPLICANT_ID).param("giayTo", "Giấy khai sinh")
                        .param("daDoiChieu", "true").with(user(phuVang)).with(csrf())).andReturn();
        assertThat(disguised.getResponse().getStatus()).isEqualTo(400);
        assertThatThrownBy(() -> certification.certify(new CopyRequest("A", "12345", "B", false, true, 1, null, null),
                phuVang)).isInstanceOf(UserFacingException.class);
        assertThatThrownBy(() -> certification.certify(new CopyRequest("A", APPLICANT_ID, "B", false, true, 0, null, null),
                phuVang)).isInstanceOf(UserFacingException.class);
        MvcResult notOfficial = mvc.perform(get("/quan-tri/chung-thuc").with(user(accounts.findUser("specialist").orElseThrow())))
                .andReturn();
        assertThat(notOfficial.getResponse().getStatus()).isEqualTo(403);

        // Eight certifications at once in one book: numbers 1 to 8, none twice, none skipped.
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<CertifiedCopy>> done = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<CertifiedCopy> one = () -> certification.certify(new CopyRequest("Người " + Thread.currentThread().getName(),
                        APPLICANT_ID, "Giấy tờ", false, true, 3, null, null), phuVang);
                done.add(pool.submit(one));
            }
            for (Future<CertifiedCopy> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(certification.book(PHU_VANG, year, phuVang)).extracting(CertifiedCopy::number)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void theServiceIndexMeasuresMdsh3FromTheBooks() {
        certification.certify(new CopyRequest("A", "046000000001", "Học bạ", true, true, null, "hb.pdf",
                TestData.realPdf("Hoc ba")), phuLoc);
        certification.certify(new CopyRequest("B", "046000000002", "Học bạ", false, true, 4, null, null), phuLoc);
        LocalDate today = LocalDate.now(VietnamTime.ZONE);
        IndicatorScore mdsh3 = reporting.index(PHU_LOC, today, today, Locale.forLanguageTag("vi")).groups().stream()
                .flatMap(g -> g.indicators().stream()).filter(i -> i.code().equals("MDSH3")).findFirst().orElseThrow();
        assertThat(mdsh3.measured()).isTrue();
        assertThat(mdsh3.numerator()).isEqualTo(1);
        assertThat(mdsh3.denominator()).isEqualTo(2);
        assertThat(mdsh3.points()).isEqualTo(1.0); // 50% of 2 points at a 100% threshold
    }

    private String verify(byte[] file) throws Exception {
        return mvc.perform(multipart("/xac-thuc").file(new MockMultipartFile("tep", "ban-sao.pdf", "application/pdf", file))
                .with(csrf())).andReturn().getResponse().getContentAsString();
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(400, 600, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.fillRect(20, 20, 360, 560);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
