package vn.motcua.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wiremock.webhooks.Webhooks;

import vn.motcua.catalog.CatalogService;
import vn.motcua.support.Accounts;
import vn.motcua.support.AlternativeIntegrationTest;
import vn.motcua.support.ApiClient;
import vn.motcua.support.Peers;
import vn.motcua.support.TestData;

/**
 * The VNPay adapter against a WireMock peer playing the gateway: the payer's browser lands on the peer's payment
 * page, and the peer calls the portal's IPN back (WireMock webhooks) with valid, forged, wrongly priced, duplicated
 * and late answers. The signatures here are computed by this test from VNPay's rules, not by the code under test.
 */
@AlternativeIntegrationTest
class PaymentGatewayPeerTest {

    static final String TMN = Peers.VNPAY_TMN;
    static final String SECRET = Peers.VNPAY_SECRET;
    static final String WARD = "000.31.01.H57";
    static final WireMockServer GATEWAY = Peers.VNPAY;

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired CatalogService catalog;
    @Autowired Accounts accounts;
    @Autowired PaymentDues dues;
    @Autowired OnlinePayments online;
    @Autowired JdbcClient jdbc;
    final HttpClient browser = HttpClient.newHttpClient();

    @Test
    void theGatewaysAnswersPayOnceAndOnlyWhenGenuine() throws Exception {
        String code = submit();
        Map<String, String> order = order(code);
        String ref = order.get("vnp_TxnRef");
        assertThat(order).containsEntry("vnp_TmnCode", TMN).containsEntry("vnp_Amount", "1000000")
                .containsEntry("vnp_Command", "pay").containsEntry("vnp_CurrCode", "VND")
                .containsEntry("vnp_Version", "2.1.0");
        assertThat(order.get("vnp_ReturnUrl")).endsWith("/thanh-toan/vnpay/ket-qua");
        // The order is signed as VNPay checks it.
        assertThat(order.get("vnp_SecureHash")).isEqualTo(sign(order));

        // A forged answer (signed with another secret) and a wrongly priced one change nothing.
        Map<String, String> success = answer(order, "00", "00", order.get("vnp_Amount"));
        callBack("forged", ref, withSignature(success, "not-the-secret"));
        awaitAnswers(ref, 1); // the peer's webhooks are asynchronous: one at a time keeps their order
        callBack("cheap", ref, withSignature(answer(order, "00", "00", "100000"), SECRET));
        awaitAnswers(ref, 2);
        assertThat(answers(ref)).containsExactly("97", "04");
        assertThat(state(ref)).isEqualTo("CREATED");

        // The genuine answer pays the order; the same answer again is acknowledged and pays nothing more.
        Map<String, String> genuine = withSignature(success, SECRET);
        callBack("genuine", ref, genuine);
        awaitAnswers(ref, 3);
        callBack("genuine", ref, genuine);
        awaitAnswers(ref, 4);
        assertThat(answers(ref)).containsExactly("97", "04", "00", "02");
        assertThat(state(ref)).isEqualTo("PAID");
        assertThat(jdbc.sql("select count(*) from payment where dossier_code = ? and receipt_number is not null")
                .param(code).query(Integer.class).single()).isEqualTo(1);
        assertThat(dues.summary(code).orElseThrow().settled()).isTrue();

        // The payer's browser comes back with the same signed answer: it shows the receipt, pays nothing more.
        String page = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/thanh-toan/vnpay/ket-qua?" + query(genuine))).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("Đã thanh toán 10.000 đ", "Biên lai điện tử số BL");
        assertThat(answers(ref)).endsWith("02");
    }

    @Test
    void aLateButGenuineSuccessStillPaysAnExpiredOrderOnce() throws Exception {
        String code = submit();
        Map<String, String> order = order(code);
        String ref = order.get("vnp_TxnRef");
        jdbc.sql("update payment set expires_at = now() - interval '1 minute' where reference = ?").param(ref).update();
        online.expireOrders();
        assertThat(state(ref)).isEqualTo("EXPIRED");

        Map<String, String> late = withSignature(answer(order, "00", "00", order.get("vnp_Amount")), SECRET);
        callBack("late", ref, late);
        awaitAnswers(ref, 1);
        callBack("late", ref, late);
        awaitAnswers(ref, 2);
        assertThat(answers(ref)).containsExactly("00", "02");
        assertThat(state(ref)).isEqualTo("PAID");
    }

    @Test
    void aCancelledPaymentFailsAndTheApplicantMayPayAgain() throws Exception {
        String code = submit();
        Map<String, String> order = order(code);
        String ref = order.get("vnp_TxnRef");
        callBack("cancel", ref, withSignature(answer(order, "24", "02", order.get("vnp_Amount")), SECRET));
        awaitAnswers(ref, 1);
        assertThat(state(ref)).isEqualTo("FAILED");
        assertThat(dues.summary(code).orElseThrow().outstanding()).isEqualTo(10_000);
        Map<String, String> again = order(code);
        assertThat(again.get("vnp_TxnRef")).isNotEqualTo(ref);
        // An answer about an order the portal never made is not found.
        Map<String, String> unknown = new TreeMap<>(answer(again, "00", "00", again.get("vnp_Amount")));
        unknown.put("vnp_TxnRef", "TT99999999");
        callBack("unknown", "TT99999999", withSignature(unknown, SECRET));
        awaitAnswers("TT99999999", 1);
        assertThat(answers("TT99999999")).containsExactly("01");
    }

    // ------------------------------------------------------------------

    private String submit() {
        ApiClient citizen = ApiClient.signIn(port, "citizen", "demo123");
        return citizen.postMultipart("/api/v1/dossiers",
                TestData.submission(catalog.procedure("1.004222").orElseThrow(), WARD), null).json().get("code").asString();
    }

    /** The citizen presses "pay online": the portal answers a redirect to the gateway with the signed order. */
    private Map<String, String> order(String code) throws Exception {
        var citizen = accounts.findUser("citizen").orElseThrow();
        String step = mvc.perform(post("/thanh-toan/" + code + "/vnpay").with(user(citizen)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(step)
                .with(user(citizen))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String location = org.springframework.web.util.HtmlUtils.htmlUnescape(
                page.replaceAll("(?s).*id=\"gateway\"[^>]*href=\"([^\"]+)\".*", "$1"));
        assertThat(location).startsWith("http://127.0.0.1:" + GATEWAY.port() + "/paymentv2/vpcpay.html?");
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return params;
    }

    /** What the gateway answers about an order. */
    private static Map<String, String> answer(Map<String, String> order, String response, String status, String amount) {
        Map<String, String> a = new TreeMap<>();
        a.put("vnp_TmnCode", order.get("vnp_TmnCode"));
        a.put("vnp_Amount", amount);
        a.put("vnp_TxnRef", order.get("vnp_TxnRef"));
        a.put("vnp_OrderInfo", order.get("vnp_OrderInfo"));
        a.put("vnp_BankCode", "NCB");
        a.put("vnp_CardType", "ATM");
        a.put("vnp_PayDate", "20261123101500");
        a.put("vnp_TransactionNo", "14" + order.get("vnp_TxnRef").substring(2));
        a.put("vnp_ResponseCode", response);
        a.put("vnp_TransactionStatus", status);
        return a;
    }

    /**
     * The peer's payment page for this browser visit calls the IPN back with the given answer, like VNPay's server
     * does after the payer confirms. Each call is a new stub keyed by a label in the visit's URL.
     */
    private void callBack(String label, String reference, Map<String, String> answer) throws Exception {
        String visit = label + "-" + reference + "-" + System.nanoTime();
        GATEWAY.stubFor(get(urlPathEqualTo("/paymentv2/vpcpay.html")).withQueryParam("visit", equalTo(visit))
                .willReturn(ok("<html><body>VNPay test peer</body></html>"))
                .withServeEventListener("webhook", Webhooks.webhook().withMethod(RequestMethod.GET)
                        .withUrl("http://127.0.0.1:" + port + "/api/v1/payments/vnpay/ipn?" + query(answer))));
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + GATEWAY.port() + "/paymentv2/vpcpay.html?visit=" + visit)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
    }

    private List<String> answers(String reference) {
        return jdbc.sql("select answer from payment_callback where reference = ? and channel = 'IPN' order by id")
                .param(reference).query(String.class).list();
    }

    private void awaitAnswers(String reference, int count) {
        await("IPN calls for " + reference).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> answers(reference).size() >= count);
    }

    private String state(String reference) {
        return jdbc.sql("select state from payment where reference = ?").param(reference).query(String.class).single();
    }

    private static Map<String, String> withSignature(Map<String, String> params, String secret) {
        Map<String, String> signed = new TreeMap<>(params);
        signed.put("vnp_SecureHash", hmac(hashData(params), secret));
        return signed;
    }

    private static String sign(Map<String, String> params) {
        return hmac(hashData(params), SECRET);
    }

    /** VNPay's rule: vnp_ fields except the hash, sorted, values URL-encoded, joined with '&'. */
    private static String hashData(Map<String, String> params) {
        return new TreeMap<>(params).entrySet().stream()
                .filter(e -> !e.getKey().equals("vnp_SecureHash") && !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.US_ASCII))
                .collect(Collectors.joining("&"));
    }

    private static String query(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String hmac(String data, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
