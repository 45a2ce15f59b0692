package vn.motcua.payment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.FeeExemption;
import vn.motcua.catalog.Procedure;
import vn.motcua.identity.Actor;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierFacts;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.FeeGate;
import vn.motcua.dossier.TrackingLinks;
import vn.motcua.identity.Role;
import vn.motcua.organization.Agency;
import vn.motcua.organization.OrganizationService;
import vn.motcua.payment.internal.AmountInWords;
import vn.motcua.payment.internal.BankStatement;
import vn.motcua.payment.internal.FeeAssessor;
import vn.motcua.payment.internal.PaymentRepository;
import vn.motcua.payment.internal.VietQr;
import vn.motcua.payment.internal.VnpayGateway;
import vn.motcua.payment.internal.VnpayProtocol;
import vn.motcua.platform.MotCuaProperties;
import vn.motcua.platform.pdf.HtmlPdf;
import vn.motcua.platform.qr.QrCodes;
import vn.motcua.platform.web.UserFacingException;
import vn.motcua.platform.web.VietnamTime;

/**
 * The way into fees and payments. A dossier's fees are assessed live from its procedure's schedule until the first
 * payment, and frozen from then on. Every change to a dossier's payments runs under one lock per dossier, and every
 * payment becomes PAID at most once, with a receipt number from a database counter: a repeated, late or forged
 * answer from a gateway or a bank never pays twice or pays a wrong amount.
 */
@Service
public class PaymentService implements FeeGate {

    private static final Set<DossierStatus> PAYABLE = EnumSet.of(DossierStatus.SUBMITTED, DossierStatus.RECEIVED,
            DossierStatus.PROCESSING, DossierStatus.SUPPLEMENT_REQUESTED, DossierStatus.RESULT_READY);

    private final PaymentRepository repository;
    private final DossierQueries dossiers;
    private final CatalogService catalog;
    private final OrganizationService organization;
    private final VnpayGateway vnpay;
    private final PaymentProperties properties;
    private final MotCuaProperties motcua;
    private final HtmlPdf pdf;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final VietnamTime time;
    private final TrackingLinks trackingLinks;

    PaymentService(PaymentRepository repository, DossierQueries dossiers, CatalogService catalog,
                   OrganizationService organization, VnpayGateway vnpay, PaymentProperties properties,
                   MotCuaProperties motcua, HtmlPdf pdf, ApplicationEventPublisher events, Clock clock,
                   VietnamTime time, TrackingLinks trackingLinks) {
        this.time = time;
        this.trackingLinks = trackingLinks;
        this.repository = repository;
        this.dossiers = dossiers;
        this.catalog = catalog;
        this.organization = organization;
        this.vnpay = vnpay;
        this.properties = properties;
        this.motcua = motcua;
        this.pdf = pdf;
        this.events = events;
        this.clock = clock;
    }

    // =================================================================== what is due

    /**
     * A dossier's fees and payments, for a page that has already checked its viewer may see the dossier; empty for a
     * draft or an unknown code.
     */
    public Optional<PaymentSummary> summary(String dossierCode) {
        return dossiers.facts(dossierCode).map(this::summary);
    }

    /** A dossier's fees and payments, for a viewer who may see the dossier. */
    public PaymentSummary summary(String dossierCode, Actor viewer) {
        dossiers.requireVisible(dossierCode, viewer);
        return summary(dossierCode).orElseThrow(() -> UserFacingException.notFound("dossier.notFound", dossierCode));
    }

    private PaymentSummary summary(DossierFacts facts) {
        FeeAssessment assessment = assessment(facts);
        List<Payment> payments = repository.ofDossier(facts.ref().code());
        long paid = payments.stream().filter(p -> p.state() == PaymentState.PAID).mapToLong(Payment::amount).sum();
        return new PaymentSummary(assessment, payments, paid, Math.max(0, assessment.total() - paid), vnpay.enabled(),
                properties.bank().configured());
    }

    /** The stored assessment once anything is paid; until then, worked out afresh with the declared exemption. */
    private FeeAssessment assessment(DossierFacts facts) {
        String code = facts.ref().code();
        Optional<FeeAssessment> stored = repository.assessment(code);
        if (stored.isPresent() && repository.paidTotal(code) > 0) {
            return stored.get();
        }
        Procedure procedure = catalog.procedure(facts.ref().procedureCode()).orElseThrow();
        return FeeAssessor.assess(code, procedure, facts.formData(), online(facts),
                stored.map(FeeAssessment::exemption).orElse(null),
                stored.map(FeeAssessment::exemptionCheckedBy).orElse(null), clock.instant());
    }

    /** Asked by the dossier module before the steps its process makes wait for payment. */
    @Override
    public boolean paid(DossierFacts dossier) {
        return assessment(dossier).total() <= repository.paidTotal(dossier.ref().code());
    }

    // =================================================================== exemptions

    /** The exempt groups any fee of the procedure names, in a fixed order. */
    public List<FeeExemption> exemptionsFor(String procedureCode) {
        Set<FeeExemption> groups = EnumSet.noneOf(FeeExemption.class);
        catalog.procedure(procedureCode).ifPresent(p -> p.fees().forEach(f -> groups.addAll(f.exemptions())));
        return List.copyOf(groups);
    }

    /**
     * The applicant declares (or withdraws, with null) the exempt group they belong to, before paying; an officer
     * checks the proof at reception. Once something is paid the assessment no longer changes.
     */
    @Transactional
    public FeeAssessment declareExemption(String dossierCode, FeeExemption group, Actor applicant) {
        DossierFacts facts = ownPayable(dossierCode, applicant);
        return setExemption(facts, group, null);
    }

    /** An officer records the exempt group whose proof they saw (or clears it). */
    @Transactional
    public FeeAssessment checkExemption(String dossierCode, FeeExemption group, Actor officer) {
        DossierFacts facts = officialPayable(dossierCode, officer);
        return setExemption(facts, group, group == null ? null : officer.username());
    }

    private FeeAssessment setExemption(DossierFacts facts, FeeExemption group, String checkedBy) {
        String code = facts.ref().code();
        repository.lockDossier(code);
        refuseUnless(repository.paidTotal(code) == 0, "payment.exemption.afterPayment");
        Procedure procedure = catalog.procedure(facts.ref().procedureCode()).orElseThrow();
        refuseUnless(group == null || procedure.fees().stream().anyMatch(f -> f.exemptions().contains(group)),
                "payment.exemption.notApplicable");
        FeeAssessment a = FeeAssessor.assess(code, procedure, facts.formData(), online(facts), group, checkedBy,
                clock.instant());
        repository.save(a);
        return a;
    }

    // =================================================================== paying online (VNPay)

    /** Opens an order for what is still due; the payer is then sent to the gateway with it. */
    @Transactional
    public Payment payOnline(String dossierCode, Actor payer) {
        refuseUnless(vnpay.enabled(), "payment.online.off");
        DossierFacts facts = ownPayable(dossierCode, payer);
        return open(facts, PaymentMethod.VNPAY, payer.username(), clock.instant().plus(properties.vnpay().timeout()));
    }

    /**
     * The gateway's signed address for the payer's open order. The order is paid only when the gateway's signed
     * answer says so.
     */
    public String gatewayUrl(String dossierCode, String reference, Actor payer, String clientIp, String returnUrl) {
        ownDossier(dossierCode, payer);
        Payment order = repository.byReference(reference).filter(p -> p.dossierCode().equals(dossierCode)
                        && p.method() == PaymentMethod.VNPAY && p.state() == PaymentState.CREATED)
                .orElseThrow(() -> UserFacingException.notFound("payment.notFound", reference));
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
                } else if (payment.state() == PaymentState.PAID || payment.state() == PaymentState.FAILED) {
                    answer = VnpayProtocol.ALREADY_CONFIRMED;
                } else if (VnpayProtocol.SUCCESS.equals(params.get("vnp_ResponseCode"))
                        && VnpayProtocol.SUCCESS.equals(params.get("vnp_TransactionStatus"))) {
                    Instant paidAt = Optional.ofNullable(VnpayProtocol.parseTime(params.get("vnp_PayDate"))).orElse(now);
                    payment = markPaid(payment, paidAt, params.get("vnp_TransactionNo"), params.get("vnp_BankCode"),
                            null);
                    answer = VnpayProtocol.CONFIRMED;
                } else {
                    if (payment.state().mayBecome(PaymentState.FAILED)) {
                        repository.mark(payment.id(), PaymentState.FAILED, "VNPay " + params.get("vnp_ResponseCode"));
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

    // =================================================================== bank transfer (VietQR)

    /** The open transfer order for what is still due (one per dossier and amount), with its QR code. */
    @Transactional
    public BankTransfer bankTransfer(String dossierCode, Actor payer) {
        refuseUnless(properties.bank().configured(), "payment.transfer.off");
        DossierFacts facts = ownPayable(dossierCode, payer);
        repository.lockDossier(dossierCode);
        long outstanding = outstanding(facts);
        Payment order = repository.ofDossier(dossierCode).stream()
                .filter(p -> p.method() == PaymentMethod.BANK_TRANSFER && p.state() == PaymentState.CREATED
                        && p.amount() == outstanding)
                .findFirst().orElseGet(() -> open(facts, PaymentMethod.BANK_TRANSFER, payer.username(), null));
        return transfer(order);
    }

    /** A transfer order of the payer's own dossier, to show again. */
    public BankTransfer bankTransfer(String dossierCode, String reference, Actor payer) {
        ownDossier(dossierCode, payer);
        Payment order = repository.byReference(reference).filter(p -> p.dossierCode().equals(dossierCode)
                && p.method() == PaymentMethod.BANK_TRANSFER).orElseThrow(() -> UserFacingException.notFound(
                "payment.notFound", reference));
        return transfer(order);
    }

    private BankTransfer transfer(Payment order) {
        PaymentProperties.Bank bank = properties.bank();
        String payload = VietQr.payload(bank.bin(), bank.account(), order.amount(), order.reference());
        return new BankTransfer(order, bank.bankName(), bank.account(), bank.accountName(), payload,
                QrCodes.dataUri(payload));
    }

    /** What the payer needs to make the transfer: the account, the exact amount, the content, and the QR code. */
    public record BankTransfer(Payment payment, String bankName, String account, String accountName, String qrPayload,
                               String qrDataUri) {
    }

    /** An officer saw the money arrive: the transfer order is paid, with the bank's reference of the transaction. */
    @Transactional
    public Payment confirmTransfer(String reference, String bankRef, Actor officer) {
        Payment order = repository.byReference(reference).filter(p -> p.method() == PaymentMethod.BANK_TRANSFER)
                .orElseThrow(() -> UserFacingException.notFound("payment.notFound", reference));
        officialPayable(order.dossierCode(), officer);
        refuseUnless(bankRef != null && !bankRef.isBlank(), "payment.transfer.bankRefRequired");
        repository.lockDossier(order.dossierCode());
        order = repository.find(order.id()).orElseThrow();
        refuseUnless(order.state().mayBecome(PaymentState.PAID), "payment.alreadySettled", reference);
        refuseUnless(!repository.transactionSeen(PaymentMethod.BANK_TRANSFER, bankRef.strip()),
                "payment.transfer.bankRefUsed", bankRef.strip());
        return markPaid(order, clock.instant(), bankRef.strip(), null, officer.username());
    }

    /**
     * Reconciles a bank statement: each credit whose content carries an open transfer order's reference and whose
     * amount is exactly the order's pays it. Lines already applied (same bank reference) are skipped, so importing the
     * same statement twice changes nothing.
     */
    @Transactional
    public StatementReport importStatement(String csv, Actor officer) {
        BankStatement.Parsed parsed;
        try {
            parsed = BankStatement.parse(csv);
        } catch (IllegalArgumentException e) {
            throw UserFacingException.badRequest("payment.statement.unreadable");
        }
        List<StatementReport.Entry> entries = new ArrayList<>();
        for (BankStatement.Line line : parsed.lines()) {
            entries.add(new StatementReport.Entry(line.line(), line.reference(), line.amount(), line.bankRef(),
                    reconcile(line, officer)));
        }
        return new StatementReport(entries, parsed.unreadable());
    }

    private StatementReport.Outcome reconcile(BankStatement.Line line, Actor officer) {
        if (!line.credit()) {
            return StatementReport.Outcome.NOT_A_CREDIT;
        }
        if (repository.transactionSeen(PaymentMethod.BANK_TRANSFER, line.bankRef())) {
            return StatementReport.Outcome.ALREADY_APPLIED;
        }
        if (line.reference() == null) {
            return StatementReport.Outcome.NO_REFERENCE;
        }
        Optional<Payment> found = repository.byReference(line.reference())
                .filter(p -> p.method() == PaymentMethod.BANK_TRANSFER);
        if (found.isEmpty()) {
            return StatementReport.Outcome.UNKNOWN_REFERENCE;
        }
        try {
            officialPayable(found.get().dossierCode(), officer);
        } catch (UserFacingException e) {
            return StatementReport.Outcome.UNKNOWN_REFERENCE;
        }
        repository.lockDossier(found.get().dossierCode());
        Payment order = repository.find(found.get().id()).orElseThrow();
        if (!order.state().mayBecome(PaymentState.PAID)) {
            return StatementReport.Outcome.ALREADY_PAID;
        }
        if (order.amount() != line.amount()) {
            return StatementReport.Outcome.WRONG_AMOUNT;
        }
        markPaid(order, clock.instant(), line.bankRef(), null, officer.username());
        return StatementReport.Outcome.PAID;
    }

    // =================================================================== at the counter

    /** A reception officer took what is due in cash or by card; the receipt is issued at once. */
    @Transactional
    public Payment recordAtCounter(String dossierCode, PaymentMethod method, String slip, Actor officer) {
        refuseUnless(method != null && method.atCounter(), "payment.counter.method");
        DossierFacts facts = officialPayable(dossierCode, officer);
        refuseUnless(officer.has(Role.RECEPTION), "payment.counter.notReception");
        refuseUnless(method != PaymentMethod.CARD || slip != null && !slip.isBlank(), "payment.counter.slipRequired");
        repository.lockDossier(dossierCode);
        Payment order = open(facts, method, officer.username(), null);
        return markPaid(order, clock.instant(), method == PaymentMethod.CARD ? slip.strip() : null, null,
                officer.username());
    }

    // =================================================================== receipts

    /** The electronic receipt (biên lai) of a paid payment, for whoever may see its dossier. */
    public Receipt receipt(String receiptNumber, Actor viewer) {
        Payment payment = repository.byReceipt(receiptNumber)
                .orElseThrow(() -> UserFacingException.notFound("payment.receipt.notFound", receiptNumber));
        DossierView dossier = dossiers.view(payment.dossierCode(), viewer);
        FeeAssessment assessment = assessment(dossiers.facts(payment.dossierCode()).orElseThrow());
        Agency agency = organization.agency(dossier.receivingAgency()).orElse(null);
        Map<String, Object> variables = new HashMap<>();
        variables.put("payment", payment);
        variables.put("dossier", dossier);
        variables.put("assessment", assessment);
        variables.put("agencyName", agency == null ? dossier.receivingAgency() : agency.name());
        variables.put("amountInWords", AmountInWords.of(payment.amount()));
        variables.put("placeName", motcua.placeName());
        variables.put("paidOn", LocalDate.ofInstant(payment.paidAt(), VietnamTime.ZONE));
        variables.put("paidTime", time.dateTime(payment.paidAt()));
        variables.put("methodName", switch (payment.method()) {
            case VNPAY -> "Thanh toán trực tuyến qua VNPay";
            case BANK_TRANSFER -> "Chuyển khoản ngân hàng";
            case CASH -> "Tiền mặt tại quầy";
            case CARD -> "Thẻ tại quầy";
        });
        variables.put("collector", payment.recordedBy() != null ? payment.recordedBy()
                : "Hệ thống MộtCửa (thanh toán trực tuyến)");
        variables.put("sandbox", vnpay.sandbox() && payment.method() == PaymentMethod.VNPAY);
        String trackingUrl = trackingLinks.of(payment.dossierCode());
        variables.put("trackingUrl", trackingUrl);
        variables.put("qr", QrCodes.dataUri(trackingUrl));
        return new Receipt(payment.receiptNumber() + ".pdf", pdf.render("payment/receipt", variables));
    }

    public record Receipt(String fileName, byte[] content) {
    }

    // =================================================================== internals

    private Payment open(DossierFacts facts, PaymentMethod method, String by, Instant expiresAt) {
        String code = facts.ref().code();
        repository.lockDossier(code);
        long outstanding = outstanding(facts);
        refuseUnless(outstanding > 0, "payment.nothingDue");
        // The assessment the order is made for is kept: it is what the receipt will list.
        repository.save(assessment(facts));
        return repository.insert(repository.nextReference(), code, method, outstanding, clock.instant(), by, expiresAt);
    }

    private static boolean online(DossierFacts facts) {
        return facts.ref().channel() == Channel.ONLINE || facts.ref().channel() == Channel.NATIONAL_PORTAL;
    }

    private long outstanding(DossierFacts facts) {
        return Math.max(0, assessment(facts).total() - repository.paidTotal(facts.ref().code()));
    }

    /** Marks an order paid under the dossier's lock, numbers its receipt, and announces it. */
    private Payment markPaid(Payment order, Instant paidAt, String transactionRef, String bankCode, String recordedBy) {
        DossierFacts facts = dossiers.facts(order.dossierCode()).orElseThrow();
        boolean excess = outstanding(facts) == 0;
        String receipt = repository.nextReceiptNumber(LocalDate.ofInstant(paidAt, VietnamTime.ZONE).getYear());
        repository.markPaid(order.id(), paidAt, transactionRef, bankCode, receipt, recordedBy, excess);
        boolean settled = outstanding(facts) == 0;
        events.publishEvent(new PaymentCompleted(order.dossierCode(), order.reference(), order.method(),
                order.amount(), receipt, settled, paidAt));
        return repository.find(order.id()).orElseThrow();
    }

    private DossierFacts ownDossier(String dossierCode, Actor applicant) {
        DossierView view = dossiers.view(dossierCode, applicant);
        if (view.applicant() == null || !applicant.username().equals(view.applicant().username())) {
            throw UserFacingException.notFound("dossier.notFound", dossierCode);
        }
        return dossiers.facts(dossierCode).orElseThrow();
    }

    private DossierFacts ownPayable(String dossierCode, Actor applicant) {
        DossierFacts facts = ownDossier(dossierCode, applicant);
        refuseUnless(PAYABLE.contains(facts.status()), "payment.notPayable");
        return facts;
    }

    private DossierFacts officialPayable(String dossierCode, Actor officer) {
        if (!officer.isOfficial()) {
            throw UserFacingException.notFound("dossier.notFound", dossierCode);
        }
        dossiers.requireVisible(dossierCode, officer);
        DossierFacts facts = dossiers.facts(dossierCode).orElseThrow();
        refuseUnless(PAYABLE.contains(facts.status()) || facts.status() == DossierStatus.RETURNED,
                "payment.notPayable");
        return facts;
    }

    private static void refuseUnless(boolean condition, String key, Object... args) {
        if (!condition) {
            throw new UserFacingException(HttpStatus.CONFLICT, "payment_refused", key, args);
        }
    }
}
