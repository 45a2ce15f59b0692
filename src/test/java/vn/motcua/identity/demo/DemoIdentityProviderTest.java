package vn.motcua.identity.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.motcua.identity.demo.TestIdentities.TestIdentity;
import vn.motcua.identity.internal.oidc.TestIdentityProvider;

/**
 * The test identity provider on its own (no application): the authorization-code flow with PKCE walked by plain HTTP,
 * as the application's OAuth2 client walks it, and the conditions under which Spring starts it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoIdentityProviderTest {

    static final String REDIRECT = "http://127.0.0.1:9/login/oauth2/code/citizen";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    static final JsonMapper JSON = JsonMapper.builder().build();

    final DemoIdentityProvider provider = DemoIdentityProvider.start();

    @AfterAll
    void stop() {
        provider.close();
    }

    @Test
    void discoveryNamesTheLoopbackIssuerAndItsLogout() throws Exception {
        assertThat(provider.issuer().toString()).matches("http://127\\.0\\.0\\.1:\\d+/vneid-thu-nghiem");
        JsonNode discovery = JSON.readTree(get(provider.issuer() + "/.well-known/openid-configuration").body());
        assertThat(discovery.path("issuer").asString()).isEqualTo(provider.issuer().toString());
        assertThat(discovery.path("end_session_endpoint").asString()).isEqualTo(provider.issuer() + "/endsession");
        assertThat(provider.clientId()).isEqualTo("motcua-thu-nghiem");
        assertThat(provider.clientSecret()).hasSizeGreaterThan(20);
    }

    @Test
    void loginPageIsLabelledAndOffersExactlyTheTwoTestIdentities() throws Exception {
        HttpResponse<String> page = get(authorize("state-1", challenge(verifier())));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .contains("text/html"));
        assertThat(page.body()).contains("THỬ NGHIỆM", "KHÔNG phải VNeID", "<form method=\"post\">")
                .contains("Nguyễn Văn An", "046090001234", "14/05/1990", "Lê Minh Châu", "046198004321")
                .doesNotContain("<script", "<textarea", "name=\"username\"", "name=\"claims\"");
        assertThat(page.body().split("name=\"identity\"", -1)).hasSize(3);
    }

    @Test
    void choosingAnIdentityYieldsAnIdTokenWithThatIdentitysClaims() throws Exception {
        for (TestIdentity identity : TestIdentities.ALL) {
            String verifier = verifier();
            Map<String, Object> claims = signIn(identity.key(), verifier, verifier, "").getJWTClaimsSet().getClaims();

            assertThat(claims).containsEntry("iss", provider.issuer().toString())
                    .containsEntry("sub", identity.subject()).containsEntry("nonce", "nonce-" + identity.key())
                    .containsEntry("HoVaTen", identity.fullName())
                    .containsEntry("SoDinhDanh", identity.idNumber())
                    .containsEntry("NgaySinh", identity.birthDate().toString())
                    .containsEntry("SoDienThoai", identity.phone()).containsEntry("ThuDienTu", identity.email());
            assertThat(claims.get("aud")).asList().containsExactly("motcua-thu-nghiem");
        }
    }

    @Test
    void claimsPostedWithTheChoiceAreIgnored() throws Exception {
        String verifier = verifier();
        String typedIn = "&username=admin&claims=" + encode("{\"SoDinhDanh\":\"001099099999\",\"HoVaTen\":\"X\"}");

        SignedJWT token = signIn("an", verifier, verifier, typedIn);

        assertThat(token.getJWTClaimsSet().getClaims()).containsEntry("SoDinhDanh", "046090001234")
                .containsEntry("HoVaTen", "Nguyễn Văn An").containsEntry("sub", TestIdentities.AN.subject());
    }

    @Test
    void anUnknownIdentityOrAMalformedRequestGetsAClearPage() throws Exception {
        HttpResponse<String> unknown = post(authorize("s", challenge(verifier())), "identity=someone-else");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("Chưa chọn danh tính thử nghiệm");

        HttpResponse<String> malformed = get(provider.issuer() + "/authorize?client_id=x");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("Yêu cầu đăng nhập không hợp lệ");

        HttpResponse<String> otherIssuer = get(provider.issuer().resolve("/default/authorize").toString());
        assertThat(otherIssuer.statusCode()).isEqualTo(404);
    }

    @Test
    void aWrongPkceVerifierGetsNoToken() throws Exception {
        String verifier = verifier();
        HttpResponse<String> chosen = post(authorize("s", challenge(verifier)), "identity=an");
        String code = query(chosen.headers().firstValue("Location").orElseThrow(), "code");

        HttpResponse<String> token = post(provider.issuer() + "/token", tokenForm(code, verifier()));

        assertThat(token.statusCode()).isEqualTo(400);
        assertThat(token.body()).doesNotContain("id_token");
    }

    @Test
    void logoutReturnsToTheApplicationOrSaysSignedOut() throws Exception {
        HttpResponse<String> back = get(provider.issuer() + "/endsession?post_logout_redirect_uri="
                + encode("http://127.0.0.1:9/dang-nhap?logout") + "&state=st");
        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location")).hasValue("http://127.0.0.1:9/dang-nhap?logout&state=st");

        HttpResponse<String> plain = get(provider.issuer() + "/endsession");
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.body()).contains("Đã đăng xuất khỏi nhà cung cấp định danh thử nghiệm");
    }

    @Test
    void stopsCleanly() throws Exception {
        DemoIdentityProvider another = DemoIdentityProvider.start();
        String discovery = another.issuer() + "/.well-known/openid-configuration";
        assertThat(get(discovery).statusCode()).isEqualTo(200);

        another.close();

        assertThatThrownBy(() -> get(discovery)).isInstanceOf(ConnectException.class);
    }

    @Test
    void springStartsItOnlyInDemoModeWithoutACitizenIssuer() {
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withUserConfiguration(DemoIdentityProviderConfiguration.class);

        runner.run(context -> assertThat(context).doesNotHaveBean(TestIdentityProvider.class));
        runner.withPropertyValues("motcua.demo.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(TestIdentityProvider.class));
        runner.withPropertyValues("motcua.demo.enabled=true",
                        "motcua.identity.oidc.citizen.issuer-uri=https://vneid.example/issuer")
                .run(context -> assertThat(context).doesNotHaveBean(TestIdentityProvider.class));
        runner.withPropertyValues("motcua.demo.enabled=true", "motcua.identity.oidc.test-provider.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(TestIdentityProvider.class));
        String[] discovery = new String[1];
        runner.withPropertyValues("motcua.demo.enabled=true", "motcua.identity.oidc.citizen.issuer-uri=")
                .run(context -> {
                    assertThat(context).hasSingleBean(TestIdentityProvider.class);
                    discovery[0] = context.getBean(TestIdentityProvider.class).issuer()
                            + "/.well-known/openid-configuration";
                    assertThat(get(discovery[0]).statusCode()).isEqualTo(200);
                });
        assertThatThrownBy(() -> get(discovery[0])).isInstanceOf(ConnectException.class);
    }

    /** Chooses {@code key} on the login page (plus {@code extraForm}) and redeems the code; the ID token, verified. */
    SignedJWT signIn(String key, String verifier, String redeemVerifier, String extraForm) throws Exception {
        String state = "state-" + key;
        HttpResponse<String> chosen = post(authorize(state, challenge(verifier)) + "&nonce=nonce-" + key,
                "identity=" + key + extraForm);
        assertThat(chosen.statusCode()).isEqualTo(302);
        String location = chosen.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT);
        assertThat(query(location, "state")).isEqualTo(state);

        HttpResponse<String> tokens = post(provider.issuer() + "/token", tokenForm(query(location, "code"),
                redeemVerifier));
        assertThat(tokens.statusCode()).isEqualTo(200);
        SignedJWT idToken = SignedJWT.parse(JSON.readTree(tokens.body()).path("id_token").asString());
        RSAKey key0 = JWKSet.parse(get(provider.issuer() + "/jwks").body()).getKeys().getFirst().toRSAKey();
        assertThat(idToken.verify(new RSASSAVerifier(key0))).isTrue();
        return idToken;
    }

    String authorize(String state, String challenge) {
        return provider.issuer() + "/authorize?response_type=code&client_id=motcua-thu-nghiem&scope=openid%20profile"
                + "&redirect_uri=" + encode(REDIRECT) + "&state=" + state + "&code_challenge=" + challenge
                + "&code_challenge_method=S256";
    }

    String tokenForm(String code, String verifier) {
        return "grant_type=authorization_code&code=" + encode(code) + "&redirect_uri=" + encode(REDIRECT)
                + "&client_id=motcua-thu-nghiem&client_secret=" + encode(provider.clientSecret())
                + "&code_verifier=" + verifier;
    }

    static String verifier() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    static String challenge(String verifier) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    }

    static String query(String url, String name) {
        return UriComponentsBuilder.fromUriString(url).build().getQueryParams().getFirst(name);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String url, String form) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
