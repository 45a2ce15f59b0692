package vn.motcua.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;

import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.PageClient;
import vn.motcua.support.PageCsrf;

/**
 * Behind a TLS-terminating proxy (which says so with X-Forwarded-Proto) cookies are Secure and HSTS is sent; no
 * visitor gets a database session before signing in.
 */
@IntegrationTest
class TransportSecurityTest {

    static final String[] HTTPS = {"X-Forwarded-Proto", "https"};

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired WebApplicationContext context;

    @BeforeEach
    void applicationCsrfTokens() {
        PageCsrf.restore(context);
    }

    @Test
    void overHttpsBehindTheProxyCookiesAreSecureAndHstsAndPermissionsPolicyAreSent() throws Exception {
        HttpResponse<String> page = Http.get(port, "/dang-nhap", HTTPS);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Strict-Transport-Security")).get().asString().contains("max-age=");
        assertThat(page.headers().firstValue("Permissions-Policy")).get().asString()
                .contains("camera=()", "microphone=()", "geolocation=()", "payment=()");
        String csrfCookie = cookie(page, "XSRF-TOKEN").orElseThrow();
        assertThat(csrfCookie).contains("Secure", "HttpOnly", "SameSite=Lax");

        // Signing in over HTTPS: the session cookie is Secure, HttpOnly and SameSite=Lax.
        String token = page.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> signedIn = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/dang-nhap"))
                .headers(HTTPS).header("Cookie", csrfCookie.split(";")[0])
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=citizen&password=demo123&_csrf=" + token)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(cookie(signedIn, "SESSION").orElseThrow()).contains("Secure", "HttpOnly", "SameSite=Lax");
        // A relative redirect (never built from the Host header), which the browser follows on HTTPS.
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).isEqualTo("/");

        // Plain HTTP (no proxy saying otherwise): no HSTS, which a browser would ignore there anyway.
        HttpResponse<String> plain = Http.get(port, "/dang-nhap");
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(cookie(plain, "XSRF-TOKEN").orElseThrow()).contains("HttpOnly").doesNotContain("Secure");
    }

    @Test
    void anonymousVisitorsGetNoDatabaseSession() {
        long start = System.currentTimeMillis();
        PageClient visitor = new PageClient(port);
        for (String path : List.of("/", "/thu-tuc", "/tim-kiem?q=khai+sinh", "/tra-cuu", "/xac-thuc", "/dang-nhap",
                "/dang-nhap?loi=sai", "/tro-ly", "/minh-bach", "/phan-anh-kien-nghi", "/ho-so-cua-toi",
                "/khong-co-trang-nay")) {
            HttpResponse<String> response = visitor.get(path);
            assertThat(response.statusCode()).as(path).isIn(200, 302, 404);
            assertThat(cookie(response, "SESSION")).as(path).isEmpty();
        }
        assertThat(sessionsSince(start)).isZero();

        // The login form works without one, and signing in starts the session.
        HttpResponse<String> signedIn = visitor.post("/dang-nhap", java.util.Map.of("username", "citizen",
                "password", "demo123"));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(cookie(signedIn, "SESSION")).isPresent();
        assertThat(sessionsSince(start)).isEqualTo(1);
    }

    private int sessionsSince(long millis) {
        return jdbc.sql("select count(*) from spring_session where creation_time >= ?").param(millis)
                .query(Integer.class).single();
    }

    private static Optional<String> cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst();
    }
}
