package vn.motcua.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.dossier.DossierFacts;
import vn.motcua.identity.Actor;
import vn.motcua.payment.internal.PaymentRepository;
import vn.motcua.payment.internal.VnpayGateway;
import vn.motcua.payment.internal.VnpayProtocol;
import vn.motcua.platform.web.UserFacingException;

import static vn.motcua.payment.DossierPayments.refuseUnless;

/**
 * Paying online through the VNPay gateway protocol. An order is paid only when the gateway's signed answer says so,
 * at most once, under the dossier's lock: a repeated, late or forged answer never pays twice or pays a wrong amount.
 */
@Service
public class OnlinePayments {

    private final DossierPayments dossierPayments;
    private final PaymentRepository repository;
    private final VnpayGateway vnpay;
    private final PaymentProperties properties;
    private final Clock clock;

    OnlinePayments(DossierPayments dossierPayments, PaymentRepository repository, VnpayGateway vnpay,
                   PaymentProperties properties, Clock clock) {
        this.dossierPayments = dossierPayments;
        this.repository = repository;
        this.vnpay = vnpay;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The order for what is still due that the payer is sent to the gateway with: the dossier's open one for that
     * amount if it has one (a second click pays the same order, not a second one), else a new one.
     */
    @Transactional
    public Payment payOnline(String dossierCode, Actor payer) {
        refuseUnless(vnpay.enabled(), "payment.online.off");
        DossierFacts facts = dossierPayments.ownPayable(dossierCode, payer);
        return dossierPayments.openOrReuse(facts, PaymentMethod.VNPAY, payer.username(),
                clock.instant().plus(properties.vnpay().timeout()));
    }

    /**
     * The gateway's signed address for the payer's open order. The order is paid only when the gateway's signed
     * answer says so.
     */
    public String gatewayUrl(String dossierCode, String reference, Actor payer, String clientIp, String returnUrl) {
        DossierFacts facts = dossierPayments.ownDossier(dossierCode, payer);
        Payment order = repository.byReference(reference).filter(p -> p.dossierCode().equals(dossierCode)
                        && p.method() == PaymentMethod.VNPAY && p.state() == PaymentState.CREATED)
                .orElseThrow(() -> UserFacingException.notFound("payment.notFound", reference));
        // An order left open from an earlier click is not paid again once the fees are settled.
        refuseUnless(dossierPayments.outstanding(facts) > 0, "payment.nothingDue");
        return vnpay.orderUrl(order, "Nop phi ho so " + dossierCode, clientIp, returnUrl, clock.instant());
    }

    /**
     * What the gateway answered, by the server-to-server IPN call or through the payer's browser on the return URL:
     * both are signed and go through the same checks, in this order: signature (97), order (01), amount (04), already
     * settled (02). Every call is logged with its answer.
     */
    @Transactional
    public GatewayAnswer gatewayAnswer(Map<String, String> params, String channel) {
        Instant now = clock.instant();
        String reference = params.get("vnp_TxnRef");
        Payment payment = null;
        String answer;
        if (!vnpay.enabled() || !vnpay.protocol().verify(params) || !vnpay.tmnCode().equals(params.get("vnp_TmnCode"))) {
            answer = VnpayProtocol.INVALID_SIGNATURE;
        } else {
            Optional<Payment> found = Optional.ofNullable(reference).flatMap(repository::byReference)
                    .filter(p -> p.method() == PaymentMethod.VNPAY);
            if (found.isEmpty()) {
                answer = VnpayProtocol.ORDER_NOT_FOUND;
            } else {
                repository.lockDossier(found.get().dossierCode());
                payment = repository.find(found.get().id()).orElseThrow();
                if (!Long.toString(payment.amount() * 100).equals(params.get("vnp_Amount"))) {
                    answer = VnpayProtocol.INVALID_AMOUNT;
                } else if (!payment.state().mayBecome(PaymentState.PAID)) {
                    // Paid or failed already: only an open or expired order may still be paid.
                    answer = VnpayProtocol.ALREADY_CONFIRMED;
                } else if (VnpayProtocol.SUCCESS.equals(params.get("vnp_ResponseCode"))
                        && VnpayProtocol.SUCCESS.equals(params.get("vnp_TransactionStatus"))) {
                    Instant paidAt = Optional.ofNullable(VnpayProtocol.parseTime(params.get("vnp_PayDate"))).orElse(now);
                    payment = dossierPayments.markPaid(payment, paidAt, params.get("vnp_TransactionNo"),
                            params.get("vnp_BankCode"), null);
                    answer = VnpayProtocol.CONFIRMED;
                } else {
                    if (dossierPayments.mark(payment, PaymentState.FAILED, "VNPay " + params.get("vnp_ResponseCode"))) {
                        payment = repository.find(payment.id()).orElseThrow();
                    }
                    answer = VnpayProtocol.CONFIRMED;
                }
            }
        }
        repository.callback(now, channel, reference, answer, params);
        return new GatewayAnswer(answer, Optional.ofNullable(payment));
    }

    /**
     * @param code    the answer code of the protocol ({@code 00} when the answer was taken into account)
     * @param payment the order it was about, when it names one of ours and is genuine
     */
    public record GatewayAnswer(String code, Optional<Payment> payment) {

        public String message() {
            return switch (code) {
                case VnpayProtocol.CONFIRMED -> "Confirm Success";
                case VnpayProtocol.ORDER_NOT_FOUND -> "Order not found";
                case VnpayProtocol.ALREADY_CONFIRMED -> "Order already confirmed";
                case VnpayProtocol.INVALID_AMOUNT -> "Invalid amount";
                case VnpayProtocol.INVALID_SIGNATURE -> "Invalid signature";
                default -> "Unknown error";
            };
        }
    }

    /** Orders nobody answered for in time expire; a late genuine success still pays them. */
    @Scheduled(fixedDelayString = "${motcua.payment.expiry-check:1m}", initialDelayString = "${motcua.payment.expiry-check:1m}")
    @Transactional
    public void expireOrders() {
        repository.expire(clock.instant());
    }
}
