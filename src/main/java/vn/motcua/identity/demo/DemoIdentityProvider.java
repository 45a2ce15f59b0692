package vn.motcua.identity.demo;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequestHandler;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.OAuth2HttpServer;
import no.nav.security.mock.oauth2.http.Route;
import okhttp3.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

import vn.motcua.identity.demo.TestIdentities.TestIdentity;
import vn.motcua.identity.internal.oidc.TestIdentityProvider;

/**
 * The demo's test identity provider: an OpenID Connect provider (mock-oauth2-server) on 127.0.0.1 and a free port,
 * issuer {@value #ISSUER_ID}, whose labelled login page offers exactly the two {@link TestIdentities}. It stands in for
 * VNeID only in demo mode ({@link DemoIdentityProviderConfiguration}); it checks no client secret and no password.
 * <p>
 * The library's routes answer discovery, keys, tokens (with PKCE) and userinfo. This class answers the authorization
 * endpoint itself, so that the claims come from the chosen identity alone (the library's login form would take any
 * subject and any claims typed in), answers RP-initiated logout ({@code end_session_endpoint}), and refuses every
 * other issuer path.
 */
public final class DemoIdentityProvider implements TestIdentityProvider, AutoCloseable {

    public static final String ISSUER_ID = "vneid-thu-nghiem";
    public static final String CLIENT_ID = "motcua-thu-nghiem";

    private static final Logger log = LoggerFactory.getLogger(DemoIdentityProvider.class);
    private static final String PREFIX = "/" + ISSUER_ID + "/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OAuth2HttpServer server;
    private final Route authorizationServer;
    private final TestIdentityPages pages = new TestIdentityPages();
    private final String clientSecret;
    private final URI issuer;

    private DemoIdentityProvider(OAuth2Config config) {
        this.server = config.getHttpServer();
        this.authorizationServer = new OAuth2HttpRequestHandler(config).getAuthorizationServer();
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        this.clientSecret = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        server.start(loopback(), 0, this::handle);
        this.issuer = server.url(ISSUER_ID).uri();
    }

    /** Starts a provider on a free loopback port; {@link #close()} stops it. */
    public static DemoIdentityProvider start() {
        DemoIdentityProvider provider = new DemoIdentityProvider(new OAuth2Config(true));
        log.info("Test identity provider of the demo (not VNeID) at {}", provider.issuer());
        return provider;
    }

    @Override
    public URI issuer() {
        return issuer;
    }

    @Override
    public String clientId() {
        return CLIENT_ID;
    }

    @Override
    public String clientSecret() {
        return clientSecret;
    }

    @Override
    public void close() {
        server.stop();
    }

    private OAuth2HttpResponse handle(OAuth2HttpRequest request) {
        String path = request.getUrl().encodedPath();
        if (!path.startsWith(PREFIX)) {
            return page(404, "testIdp.notFound");
        }
        String endpoint = path.substring(PREFIX.length());
        if (endpoint.equals("authorize")) {
            return authorize(request);
        }
        if (endpoint.equals("endsession")) {
            return endSession(request);
        }
        return authorizationServer.invoke(request);
    }

    /**
     * RP-initiated logout. The test provider keeps no session, so this only sends the browser back (the library's own
     * answer would append {@code ?state=} to an address that already has a query).
     */
    private OAuth2HttpResponse endSession(OAuth2HttpRequest request) {
        String back = request.getUrl().queryParameter("post_logout_redirect_uri");
        if (back == null || !(back.startsWith("http://") || back.startsWith("https://"))) {
            return page(200, "testIdp.loggedOut");
        }
        UriComponentsBuilder location = UriComponentsBuilder.fromUriString(back);
        String state = request.getUrl().queryParameter("state");
        if (state != null) {
            location.queryParam("state", encode(state));
        }
        return new OAuth2HttpResponse(Headers.of("Location", location.build(true).toUriString()), 302, "", null);
    }

    private OAuth2HttpResponse authorize(OAuth2HttpRequest request) {
        try {
            request.asAuthenticationRequest();
        } catch (Exception malformed) { // Nimbus' ParseException, which Kotlin does not declare
            return page(400, "testIdp.badRequest");
        }
        return switch (request.getMethod()) {
            case "GET" -> new OAuth2HttpResponse(html(), 200, pages.login(), null);
            case "POST" -> {
                Optional<TestIdentity> chosen = TestIdentities.byKey(request.getFormParameters().get("identity"));
                yield chosen.map(identity -> authorizationServer.invoke(login(request, identity)))
                        .orElseGet(() -> page(400, "testIdp.unknownIdentity"));
            }
            default -> page(405, "testIdp.badRequest");
        };
    }

    /** The library's login submission, with the chosen identity's subject and claims in place of what was posted. */
    private static OAuth2HttpRequest login(OAuth2HttpRequest request, TestIdentity identity) {
        String body = "username=" + encode(identity.subject())
                + "&claims=" + encode(JSON.writeValueAsString(identity.claims()));
        return new OAuth2HttpRequest(request.getHeaders(), "POST", request.getOriginalUrl(), body);
    }

    private OAuth2HttpResponse page(int status, String messageKey) {
        return new OAuth2HttpResponse(html(), status, pages.message(messageKey), null);
    }

    private static Headers html() {
        return Headers.of("Content-Type", "text/html;charset=UTF-8", "Cache-Control", "no-store");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static InetAddress loopback() {
        try { // by address, so that the issuer reads 127.0.0.1 rather than a looked-up name
            return InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
