package vn.motcua.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.motcua.identity.internal.AccountRepository;
import vn.motcua.identity.internal.AccountRepository.NewAccount;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.PageClient;
import vn.motcua.support.Peers;

/**
 * Sign-in with the national identity and the province's provider, driven as a browser does (cookies, redirects)
 * through a real OpenID provider on loopback (mock-oauth2-server, see {@link Peers#OIDC}). Each refusal is a clear
 * Vietnamese page with a fitting status, and leaves the number of accounts and links as it was.
 */
@IntegrationTest
class NationalSignInTest {

    private static final AtomicLong NUMBERS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired AccountRepository accounts;
    @Autowired PasswordEncoder passwords;

    @Test
    void theLoginPageOffersBothProviders() {
        String page = new PageClient(port).get("/dang-nhap").body();
        assertThat(page).contains("Đăng nhập bằng tài khoản định danh điện tử")
                .contains("Cán bộ đăng nhập bằng tài khoản của tỉnh").doesNotContain("(thử nghiệm)")
                .contains("href=\"/oauth2/authorization/citizen\"");
    }

    @Test
    void firstSignInCreatesAndLinksTheAccountAndLaterSignInsFindIt() {
        String idNumber = idNumber();
        String subject = "vneid-" + UUID.randomUUID();
        Counts before = counts();
        PageClient browser = new PageClient(port);
        HttpResponse<String> back = signIn(browser, citizen(subject, Map.of("SoDinhDanh", idNumber,
                "HoVaTen", "Nguyễn Văn Định", "NgaySinh", "02/09/1990", "SoDienThoai", "0912345678",
                "ThuDienTu", "dinh@example.vn")));
        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location")).hasValue("/");
        assertThat(counts()).isEqualTo(new Counts(before.accounts() + 1, before.links() + 1));
        Map<String, Object> account = jdbc.sql("""
                select a.username, a.full_name, a.date_of_birth::text as born, a.phone, a.email,
                       array_to_string(array(select role from account_role r where r.account_id = a.id), ',') as roles
                from account a join account_identity_link l on l.account_id = a.id where l.subject = ?""")
                .param(subject).query().singleRow();
        assertThat(account).containsEntry("username", idNumber).containsEntry("full_name", "Nguyễn Văn Định")
                .containsEntry("born", "1990-09-02").containsEntry("phone", "0912345678")
                .containsEntry("email", "dinh@example.vn").containsEntry("roles", "CITIZEN");
        // The session holds the account as after a password sign-in: an applicant's page opens.
        assertThat(browser.get("/ho-so-cua-toi").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("""
                select count(*) from (select actor, action from audit_pending
                                      union all select actor, action from audit_entry) e
                where actor = ? and action = 'LOGIN'""").param(idNumber).query(Integer.class).single()).isEqualTo(1);

        // Later: found by the link, even with other claims; nothing new.
        HttpResponse<String> again = signIn(new PageClient(port), citizen(subject, Map.of("SoDinhDanh", idNumber,
                "HoVaTen", "Nguyễn Văn Định", "ThuDienTu", "other@example.vn")));
        assertThat(again.headers().firstValue("Location")).hasValue("/");
        assertThat(counts()).isEqualTo(new Counts(before.accounts() + 1, before.links() + 1));
    }

    @Test
    void aTaxCodeMakesTheApplicantABusiness() {
        String subject = "vneid-" + UUID.randomUUID();
        signIn(new PageClient(port), citizen(subject, Map.of("SoDinhDanh", idNumber(), "HoVaTen", "Trần Thị Doanh",
                "MaSoThue", "3300123456")));
        assertThat(jdbc.sql("""
                select r.role from account_role r join account_identity_link l on l.account_id = r.account_id
                where l.subject = ?""").param(subject).query(String.class).list()).containsExactly("BUSINESS");
    }

    @Test
    void anExistingLocalAccountIsLinkedOnlyAfterItsPasswordIsConfirmed() {
        String idNumber = idNumber();
        String username = "local-" + idNumber;
        accounts.insert(new NewAccount(username, "Lê Văn Cũ", EnumSet.of(Role.CITIZEN), "cu@example.vn", "0900000001",
                idNumber, null, "Huế", null, null), passwords.encode("mat-khau-cu-1"), false);
        String subject = "vneid-" + UUID.randomUUID();
        Counts before = counts();
        PageClient browser = new PageClient(port);
        HttpResponse<String> back = signIn(browser, citizen(subject, Map.of("SoDinhDanh", idNumber, "HoVaTen", "Lê Văn Cũ",
                // the same email as another account means nothing: accounts are never matched by email or phone
                "ThuDienTu", "cu@example.vn")));
        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(back.headers().firstValue("Location")).hasValue("/dang-nhap/lien-ket");
        assertThat(counts()).isEqualTo(before);
        assertThat(browser.get("/dang-nhap/lien-ket").body()).contains(username);

        HttpResponse<String> wrong = browser.post("/dang-nhap/lien-ket", Map.of("password", "not-it"));
        assertThat(wrong.headers().firstValue("Location").orElseThrow()).contains("/dang-nhap/lien-ket?loi=sai");
        assertThat(browser.get("/dang-nhap/lien-ket?loi=sai").body()).contains("Mật khẩu không đúng");
        assertThat(counts()).isEqualTo(before);
        assertThat(browser.get("/ho-so-cua-toi").statusCode()).isNotEqualTo(200);

        HttpResponse<String> right = browser.post("/dang-nhap/lien-ket", Map.of("password", "mat-khau-cu-1"));
        assertThat(right.headers().firstValue("Location").orElseThrow()).endsWith("/");
        assertThat(counts()).isEqualTo(new Counts(before.accounts(), before.links() + 1));
        assertThat(browser.get("/ho-so-cua-toi").statusCode()).isEqualTo(200);
        assertThat(browser.get("/dang-nhap/lien-ket").body()).contains("Không có tài khoản định danh điện tử nào đang chờ");
        // From now on the provider's sign-in goes straight in.
        assertThat(signIn(new PageClient(port), citizen(subject, Map.of("SoDinhDanh", idNumber, "HoVaTen", "Lê Văn Cũ")))
                .headers().firstValue("Location")).hasValue("/");
        assertThat(jdbc.sql("select a.username from account a join account_identity_link l on l.account_id = a.id "
                + "where l.subject = ?").param(subject).query(String.class).single()).isEqualTo(username);
    }

    @Test
    void aMissingOrMalformedIdNumberIsRefusedAndCreatesNothing() {
        Counts before = counts();
        for (Map<String, Object> claims : List.of(Map.<String, Object>of("HoVaTen", "Không Số"),
                Map.<String, Object>of("HoVaTen", "Sai Số", "SoDinhDanh", "12345"))) {
            HttpResponse<String> page = signIn(new PageClient(port), citizen("vneid-" + UUID.randomUUID(), claims));
            assertThat(page.statusCode()).isEqualTo(403);
            assertThat(page.body()).contains("Tài khoản định danh điện tử không cung cấp số định danh cá nhân hợp lệ");
        }
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aWrongStateIsRefused() {
        Counts before = counts();
        PageClient browser = new PageClient(port);
        String callback = toCallback(browser, "citizen");
        HttpResponse<String> page = browser.get(callback.replaceFirst("state=[^&]+", "state=forged"));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("Phiên đăng nhập với nhà cung cấp định danh không còn hiệu lực");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aReusedCodeAndAReplayedIdTokenAreRefused() {
        String idNumber = idNumber();
        PageClient browser = new PageClient(port);
        Peers.OIDC.enqueueCallback(citizen("vneid-" + UUID.randomUUID(), Map.of("SoDinhDanh", idNumber, "HoVaTen", "Một Lần")));
        String callback = toCallback(browser, "citizen");
        assertThat(browser.get(callback).headers().firstValue("Location")).hasValue("/");
        Counts before = counts();
        HttpResponse<String> reused = browser.get(callback);
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(reused.body()).contains("đã được dùng");

        // A code (so its ID token, with the other sign-in's nonce) brought to another browser's sign-in.
        PageClient victim = new PageClient(port);
        String theirs = toCallback(victim, "citizen");
        String stolen = toCallback(new PageClient(port), "citizen");
        HttpResponse<String> replayed = victim.get(theirs.replaceFirst("code=[^&]+", "code=" + param(stolen, "code")));
        assertThat(replayed.statusCode()).isEqualTo(401);
        assertThat(replayed.body()).contains("Không xác thực được thông tin đăng nhập");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aTamperedIdTokenIsRefused() throws Exception {
        Counts before = counts();
        PageClient browser = new PageClient(port);
        String authorize = browser.get("/oauth2/authorization/citizen").headers().firstValue("Location").orElseThrow();
        String callback = browser.get(authorize).headers().firstValue("Location").orElseThrow();
        Map<String, Object> claims = new HashMap<>(Map.of("SoDinhDanh", idNumber(), "HoVaTen", "Giả Mạo",
                "nonce", param(authorize, "nonce")));
        String token = Peers.OIDC.issueToken(Peers.OIDC_CITIZEN_ISSUER, Peers.OIDC_CITIZEN_CLIENT,
                new DefaultOAuth2TokenCallback(Peers.OIDC_CITIZEN_ISSUER, "vneid-tampered", "JWT",
                        List.of(Peers.OIDC_CITIZEN_CLIENT), claims, 3600)).serialize();
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("Giả Mạo", "Người Khác");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        Peers.answerNextTokenRequest(200, "application/json", "{\"access_token\":\"" + token
                + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"openid profile\",\"id_token\":\""
                + tampered + "\"}");
        HttpResponse<String> page = browser.get(callback);
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.body()).contains("Không xác thực được thông tin đăng nhập");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void anExpiredIdTokenIsRefused() {
        Counts before = counts();
        Peers.OIDC.enqueueCallback(new DefaultOAuth2TokenCallback(Peers.OIDC_CITIZEN_ISSUER, "vneid-expired", "JWT",
                List.of(Peers.OIDC_CITIZEN_CLIENT), Map.of("SoDinhDanh", idNumber(), "HoVaTen", "Hết Hạn"), -3600));
        PageClient browser = new PageClient(port);
        HttpResponse<String> page = browser.get(toCallback(browser, "citizen"));
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.body()).contains("Không xác thực được thông tin đăng nhập");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void theProviderDownAtSignInIsA503AndTouchesNothing() {
        Counts before = counts();
        PageClient browser = new PageClient(port);
        String callback = toCallback(browser, "citizen");
        // 502: a gateway in front of a provider that is down (HTTP clients may retry a 503 on their own)
        Peers.answerNextTokenRequest(502, "text/plain", "provider down");
        HttpResponse<String> page = browser.get(callback);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(503);
        assertThat(page.body()).contains("Hiện không kết nối được với nhà cung cấp định danh");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void logoutOfAProviderSessionEndsTheProviderSessionToo() {
        PageClient browser = new PageClient(port);
        signIn(browser, citizen("vneid-" + UUID.randomUUID(), Map.of("SoDinhDanh", idNumber(), "HoVaTen", "Ra Về")));
        browser.get("/ho-so-cua-toi"); // a page with the logout form's CSRF token
        String to = browser.post("/dang-xuat", Map.of()).headers().firstValue("Location").orElseThrow();
        assertThat(to).startsWith(Peers.OIDC.endSessionEndpointUrl(Peers.OIDC_CITIZEN_ISSUER).toString())
                .contains("id_token_hint=").contains("post_logout_redirect_uri=");
        assertThat(URLDecoder.decode(param(to, "post_logout_redirect_uri"), StandardCharsets.UTF_8))
                .isEqualTo("http://localhost:" + port + "/");
        assertThat(browser.get("/ho-so-cua-toi").statusCode()).isNotEqualTo(200);

        // A password session logs out as before.
        PageClient local = new PageClient(port);
        local.signIn("citizen", "demo123");
        local.get("/ho-so-cua-toi");
        assertThat(local.post("/dang-xuat", Map.of()).headers().firstValue("Location"))
                .hasValue("/dang-nhap?da-dang-xuat");
    }

    @Test
    void anOfficialWithAStaffRecordSignsInAndOneWithoutIsTurnedAway() {
        PageClient official = new PageClient(port);
        Peers.OIDC.enqueueCallback(new DefaultOAuth2TokenCallback(Peers.OIDC_STAFF_ISSUER, "kc-reception", "JWT",
                List.of(Peers.OIDC_STAFF_CLIENT), Map.of("preferred_username", "reception", "groups", List.of("/motcua")),
                3600));
        assertThat(official.get(toCallback(official, "staff")).headers().firstValue("Location")).hasValue("/");
        assertThat(official.get("/quan-tri").statusCode()).isEqualTo(200);

        if (!accounts.exists("oidc-no-record")) {
            accounts.insert(new NewAccount("oidc-no-record", "Cán bộ chưa có hồ sơ", EnumSet.of(Role.RECEPTION), null,
                    null, null, null, null, null, null), passwords.encode("x-unused-1"), false);
        }
        Counts before = counts();
        for (String username : List.of("oidc-no-record", "citizen", "nobody-at-all")) {
            PageClient browser = new PageClient(port);
            Peers.OIDC.enqueueCallback(new DefaultOAuth2TokenCallback(Peers.OIDC_STAFF_ISSUER, "kc-" + username, "JWT",
                    List.of(Peers.OIDC_STAFF_CLIENT), Map.of("preferred_username", username), 3600));
            HttpResponse<String> page = browser.get(toCallback(browser, "staff"));
            assertThat(page.statusCode()).as(username).isEqualTo(403);
            assertThat(page.body()).contains("Tài khoản này chưa được gắn với hồ sơ cán bộ nào");
            assertThat(browser.get("/quan-tri").statusCode()).isNotEqualTo(200);
        }
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void anUnknownRegistrationIsNoPage() {
        assertThat(new PageClient(port).get("/oauth2/authorization/nowhere").statusCode()).isEqualTo(404);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    record Counts(long accounts, long links) {
    }

    private Counts counts() {
        return new Counts(jdbc.sql("select count(*) from account").query(Long.class).single(),
                jdbc.sql("select count(*) from account_identity_link").query(Long.class).single());
    }

    /** A 12-digit ID number no other test uses (Huế's province code 046 first). */
    private static String idNumber() {
        return "046" + String.format("%09d", NUMBERS.incrementAndGet() % 1_000_000_000L);
    }

    private static DefaultOAuth2TokenCallback citizen(String subject, Map<String, Object> claims) {
        return new DefaultOAuth2TokenCallback(Peers.OIDC_CITIZEN_ISSUER, subject, "JWT",
                List.of(Peers.OIDC_CITIZEN_CLIENT), claims, 3600);
    }

    /** The whole round: to the provider, back with the code; the answer of the callback. */
    private HttpResponse<String> signIn(PageClient browser, DefaultOAuth2TokenCallback identity) {
        Peers.OIDC.enqueueCallback(identity);
        return browser.get(toCallback(browser, "citizen"));
    }

    /** Starts a sign-in and lets the provider answer: the callback address it sends the browser back to. */
    private static String toCallback(PageClient browser, String registration) {
        HttpResponse<String> start = browser.get("/oauth2/authorization/" + registration);
        assertThat(start.statusCode()).isEqualTo(302);
        String authorize = start.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).contains("code_challenge=").contains("code_challenge_method=S256").contains("nonce=")
                .contains("state=");
        String callback = browser.get(authorize).headers().firstValue("Location").orElseThrow();
        assertThat(callback).contains("/login/oauth2/code/" + registration + "?");
        return callback;
    }

    private static String param(String url, String name) {
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        throw new AssertionError(name + " not in " + url);
    }
}
