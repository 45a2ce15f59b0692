package vn.motcua.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.motcua.support.Accounts;
import vn.motcua.support.ApiClient;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;

@IntegrationTest
class IdentityIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired PasswordEncoder passwords;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @LocalServerPort int port;

    @Test
    void demoAccountsLogInWithTheDemoPasswordAndAreListedOnTheLoginPage() throws Exception {
        for (String username : new String[]{"citizen", "business", "reception", "specialist", "leader", "agency-admin", "admin"}) {
            mvc.perform(formLogin("/dang-nhap").user(username).password("demo123"))
                    .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/"));
        }
        String page = mvc.perform(get("/dang-nhap")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("<code>agency-admin</code>").contains("demo123");
    }

    @Test
    void passwordsAreStoredAsArgon2Hashes() {
        String hash = jdbc.sql("select password_hash from account where username = 'citizen'").query(String.class).single();
        assertThat(hash).startsWith("{argon2}$argon2id$").doesNotContain("demo123");
    }

    @Test
    void wrongPasswordIsRefusedWithAVietnameseMessage() throws Exception {
        mvc.perform(formLogin("/dang-nhap").user("citizen").password("wrong"))
                .andExpect(redirectedUrl("/dang-nhap?loi=sai"));
        mvc.perform(get("/dang-nhap").param("loi", "sai"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Tên đăng nhập hoặc mật khẩu không đúng")));
    }

    @Test
    void tokenEndpointIssuesBearerTokensThatAuthenticateApiRequests() {
        HttpResponse<String> response = Http.postJson(port, "/api/v1/auth/token",
                "{\"username\":\"admin\",\"password\":\"demo123\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(3600);
        String token = body.get("access_token").asString();
        assertThat(token).hasSizeGreaterThanOrEqualTo(40);
        // Only the hash is stored.
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = ?").param(token).query(Integer.class).single()).isZero();

        HttpResponse<String> me = Http.get(port, "/api/v1/me", "Authorization", "Bearer " + token);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json.readTree(me.body()).get("username").asString()).isEqualTo("admin");
        assertThat(json.readTree(me.body()).get("roles").get(0).asString()).isEqualTo("PROVINCE_ADMIN");
    }

    @Test
    void tokenEndpointRefusesBadCredentialsAndMissingFields() {
        HttpResponse<String> wrong = Http.postJson(port, "/api/v1/auth/token", "{\"username\":\"admin\",\"password\":\"nope\"}");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(json.readTree(wrong.body()).get("message").asString()).isEqualTo("Tên đăng nhập hoặc mật khẩu không đúng.");
        HttpResponse<String> missing = Http.postJson(port, "/api/v1/auth/token", "{\"username\":\"admin\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        HttpResponse<String> garbage = Http.postJson(port, "/api/v1/auth/token", "not json");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(json.readTree(garbage.body()).get("error").asString()).isEqualTo("invalid_request");
    }

    @Test
    void apiRequestsWithoutAValidTokenGet401Json() {
        HttpResponse<String> none = Http.get(port, "/api/v1/me");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(json.readTree(none.body()).get("message").asString()).isEqualTo("Cần đăng nhập để thực hiện thao tác này.");
        HttpResponse<String> forged = Http.get(port, "/api/v1/me", "Authorization", "Bearer forged-token");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(json.readTree(forged.body()).get("error").asString()).isEqualTo("invalid_token");
    }

    @Test
    void backOfficeIsClosedToAnonymousAndCitizensAndOpenToStaff() throws Exception {
        mvc.perform(get("/quan-tri")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/quan-tri").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user(user("citizen")))).andExpect(status().isForbidden());
        mvc.perform(get("/quan-tri").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user(user("reception")))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Phường Thuận Hóa")));
    }

    @Test
    void urlsThatAControllerServesButNoModuleDeclaresAreDenied() throws Exception {
        // The transparency page is declared for GET only; another method on it is served by no rule.
        mvc.perform(post("/minh-bach").with(csrf()).with(org.springframework.security.test.web.servlet.request
                .SecurityMockMvcRequestPostProcessors.user(user("admin")))).andExpect(status().isForbidden());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/procedures")
                .header("Authorization", "Bearer " + ApiClient.signIn(port, "admin", "demo123").token()))
                .andExpect(status().isForbidden());
    }

    @Test
    void formsWithoutCsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/dang-nhap").param("username", "citizen").param("password", "demo123"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/dang-nhap").with(csrf()).param("username", "citizen").param("password", "demo123"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void sessionsAreStoredInTheDatabase() throws Exception {
        mvc.perform(formLogin("/dang-nhap").user("specialist").password("demo123")).andExpect(redirectedUrl("/"));
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = 'specialist'")
                .query(Integer.class).single()).isPositive();
    }

    private CurrentUser user(String username) {
        return accounts.findUser(username).orElseThrow();
    }
}
