package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.motcua.catalog.CatalogService;
import vn.motcua.platform.security.GuessLimit;
import vn.motcua.platform.web.TooManyAttemptsException;
import vn.motcua.support.ApiClient;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestData;

/**
 * Public tracking cannot be brute-forced: a few wrong phone digits per code and many per address, then a wait (429 and
 * {@code Retry-After}), the same for an unknown code as for a wrong secret; and the applicant's own link (the QR code
 * of the receipt slip, the notices) opens the dossier at once with its random key, never counted as a guess.
 */
@IntegrationTest
class TrackingLookupTest {

    static final String WARD = "000.31.01.H57";
    static final String BIRTH = "1.001193";
    static final String CITIZEN_PHONE_DIGITS = "5678"; // the demo citizen's phone ends so

    @LocalServerPort int port;
    @Autowired CatalogService catalog;
    @Autowired JdbcClient jdbc;
    @Autowired GuessLimit guesses;

    final String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    final List<String> subjects = new ArrayList<>();
    String code;
    String key;

    @BeforeEach
    void aReceivedDossier() {
        code = TestData.receivedOnline(port, catalog.procedure(BIRTH).orElseThrow(), WARD);
        key = jdbc.sql("select tracking_key from dossier where code = ?").param(code).query(String.class).single();
        subjects.add(code);
    }

    @AfterEach
    void forgetTheGuesses() {
        // The guesses of this test came from this machine's address; other tests track from it too.
        jdbc.sql("delete from lookup_failure where subject in (:subjects) or subject like :run")
                .param("subjects", subjects).param("run", "%" + run + "%").update();
    }

    @Test
    void theTrackingPageOpenedWithNothingTypedShowsTheFormAndNoError() {
        HttpResponse<String> empty = Http.get(port, "/tra-cuu");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("name=\"ma\"", "name=\"sdt\"").doesNotContain("Không tìm thấy", "role=\"alert\"");
        // An old QR code, or a link with the code alone: the code is filled in, the phone is asked, no error.
        HttpResponse<String> codeOnly = Http.get(port, "/tra-cuu?ma=" + code);
        assertThat(codeOnly.statusCode()).isEqualTo(200);
        assertThat(codeOnly.body()).contains("value=\"" + code + "\"").doesNotContain("Không tìm thấy", "role=\"alert\"");
    }

    @Test
    void theKeyLinkOpensTheDossierWithNothingTypedAndShowsNoMoreThanTheTrackingPage() {
        assertThat(key).matches("[A-Za-z0-9_-]{24}");
        HttpResponse<String> page = Http.get(port, "/tra-cuu?ma=" + code + "&khoa=" + key);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Đăng ký khai sinh", "Đang giải quyết")
                .doesNotContain("Nguyễn Văn An", "0912345678", "role=\"alert\"");
        ApiClient.Response api = ApiClient.anonymous(port).get("/api/v1/tracking/" + code + "?key=" + key);
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.json().get("status").asString()).isEqualTo("PROCESSING"); // received and moved on
        assertThat(api.body()).doesNotContain("Nguyễn Văn An", "0912345678", key);

        // A key of another length or one character off opens nothing, exactly like an unknown code.
        String wrong = (key.charAt(0) == 'A' ? "B" : "A") + key.substring(1);
        assertThat(Http.get(port, "/tra-cuu?ma=" + code + "&khoa=" + wrong).body()).contains("Không tìm thấy hồ sơ");
        assertThat(ApiClient.anonymous(port).get("/api/v1/tracking/" + code + "?key=" + wrong).status()).isEqualTo(404);
        assertThat(ApiClient.anonymous(port).get("/api/v1/tracking/" + code + "?key=" + key.substring(1)).status())
                .isEqualTo(404);
    }

    @Test
    void aFewWrongPhoneDigitsPerCodeThenAWaitTheSameForAnUnknownCode() {
        String unknown = WARD + "-990101-" + run.substring(0, 4);
        subjects.add(unknown);
        ApiClient anyone = ApiClient.anonymous(port);
        for (int i = 0; i < 5; i++) {
            ApiClient.Response wrong = anyone.get("/api/v1/tracking/" + code + "?phone=000" + i);
            ApiClient.Response none = anyone.get("/api/v1/tracking/" + unknown + "?phone=000" + i);
            assertThat(wrong.status()).isEqualTo(404);
            assertThat(none.status()).isEqualTo(404);
            assertThat(wrong.json().get("message").asString()).isEqualTo(none.json().get("message").asString());
        }
        for (String c : List.of(code, unknown)) {
            HttpResponse<String> blocked = Http.get(port, "/api/v1/tracking/" + c + "?phone=" + CITIZEN_PHONE_DIGITS);
            assertThat(blocked.statusCode()).as(c).isEqualTo(429);
            long retryAfter = Long.parseLong(blocked.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retryAfter).isBetween(14 * 60L, 15 * 60L);
            assertThat(blocked.body()).contains("Đã nhập sai quá nhiều lần", "15 phút");
        }
        // The page says the same in Vietnamese, with 429 and the form to try later.
        HttpResponse<String> page = Http.get(port, "/tra-cuu?ma=" + code + "&sdt=" + CITIZEN_PHONE_DIGITS);
        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(page.headers().firstValue("Retry-After")).isPresent();
        assertThat(page.body()).contains("Đã nhập sai quá nhiều lần", "name=\"ma\"").doesNotContain("Đang giải quyết");

        // The applicant's own link is not a guess: it still opens the dossier.
        assertThat(anyone.get("/api/v1/tracking/" + code + "?key=" + key).status()).isEqualTo(200);
        assertThat(Http.get(port, "/tra-cuu?ma=" + code + "&khoa=" + key).body()).contains("Đang giải quyết");
    }

    @Test
    void aRightAnswerIsNotAGuess() {
        ApiClient anyone = ApiClient.anonymous(port);
        for (int i = 0; i < 8; i++) {
            assertThat(anyone.get("/api/v1/tracking/" + code + "?phone=" + CITIZEN_PHONE_DIGITS).status()).isEqualTo(200);
        }
        assertThat(jdbc.sql("select count(*) from lookup_failure where subject = ?").param(code)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void manyWrongGuessesFromOneAddressAcrossCodesMakeItWait() {
        String address = "203.0.113." + (1 + Math.abs(run.hashCode() % 250));
        for (int i = 0; i < 30; i++) {
            String subject = "ADDR-" + run + "-" + i;
            assertThat(guesses.attempt("DOSSIER", subject, address, Optional::empty)).isEmpty();
        }
        assertThatThrownBy(() -> guesses.attempt("DOSSIER", "ADDR-" + run + "-next", address, () -> Optional.of("x")))
                .isInstanceOfSatisfying(TooManyAttemptsException.class,
                        e -> assertThat(e.retryAfterSeconds()).isBetween(59 * 60L, 3600L));
        // Another address is not held back.
        assertThat(guesses.attempt("DOSSIER", "ADDR-" + run + "-next", address + "0", () -> Optional.of("x")))
                .contains("x");
    }

    @Test
    void theReceiptSlipAndTheNoticesCarryTheKeyLink() throws Exception {
        ApiClient reception = ApiClient.signIn(port, "reception", "demo123");
        byte[] slip = reception.getBytes("/api/v1/dossiers/" + code + "/forms/01");
        assertThat(text(slip)).contains("/tra-cuu?ma=" + code + "&khoa=" + key);

        List<String> bodies = await("the reception notices").atMost(Duration.ofSeconds(20)).until(() ->
                jdbc.sql("select body from notification_delivery where dossier_code = ? and event_kind = 'RECEIVED'")
                        .param(code).query(String.class).list(), found -> !found.isEmpty());
        assertThat(bodies).isNotEmpty().allSatisfy(body -> assertThat(body).contains("&khoa=" + key));
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", "");
        }
    }
}
