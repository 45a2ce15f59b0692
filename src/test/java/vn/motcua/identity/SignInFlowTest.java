package vn.motcua.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.PageClient;

/**
 * Signing in as a person does it, over HTTP with cookies: a typo is said on the page, the next try lands where the
 * person was going, and a page that does not exist says so (404) whoever asks.
 */
@IntegrationTest
class SignInFlowTest {

    @LocalServerPort int port;

    @Test
    void afterATypoTheRightPasswordLandsWhereThePersonWasGoing() {
        PageClient person = new PageClient(port);
        assertThat(path(person.get("/ho-so-cua-toi"))).isEqualTo("/dang-nhap");
        person.get("/dang-nhap");

        HttpResponse<String> typo = person.post("/dang-nhap", Map.of("username", "citizen", "password", "demo12"));
        assertThat(target(typo)).isEqualTo("/dang-nhap?loi=sai");
        HttpResponse<String> again = person.get(target(typo));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).containsPattern("role=\"alert\"[^>]*>Tên đăng nhập hoặc mật khẩu không đúng\\.<");

        HttpResponse<String> signedIn = person.post("/dang-nhap", Map.of("username", "citizen", "password", "demo123"));
        assertThat(target(signedIn)).isEqualTo("/ho-so-cua-toi");
        assertThat(person.get("/ho-so-cua-toi").statusCode()).isEqualTo(200);
    }

    @Test
    void theWayBackAfterSigningInNeverLeavesTheSite() {
        for (String forged : new String[]{"//evil.example/ho-so", "https://evil.example/", "/\\evil.example",
                "/dang-nhap?loi=sai&continue", "not base64 at all"}) {
            PageClient person = new PageClient(port);
            HttpCookie cookie = new HttpCookie("motcua-ve", forged.equals("not base64 at all") ? "%%%"
                    : Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes(StandardCharsets.UTF_8)));
            cookie.setPath("/");
            cookie.setVersion(0);
            person.cookies().getCookieStore().add(URI.create("http://localhost:" + port + "/"), cookie);
            HttpResponse<String> signedIn = person.signIn("citizen", "demo123");
            assertThat(target(signedIn)).as(forged).isEqualTo("/");
        }
        // A forged Host on the way in changes nothing on the way back: only the path is kept.
        PageClient person = new PageClient(port);
        person.get("/kho-du-lieu?x=1", "X-Forwarded-Host", "evil.example");
        HttpResponse<String> signedIn = person.signIn("citizen", "demo123");
        assertThat(target(signedIn)).isEqualTo("/kho-du-lieu?x=1");
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("evil");
    }

    @Test
    void aPageThatDoesNotExistAnswers404ForAnyone() {
        for (String path : new String[]{"/khong-co-trang-nay", "/thu-tuc-cu/1.000", "/css/khong-co.css", "/robots.txt"}) {
            HttpResponse<String> anonymous = Http.get(port, path, "Accept", "text/html");
            assertThat(anonymous.statusCode()).as(path).isEqualTo(404);
        }
        assertThat(Http.get(port, "/khong-co-trang-nay", "Accept", "text/html").body())
                .contains("Không tìm thấy trang bạn yêu cầu.");
        PageClient admin = new PageClient(port);
        admin.signIn("admin", "demo123");
        HttpResponse<String> page = admin.get("/khong-co-trang-nay", "Accept", "text/html");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Không tìm thấy trang bạn yêu cầu.");
        assertThat(Http.get(port, "/api/v1/khong-co").statusCode()).isEqualTo(404);
        // Pages that exist are still closed to who may not see them.
        assertThat(Http.get(port, "/quan-tri").statusCode()).isEqualTo(302);
        assertThat(admin.get("/ho-so-cua-toi").statusCode()).isEqualTo(403);
    }

    @Test
    void signingOutAndAnExpiredSessionAreSaidOnTheLoginPage() {
        PageClient person = new PageClient(port);
        person.signIn("citizen", "demo123");
        person.get("/"); // the page with the sign-out button
        HttpResponse<String> out = person.post("/dang-xuat", Map.of());
        assertThat(target(out)).isEqualTo("/dang-nhap?da-dang-xuat");
        assertThat(person.get(target(out)).body()).containsPattern("role=\"status\"[^>]*>Bạn đã đăng xuất\\.<");

        PageClient stale = new PageClient(port);
        HttpCookie session = new HttpCookie("SESSION", Base64.getEncoder()
                .encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII)));
        session.setPath("/");
        session.setVersion(0);
        stale.cookies().getCookieStore().add(URI.create("http://localhost:" + port + "/"), session);
        HttpResponse<String> sent = stale.get("/ho-so-cua-toi");
        assertThat(target(sent)).isEqualTo("/dang-nhap?het-han");
        assertThat(stale.get(target(sent)).body())
                .containsPattern("role=\"alert\"[^>]*>Phiên làm việc đã hết hạn\\. Vui lòng đăng nhập lại\\.<");
    }

    /** Where a redirect goes, as a path and query on this site (it must be on this site). */
    private String target(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(302);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        if (location.getHost() != null) {
            assertThat(location.getHost()).isEqualTo("localhost");
            assertThat(location.getPort()).isEqualTo(port);
        }
        return location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
    }

    private String path(HttpResponse<String> response) {
        return target(response).replaceFirst("\\?.*", "");
    }
}
