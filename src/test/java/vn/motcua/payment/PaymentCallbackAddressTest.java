package vn.motcua.payment;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import vn.motcua.catalog.CatalogService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.platform.MotCuaProperties;
import vn.motcua.support.Accounts;
import vn.motcua.support.ApiClient;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestData;

/**
 * The sandbox gateway's signed IPN and the payer's return address come from the configured public URL, never from
 * the request: a forged Host or X-Forwarded-Host cannot send the callback to another server (a listener on the
 * forged address hears nothing), and the callback still reaches the portal.
 */
@IntegrationTest
class PaymentCallbackAddressTest {

    static final WireMockServer ELSEWHERE = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    static {
        ELSEWHERE.start();
        Runtime.getRuntime().addShutdownHook(new Thread(ELSEWHERE::stop));
    }

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired CatalogService catalog;
    @Autowired Accounts accounts;
    @Autowired MotCuaProperties motcua;
    @Autowired JdbcClient jdbc;

    @Test
    void aForgedHostNeitherRedirectsTheCallbackNorTheReturnAddress() throws Exception {
        String forged = "127.0.0.1:" + ELSEWHERE.port();
        String code = ApiClient.signIn(port, "citizen", "demo123").postMultipart("/api/v1/dossiers",
                TestData.submission(catalog.procedure("1.004222").orElseThrow(), "000.31.01.H57"), null)
                .json().get("code").asString();

        // The order is made in a request that names another host: its return address is still the portal's.
        CurrentUser citizen = accounts.findUser("citizen").orElseThrow();
        String step = mvc.perform(post("/thanh-toan/" + code + "/vnpay").with(user(citizen)).with(csrf())
                .header("Host", forged).header("X-Forwarded-Host", forged)).andReturn().getResponse().getRedirectedUrl();
        String page = mvc.perform(get(step).with(user(citizen)).header("Host", forged).header("X-Forwarded-Host", forged))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String gateway = HtmlUtils.htmlUnescape(page.replaceAll("(?s).*id=\"gateway\"[^>]*href=\"([^\"]+)\".*", "$1"));
        Map<String, String> order = query(URI.create(gateway).getRawQuery());
        assertThat(order.get("vnp_ReturnUrl")).isEqualTo(motcua.publicUrl() + "/thanh-toan/vnpay/ket-qua");

        // The payer confirms at the sandbox twice, in requests whose Host, then X-Forwarded-Host, is forged.
        String first = payAtSandbox(gateway, order, "Host: " + forged);
        String second = payAtSandbox(gateway, order, "Host: localhost:" + port + "\r\nX-Forwarded-Host: " + forged);

        assertThat(ELSEWHERE.getAllServeEvents()).as("calls to the forged address").isEmpty();
        String reference = order.get("vnp_TxnRef");
        assertThat(jdbc.sql("select answer from payment_callback where reference = ? and channel = 'IPN' order by id")
                .param(reference).query(String.class).list()).containsExactly("00", "02");
        assertThat(jdbc.sql("select state from payment where reference = ?").param(reference)
                .query(String.class).single()).isEqualTo("PAID");
        for (String answer : List.of(first, second)) {
            assertThat(answer).startsWith("HTTP/1.1 302")
                    .contains("Location: " + motcua.publicUrl() + "/thanh-toan/vnpay/ket-qua?");
        }
    }

    /** Opens the sandbox's page for the order, then posts its "pay" button by hand with the extra headers. */
    private String payAtSandbox(String gateway, Map<String, String> order, String headers) throws IOException {
        HttpResponse<String> page = Http.get(port, gateway);
        assertThat(page.statusCode()).isEqualTo(200);
        String cookies = page.headers().allValues("Set-Cookie").stream().map(c -> c.split(";")[0])
                .collect(Collectors.joining("; "));
        String token = page.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        Map<String, String> form = new LinkedHashMap<>(order);
        form.put("_csrf", token);
        form.put("ketQua", "pay");
        byte[] body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")).getBytes(StandardCharsets.US_ASCII);
        // By hand: Java's HTTP client does not let a caller set Host.
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + URI.create(gateway).getRawPath() + " HTTP/1.1\r\n" + headers + "\r\n"
                    + "Cookie: " + cookies + "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return params;
    }
}
