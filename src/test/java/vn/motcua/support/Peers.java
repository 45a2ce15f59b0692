package vn.motcua.support;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import okhttp3.Headers;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.wiremock.webhooks.Webhooks;
import vn.motcua.population.LgspMapping;

/**
 * The outside systems the application talks to, played by real servers on loopback and started once for the whole
 * test run: an SMTP server (GreenMail), the SMS gateway, the postal service and the VNPay gateway (WireMock). Each
 * test application is told where they are by its setup (the OpenID provider of the national identity sign-in only to
 * the {@link IntegrationTest} one): the {@link IntegrationTest} one sends email and SMS, the
 * {@link AlternativeIntegrationTest} one books with the postal service and pays through the VNPay peer instead of
 * the sandbox gateway (and has email and SMS off). So the suite runs in two application contexts, not one per peer.
 */
public final class Peers {

    public static final String EMAIL_FROM = "thongbao@motcua.test";
    public static final String SMS_TOKEN = "test-sms-token";
    /** The secret the SMS gateway's delivery receipts carry. */
    public static final String SMS_RECEIPT_SECRET = "test-sms-receipt-secret";
    public static final String POSTAL_TOKEN = "test-postal-token";
    public static final String POSTAL_CALLBACK_TOKEN = "test-callback-secret";
    public static final String VNPAY_TMN = "TESTTMN1";
    public static final String VNPAY_SECRET = "K3Y-FOR-TESTS-ONLY-7f1d0c";

    public static final GreenMail MAIL = new GreenMail(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    public static final WireMockServer SMS_GATEWAY = wireMock();
    public static final WireMockServer POSTAL = wireMock();
    /** Calls the portal's IPN back with WireMock webhooks, as VNPay does after the payer confirms. */
    public static final WireMockServer VNPAY = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
            .extensions(Webhooks.class));
    // National portal status sync (issue 16): the national portal, its answers signed by NationalPortalPeer.
    public static final String NATIONAL_PORTAL_SECRET = "test-national-portal-secret";
    public static final String NATIONAL_PORTAL_TOKEN = "test-national-portal-token";
    public static final WireMockServer NATIONAL_PORTAL = new WireMockServer(options().dynamicPort()
            .bindAddress("127.0.0.1").extensions(new NationalPortalPeer()));

    // Issue 16, national catalog: the national procedure database (CSDL quốc gia về TTHC), answering signed JSON.
    public static final String NATIONAL_CATALOG_TOKEN = "test-national-catalog-token";
    public static final String NATIONAL_CATALOG_SECRET = "test-national-catalog-signing-secret";
    public static final WireMockServer NATIONAL_CATALOG = wireMock();

    // Issue 16, national identity sign-in: one OpenID provider with two issuers, the national identity ("vneid", the
    // citizen registration) and the province's ("province", the staff registration). Without a queued identity it
    // signs in a random subject with no claims (refused for want of an ID number), so no other test is disturbed.
    public static final String OIDC_CITIZEN_ISSUER = "vneid";
    public static final String OIDC_STAFF_ISSUER = "province";
    public static final String OIDC_CITIZEN_CLIENT = "motcua-portal";
    public static final String OIDC_STAFF_CLIENT = "motcua-staff";
    /** One-shot answers of the token endpoint (a forged token, an outage), taken before the provider's own. */
    private static final java.util.Queue<OAuth2HttpResponse> OIDC_TOKEN_ANSWERS =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    public static final MockOAuth2Server OIDC = new MockOAuth2Server(new OAuth2Config(), new Route() {
        @Override
        public boolean match(OAuth2HttpRequest request) {
            return request.getUrl().encodedPath().endsWith("/token") && !OIDC_TOKEN_ANSWERS.isEmpty();
        }

        @Override
        public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
            OAuth2HttpResponse answer = OIDC_TOKEN_ANSWERS.poll();
            return answer != null ? answer : new OAuth2HttpResponse(Headers.of(), 503, "try again", null);
        }
    });

    /** The OpenID provider's token endpoint answers the next token request with this, whatever it asks. */
    public static void answerNextTokenRequest(int status, String contentType, String body) {
        OIDC_TOKEN_ANSWERS.add(new OAuth2HttpResponse(Headers.of("Content-Type", contentType), status, body, null));
    }

    // Issue 16, intake from the national portal: the National Public Service Portal's API (the AlternativeIntegrationTest
    // application; the IntegrationTest one uses the sandbox the application starts itself in demo mode).
    // (The WireMock itself, its token and secret are declared with the status sync's above.) Its API is under a path.
    public static final String NATIONAL_PORTAL_PATH = "/lgsp";

    // Population database part (issue 16): the LGSP's population service and its OAuth2 token endpoint. By default
    // (low priority) a token is given and every identity is found and matches, so other tests of the alternative
    // setup are not disturbed; PopulationPeerTest stubs its own answers over these.
    public static final WireMockServer LGSP = wireMock();
    public static final String LGSP_CLIENT_ID = "test-lgsp-client";
    public static final String LGSP_CLIENT_SECRET = "test-lgsp-secret";
    public static final String LGSP_SIGNING_SECRET = "test-lgsp-signing-secret";
    public static final String LGSP_TOKEN_PATH = "/lgsp/token";
    public static final String LGSP_CHECK_PATH = "/lgsp/dancu" + LgspMapping.CHECK_PATH;
    public static final String LGSP_MATCH = "{\"TrangThai\":\"TIM_THAY\",\"KetQuaDoiChieu\":{\"SoDinhDanh\":true,"
            + "\"HoVaTen\":true,\"NgayThangNamSinh\":true},\"NoiThuongTru\":\"12 Lê Lợi, phường Thuận Hóa, thành phố Huế\","
            + "\"NoiOHienTai\":\"12 Lê Lợi, phường Thuận Hóa, thành phố Huế\"}";

    static {
        LGSP.start();
        LGSP.stubFor(post(urlEqualTo(LGSP_TOKEN_PATH)).atPriority(10).willReturn(okJson(
                "{\"access_token\":\"test-lgsp-token\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
        LGSP.stubFor(post(urlEqualTo(LGSP_CHECK_PATH)).atPriority(10).willReturn(signed(LGSP_MATCH)));
    }

    /** An LGSP answer with the body's valid signature. */
    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder signed(String body) {
        return okJson(body).withHeader(LgspMapping.SIGNATURE_HEADER,
                vn.motcua.platform.security.HmacSignatures.sign(LGSP_SIGNING_SECRET, body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    static {
        NATIONAL_CATALOG.start();
        // Knows no procedure unless a test says otherwise (with a higher priority).
        String nothing = "{\"error_code\":0,\"result\":[]}";
        NATIONAL_CATALOG.stubFor(post(urlEqualTo("/csdl-tthc")).atPriority(10).willReturn(okJson(nothing)
                .withHeader(vn.motcua.platform.security.HmacSignatures.HEADER,
                        vn.motcua.platform.security.HmacSignatures.sign(NATIONAL_CATALOG_SECRET, nothing))));
        try {
            OIDC.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        MAIL.start();
        SMS_GATEWAY.start();
        POSTAL.start();
        VNPAY.start();
        NATIONAL_PORTAL.start();
        // The gateway accepts every message unless a test says otherwise (with a higher priority).
        SMS_GATEWAY.stubFor(post(urlEqualTo("/sms")).atPriority(10).willReturn(okJson("{\"id\": \"gw-1\"}")));
        nationalPortalDefaults();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LGSP.stop();
            VNPAY.stop();
            NATIONAL_PORTAL.stop();
            POSTAL.stop();
            SMS_GATEWAY.stop();
            MAIL.stop();
            NATIONAL_CATALOG.stop();
            OIDC.shutdown();
        }));
    }

    private Peers() {
    }

    private static WireMockServer wireMock() {
        return new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    }

    /**
     * Issue 16: the national portal has nothing to hand over and takes every acknowledgement and every status message;
     * its reconciliation counts nothing (all signed), unless a test says otherwise (with a higher priority).
     */
    public static void nationalPortalDefaults() {
        NATIONAL_PORTAL.stubFor(post(urlEqualTo(NATIONAL_PORTAL_PATH + "/ho-so/dong-bo-trang-thai")).atPriority(10)
                .willReturn(NationalPortalPeer.accepting()));
        NATIONAL_PORTAL.stubFor(post(urlEqualTo(NATIONAL_PORTAL_PATH + "/ho-so/doi-soat")).atPriority(10)
                .willReturn(NationalPortalPeer.signed("{\"error_code\":\"0\",\"data\":[]}")));
        NATIONAL_PORTAL.stubFor(post(urlEqualTo(NATIONAL_PORTAL_PATH + "/ho-so/lay-danh-sach")).atPriority(10)
                .willReturn(nationalPortalAnswer("{\"error_code\":\"0\",\"message\":\"ok\",\"data\":[]}")));
        NATIONAL_PORTAL.stubFor(post(urlEqualTo(NATIONAL_PORTAL_PATH + "/ho-so/xac-nhan")).atPriority(10)
                .willReturn(nationalPortalAnswer("{\"error_code\":\"0\",\"message\":\"ok\"}")));
    }

    /** A signed JSON answer of the national portal. */
    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder nationalPortalAnswer(String body) {
        return okJson(body).withHeader(vn.motcua.platform.security.HmacSignatures.HEADER,
                vn.motcua.platform.security.HmacSignatures.sign(NATIONAL_PORTAL_SECRET, body));
    }

    /** Where the {@link IntegrationTest} application finds the peers: email and SMS are sent. */
    static Map<String, Object> channels() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("spring.mail.host", "127.0.0.1");
        settings.put("spring.mail.port", MAIL.getSmtp().getPort());
        settings.put("motcua.notification.email-from", EMAIL_FROM);
        settings.put("motcua.notification.sms.url", "http://127.0.0.1:" + SMS_GATEWAY.port() + "/sms");
        settings.put("motcua.notification.sms.token", SMS_TOKEN);
        settings.put("motcua.notification.sms.receipt-secret", SMS_RECEIPT_SECRET);
        // Issue 16, national catalog
        settings.put("motcua.national-catalog.url", "http://127.0.0.1:" + NATIONAL_CATALOG.port() + "/csdl-tthc");
        settings.put("motcua.national-catalog.token", NATIONAL_CATALOG_TOKEN);
        settings.put("motcua.national-catalog.signing-secret", NATIONAL_CATALOG_SECRET);
        settings.put("motcua.national-catalog.timeout", "1s");
        settings.put("motcua.national-catalog.backoff", "50ms");
        // Issue 16, national identity sign-in: both registrations at the OpenID provider (the citizen's confidential)
        settings.put("motcua.identity.oidc.citizen.issuer-uri", OIDC.issuerUrl(OIDC_CITIZEN_ISSUER).toString());
        settings.put("motcua.identity.oidc.citizen.client-id", OIDC_CITIZEN_CLIENT);
        settings.put("motcua.identity.oidc.citizen.client-secret", "test-citizen-secret");
        settings.put("motcua.identity.oidc.staff.issuer-uri", OIDC.issuerUrl(OIDC_STAFF_ISSUER).toString());
        settings.put("motcua.identity.oidc.staff.client-id", OIDC_STAFF_CLIENT);
        settings.put("motcua.identity.oidc.staff.client-secret", "test-staff-secret");
        return settings;
    }

    /** Where the {@link AlternativeIntegrationTest} application finds the peers: the postal service and VNPay. */
    static Map<String, Object> gateways() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("motcua.postal.url", "http://127.0.0.1:" + POSTAL.port() + "/api/");
        settings.put("motcua.postal.token", POSTAL_TOKEN);
        settings.put("motcua.postal.callback-token", POSTAL_CALLBACK_TOKEN);
        settings.put("motcua.postal.timeout", "2s");
        // The tests run the postal rounds themselves.
        settings.put("motcua.postal.retry-interval", "1h");
        settings.put("motcua.postal.poll-interval", "1h");
        settings.put("motcua.payment.vnpay.url", "http://127.0.0.1:" + VNPAY.port() + "/paymentv2/vpcpay.html");
        settings.put("motcua.payment.vnpay.tmn-code", VNPAY_TMN);
        settings.put("motcua.payment.vnpay.hash-secret", VNPAY_SECRET);
        settings.put("motcua.payment.vnpay.sandbox", "false");
        // National portal status sync (issue 16): the tests run the sender's rounds themselves; short delays and retry
        // window so that retries and an outage past the window take seconds.
        settings.put("motcua.national-portal.status-sync.interval", "1h");
        settings.put("motcua.national-portal.status-sync.retry-delays", "1s");
        settings.put("motcua.national-portal.status-sync.retry-window", "4s");
        // Issue 16, intake: the national portal's WireMock; the tests run the intake's rounds themselves, and a
        // failed attempt is due again at once so that they need not wait.
        settings.put("motcua.national-portal.url", "http://127.0.0.1:" + NATIONAL_PORTAL.port() + NATIONAL_PORTAL_PATH);
        settings.put("motcua.national-portal.token", NATIONAL_PORTAL_TOKEN);
        settings.put("motcua.national-portal.signing-secret", NATIONAL_PORTAL_SECRET);
        settings.put("motcua.national-portal.timeout", "2s"); // the status sync's timeout test waits 3 s
        settings.put("motcua.national-portal.intake.pull-interval", "1h");
        settings.put("motcua.national-portal.intake.retry-interval", "1h");
        settings.put("motcua.national-portal.intake.retry-delays", "0s");
        // Population database part (issue 16): the LGSP peer instead of the demo's sandbox; the tests run the rounds.
        settings.put("motcua.population.url", "http://127.0.0.1:" + LGSP.port() + "/lgsp/dancu");
        settings.put("motcua.population.token-url", "http://127.0.0.1:" + LGSP.port() + LGSP_TOKEN_PATH);
        settings.put("motcua.population.client-id", LGSP_CLIENT_ID);
        settings.put("motcua.population.client-secret", LGSP_CLIENT_SECRET);
        settings.put("motcua.population.signing-secret", LGSP_SIGNING_SECRET);
        settings.put("motcua.population.sandbox", "false");
        settings.put("motcua.population.timeout", "1s");
        settings.put("motcua.population.retry-interval", "1h");
        settings.put("motcua.population.retry-delays", "0s");
        settings.put("motcua.population.retry-window", "1h");
        return settings;
    }

    /** The peers' settings of one of the two setups; two test classes of the same setup share one context. */
    record Settings(boolean alternative) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
            context.getEnvironment().getPropertySources().addFirst(
                    new MapPropertySource("test-peers", alternative ? gateways() : channels()));
            if (alternative) {
                // A page showing the postal panel alone, to test the fragment as the dossier pages include it.
                BeanDefinitionRegistry beans = (BeanDefinitionRegistry) context.getBeanFactory();
                beans.registerBeanDefinition("testPostalPanelPage", new RootBeanDefinition(PostalPanelPage.class));
                beans.registerBeanDefinition("testPostalPanelPageAccess",
                        new RootBeanDefinition(PostalPanelPage.Access.class));
            }
        }
    }

    /** Registered on {@link IntegrationTest}. */
    public static final class Factory implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                         List<ContextConfigurationAttributes> attributes) {
            return new Settings(MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                    .isPresent(AlternativeIntegrationTest.class));
        }
    }
}
