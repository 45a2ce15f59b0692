package vn.motcua.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.motcua.support.Accounts;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;

/**
 * Failed sign-ins slow the next attempts down, by username from an address, by address, and by username from
 * everywhere, and never lock anyone out: a guesser slows only themselves, the wait ends by itself, API tokens keep
 * working meanwhile, and an unknown username is answered exactly like a known one. Each test signs in from addresses of its own (documentation ranges), so its counts touch no other test.
 */
@IntegrationTest
class LoginThrottleTest {

    static final String THROTTLED = "/dang-nhap\\?loi=cho&sau=\\d+";

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @LocalServerPort int port;

    @Test
    void fiveWrongPasswordsMakeTheNextAttemptsFromThereWaitTheSameForKnownAndUnknownUsernames() throws Exception {
        createAccount("throttle-known");
        String unknown = "throttle-nobody";
        String guesser = "198.51.100.10";
        String token = json.readTree(token("throttle-known", "right-password", "192.0.2.1").body())
                .get("access_token").asString();

        for (int i = 0; i < 5; i++) {
            for (String username : List.of("throttle-known", unknown)) {
                assertThat(login(username, "wrong", guesser)).isEqualTo("/dang-nhap?loi=sai");
            }
        }
        // From the guesser's address: refused without looking at the password, even the right one; alike for both.
        assertThat(login("throttle-known", "right-password", guesser)).matches(THROTTLED);
        assertThat(login(unknown, "right-password", guesser)).matches(THROTTLED);
        HttpResponse<String> known = token("throttle-known", "right-password", guesser);
        HttpResponse<String> nobody = token(unknown, "right-password", guesser);
        for (HttpResponse<String> refused : List.of(known, nobody)) {
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 300L);
            assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            JsonNode body = json.readTree(refused.body());
            assertThat(body.get("error").asString()).isEqualTo("too_many_attempts");
            assertThat(body.get("type").asString()).isEqualTo("urn:motcua:problem:too_many_attempts");
            assertThat(body.get("status").asInt()).isEqualTo(429);
            assertThat(body.get("message").asString())
                    .matches("Quá nhiều lần đăng nhập sai\\. Vui lòng thử lại sau \\d+ giây\\.");
        }
        // A token issued before keeps working: nobody is shut out of what they already hold.
        assertThat(Http.get(port, "/api/v1/me", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);

        // The wait ends by itself; signing in then clears the username's count.
        await("the wait ends").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> token("throttle-known", "right-password", guesser).statusCode() != 429);
        assertThat(login("throttle-known", "wrong", guesser)).isEqualTo("/dang-nhap?loi=sai");
        assertThat(login("throttle-known", "right-password", guesser)).isEqualTo("/");

        // Every failure is on record, with the address and why.
        List<String> reasons = jdbc.sql("select reason from login_failure where username = ? order by id")
                .param("throttle-known").query(String.class).list();
        assertThat(reasons).startsWith("BAD_CREDENTIALS", "BAD_CREDENTIALS", "BAD_CREDENTIALS", "BAD_CREDENTIALS",
                "BAD_CREDENTIALS", "THROTTLED", "THROTTLED").endsWith("BAD_CREDENTIALS");
        assertThat(jdbc.sql("select count(*) from login_failure where username = ? and address = ? "
                        + "and reason = 'BAD_CREDENTIALS'").params(unknown, guesser).query(Integer.class).single())
                .isEqualTo(5);
    }

    @Test
    void someoneGuessingAPersonsPasswordCannotKeepThePersonOut() throws Exception {
        createAccount("throttle-victim");
        for (int i = 0; i < 8; i++) {
            login("throttle-victim", "guess-" + i, "198.51.100.30");
        }
        assertThat(login("throttle-victim", "right-password", "198.51.100.30")).matches(THROTTLED);
        // The person, at their own address, signs in at once, on the page and for a token.
        assertThat(login("throttle-victim", "right-password", "198.51.100.31")).isEqualTo("/");
        assertThat(token("throttle-victim", "right-password", "198.51.100.31").statusCode()).isEqualTo(200);
    }

    @Test
    void guessingOneAccountFromManyAddressesSlowsItDownEverywhere() throws Exception {
        createAccount("throttle-spread");
        // 50 failures, five from each of ten addresses: none of them alone is over its allowance for the username.
        for (int a = 0; a < 10; a++) {
            for (int i = 0; i < 5; i++) {
                assertThat(login("throttle-spread", "guess", "198.51.100." + (40 + a))).isEqualTo("/dang-nhap?loi=sai");
            }
        }
        assertThat(login("throttle-spread", "right-password", "198.51.100.60")).matches(THROTTLED);
        assertThat(token("throttle-spread", "right-password", "198.51.100.60").statusCode()).isEqualTo(429);
    }

    @Test
    void twentyFailuresFromOneAddressMakeThatAddressWaitAndNoOther() throws Exception {
        String address = "203.0.113.20";
        for (int i = 0; i < 20; i++) {
            assertThat(login("address-probe-" + i, "guess", address)).isEqualTo("/dang-nhap?loi=sai");
        }
        // The token endpoint sees the same address through the trusted proxy's X-Forwarded-For.
        assertThat(token("citizen", "demo123", address).statusCode()).isEqualTo(429);
        assertThat(login("citizen", "demo123", address)).matches(THROTTLED);
        // The account itself is not held back: from elsewhere it signs in.
        assertThat(login("citizen", "demo123", "203.0.113.21")).isEqualTo("/");
        assertThat(token("citizen", "demo123", "203.0.113.21").statusCode()).isEqualTo(200);
    }

    @Test
    void theLoginPageSaysHowLongToWait() {
        HttpResponse<String> page = Http.get(port, "/dang-nhap?loi=cho&sau=42");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).containsPattern(
                "role=\"alert\"[^>]*>Quá nhiều lần đăng nhập sai\\. Vui lòng thử lại sau 42 giây\\.<");
        // An edited address still gives a sensible sentence.
        assertThat(Http.get(port, "/dang-nhap?loi=cho&sau=-5").body())
                .contains("Quá nhiều lần đăng nhập sai. Vui lòng thử lại sau ít phút.");
    }

    /** Signs in through the login form from the address; where the answer redirects to. */
    private String login(String username, String password, String address) throws Exception {
        return mvc.perform(post("/dang-nhap").param("username", username).param("password", password).with(csrf())
                        .with(request -> {
                            request.setRemoteAddr(address);
                            return request;
                        }))
                .andReturn().getResponse().getRedirectedUrl();
    }

    /** Asks for an API token over HTTP, through a proxy that says the client is at the address. */
    private HttpResponse<String> token(String username, String password, String address) {
        return Http.postJson(port, "/api/v1/auth/token", "{\"username\":\"" + username + "\",\"password\":\""
                + password + "\"}", "X-Forwarded-For", address);
    }

    private void createAccount(String username) {
        accounts.bare(username, "Người thử", "right-password", Role.CITIZEN);
    }
}
