package vn.motcua.identity.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.motcua.identity.internal.oidc.TestIdentityProvider;
import vn.motcua.support.AlternativeIntegrationTest;
import vn.motcua.support.PageClient;

/**
 * The demo's national sign-in end to end, as the README's demo step tells a newcomer: the application (with no citizen
 * provider configured) sends the browser to its own labelled test identity provider, whose two test identities sign in
 * through the real authorization-code flow with PKCE: one creates an account, the other is the demo account
 * {@code citizen}, linked once its password is confirmed.
 */
@AlternativeIntegrationTest
class DemoNationalSignInTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired TestIdentityProvider provider;

    @Test
    void aTestIdentityWithoutAnAccountGetsOneAtItsFirstSignIn() {
        PageClient browser = new PageClient(port);
        assertThat(browser.get("/dang-nhap").body())
                .contains("Đăng nhập bằng tài khoản định danh điện tử (thử nghiệm)");

        HttpResponse<String> back = choose(browser, TestIdentities.CHAU.key());
        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location")).hasValue("/");

        assertThat(browser.get("/ho-so-cua-toi").statusCode()).isEqualTo(200);
        Map<String, Object> account = jdbc.sql("""
                select a.full_name, a.date_of_birth::text as born from account a
                join account_identity_link l on l.account_id = a.id where a.id_number = ?""")
                .param(TestIdentities.CHAU.idNumber()).query().singleRow();
        assertThat(account).containsEntry("full_name", "Lê Minh Châu").containsEntry("born", "1998-03-21");

        // Signing out of the portal signs out at the provider too.
        browser.get("/ho-so-cua-toi");
        HttpResponse<String> out = browser.post("/dang-xuat", Map.of());
        assertThat(out.headers().firstValue("Location").orElseThrow())
                .startsWith(provider.issuer() + "/endsession").contains("id_token_hint=");
    }

    @Test
    void theDemoCitizensIdentityIsLinkedToTheirAccountOnceItsPasswordIsConfirmed() {
        PageClient browser = new PageClient(port);
        HttpResponse<String> back = choose(browser, TestIdentities.AN.key());
        assertThat(back.headers().firstValue("Location").orElseThrow()).contains("/dang-nhap/lien-ket");
        assertThat(browser.get("/dang-nhap/lien-ket").body()).contains("citizen");

        HttpResponse<String> wrong = browser.post("/dang-nhap/lien-ket", Map.of("password", "not-the-password"));
        assertThat(wrong.statusCode()).isNotEqualTo(500);
        assertThat(links("citizen")).isZero();

        browser.get("/dang-nhap/lien-ket");
        HttpResponse<String> linked = browser.post("/dang-nhap/lien-ket", Map.of("password", "demo123"));
        assertThat(linked.statusCode()).isEqualTo(302);
        assertThat(links("citizen")).isOne();
        assertThat(browser.get("/ho-so-cua-toi").statusCode()).isEqualTo(200);

        // The next time, straight in.
        HttpResponse<String> again = choose(new PageClient(port), TestIdentities.AN.key());
        assertThat(again.headers().firstValue("Location")).hasValue("/");
    }

    /** Presses the test button, chooses a test identity on the provider's page, and returns to the portal. */
    private HttpResponse<String> choose(PageClient browser, String identity) {
        HttpResponse<String> start = browser.get("/oauth2/authorization/citizen");
        assertThat(start.statusCode()).isEqualTo(302);
        String authorize = start.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).startsWith(provider.issuer().toString()).contains("code_challenge=");
        assertThat(browser.get(authorize).body()).contains(TestIdentities.AN.fullName(), TestIdentities.CHAU.fullName());
        String callback = browser.post(authorize, Map.of("identity", identity)).headers().firstValue("Location")
                .orElseThrow();
        assertThat(callback).contains("/login/oauth2/code/citizen?");
        return browser.get(callback);
    }

    private int links(String username) {
        return jdbc.sql("""
                select count(*) from account_identity_link l join account a on a.id = l.account_id
                where a.username = ?""").param(username).query(Integer.class).single();
    }
}
