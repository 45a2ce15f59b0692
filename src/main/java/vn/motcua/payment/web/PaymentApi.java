package vn.motcua.payment.web;

import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.identity.Actors;
import vn.motcua.identity.CurrentUser;
import vn.motcua.payment.OnlinePayments;
import vn.motcua.payment.PaymentDues;
import vn.motcua.payment.PaymentSummary;

/** The gateway's server-to-server callback, and a dossier's fees and payments as JSON. */
@RestController
class PaymentApi {

    private final Actors actors;
    private final OnlinePayments online;
    private final PaymentDues dues;

    PaymentApi(Actors actors, OnlinePayments online, PaymentDues dues) {
        this.actors = actors;
        this.online = online;
        this.dues = dues;
    }

    /**
     * VNPay's IPN: called by the gateway (GET with the signed answer in the query). Always answers 200 with the
     * protocol's {@code {"RspCode","Message"}}: the gateway reads the code, and retries until it gets 00 or 02.
     */
    @GetMapping("/api/v1/payments/vnpay/ipn")
    Map<String, String> ipn(@RequestParam Map<String, String> params) {
        OnlinePayments.GatewayAnswer answer = online.gatewayAnswer(params, "IPN");
        return Map.of("RspCode", answer.code(), "Message", answer.message());
    }

    @GetMapping("/api/v1/dossiers/{code}/payments")
    PaymentSummary ofDossier(@PathVariable String code, @AuthenticationPrincipal CurrentUser user) {
        return dues.summary(code, actors.of(user));
    }
}
