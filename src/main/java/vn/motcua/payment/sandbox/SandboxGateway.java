package vn.motcua.payment.sandbox;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClient;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

import vn.motcua.payment.internal.VnpayGateway;
import vn.motcua.payment.internal.VnpayProtocol;
import vn.motcua.platform.MotCuaProperties;

/**
 * A SANDBOX payment gateway for demos and tests, served only when {@code motcua.payment.vnpay.sandbox} is true. It
 * speaks VNPay's protocol from the gateway's side: it checks the order's signature, shows the payer a page clearly
 * marked as a test, and on their choice signs the answer, calls the merchant's IPN over HTTP, then sends the browser
 * to the return URL. No money moves.
 */
@Controller
@ConditionalOnProperty(name = "motcua.payment.vnpay.sandbox", havingValue = "true")
class SandboxGateway {

    private static final Logger log = LoggerFactory.getLogger(SandboxGateway.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final VnpayGateway gateway;
    private final Clock clock;
    private final RestClient http = RestClient.create();
    private final String ipnUrl;

    SandboxGateway(VnpayGateway gateway, Clock clock, MotCuaProperties motcua) {
        this.gateway = gateway;
        this.clock = clock;
        // The IPN address a merchant registers with VNPay: the portal's configured address, never one taken from a
        // request (its Host header is the sender's to choose, and the signed answer would go wherever it points).
        this.ipnUrl = motcua.publicUrl().replaceAll("/+$", "") + "/api/v1/payments/vnpay/ipn";
    }

    @GetMapping(VnpayGateway.SANDBOX_PATH)
    String order(@RequestParam Map<String, String> params, Model model) {
        checked(params);
        model.addAttribute("order", new TreeMap<>(params));
        model.addAttribute("amount", Long.parseLong(params.get("vnp_Amount")) / 100);
        return "payment/sandbox";
    }

    @PostMapping(VnpayGateway.SANDBOX_PATH)
    String answer(@RequestParam Map<String, String> form) {
        String outcome = form.remove("ketQua");
        form.remove("_csrf");
        Map<String, String> order = checked(form);
        boolean pay = "pay".equals(outcome);
        Map<String, String> answer = new TreeMap<>();
        answer.put("vnp_TmnCode", order.get("vnp_TmnCode"));
        answer.put("vnp_Amount", order.get("vnp_Amount"));
        answer.put("vnp_TxnRef", order.get("vnp_TxnRef"));
        answer.put("vnp_OrderInfo", order.get("vnp_OrderInfo"));
        answer.put("vnp_BankCode", "NCB");
        answer.put("vnp_CardType", "ATM");
        answer.put("vnp_PayDate", VnpayProtocol.time(clock.instant()));
        answer.put("vnp_TransactionNo", pay ? String.valueOf(10_000_000 + RANDOM.nextInt(89_999_999)) : "0");
        answer.put("vnp_ResponseCode", pay ? VnpayProtocol.SUCCESS : "24"); // 24: the payer cancelled
        answer.put("vnp_TransactionStatus", pay ? VnpayProtocol.SUCCESS : "02");
        if (pay) {
            answer.put("vnp_BankTranNo", "SANDBOX" + answer.get("vnp_TransactionNo"));
        }
        Map<String, String> signed = gateway.protocol().signed(answer);
        // The gateway tells the merchant's server first, as VNPay does; the browser may never come back.
        URI ipn = withQuery(ipnUrl, signed);
        try {
            String reply = http.get().uri(ipn).retrieve().body(String.class);
            log.info("Sandbox gateway: IPN for {} answered {}", order.get("vnp_TxnRef"), reply);
        } catch (RuntimeException e) {
            log.warn("Sandbox gateway: IPN for {} failed: {}", order.get("vnp_TxnRef"), e.toString());
        }
        return "redirect:" + withQuery(order.get("vnp_ReturnUrl"), signed);
    }

    /** The order's parameters, if it is signed by this merchant; a 400 otherwise. */
    private Map<String, String> checked(Map<String, String> params) {
        if (!gateway.enabled() || !VnpayGateway.SANDBOX_TMN_CODE.equals(params.get("vnp_TmnCode"))
                || !gateway.protocol().verify(params) || params.get("vnp_ReturnUrl") == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Invalid signature");
        }
        return params;
    }

    private static URI withQuery(String base, Map<String, String> params) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(base);
        params.forEach((k, v) -> uri.queryParam(k, VnpayProtocol.encode(v)));
        return URI.create(uri.build(true).toUriString());
    }
}
