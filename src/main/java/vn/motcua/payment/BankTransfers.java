package vn.motcua.payment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.dossier.DossierFacts;
import vn.motcua.identity.Actor;
import vn.motcua.payment.internal.BankStatement;
import vn.motcua.payment.internal.PaymentRepository;
import vn.motcua.payment.internal.VietQr;
import vn.motcua.platform.qr.QrCodes;
import vn.motcua.platform.web.UserFacingException;

import static vn.motcua.payment.DossierPayments.refuseUnless;

/**
 * Paying by bank transfer with a VietQR code: an officer confirms the money arrived, or a bank statement reconciles
 * the orders it credits. A bank's reference pays at most one order, so a statement imported twice changes nothing.
 */
@Service
public class BankTransfers {

    private final DossierPayments dossierPayments;
    private final PaymentRepository repository;
    private final PaymentProperties properties;
    private final Clock clock;

    BankTransfers(DossierPayments dossierPayments, PaymentRepository repository, PaymentProperties properties,
                  Clock clock) {
        this.dossierPayments = dossierPayments;
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    /** The open transfer order for what is still due (one per dossier and amount), with its QR code. */
    @Transactional
    public BankTransfer bankTransfer(String dossierCode, Actor payer) {
        refuseUnless(properties.bank().configured(), "payment.transfer.off");
        DossierFacts facts = dossierPayments.ownPayable(dossierCode, payer);
        return transfer(dossierPayments.openOrReuse(facts, PaymentMethod.BANK_TRANSFER, payer.username(), null));
    }

    /** A transfer order of the payer's own dossier, to show again. */
    public BankTransfer bankTransfer(String dossierCode, String reference, Actor payer) {
        dossierPayments.ownDossier(dossierCode, payer);
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
        dossierPayments.officialPayable(order.dossierCode(), officer);
        refuseUnless(bankRef != null && !bankRef.isBlank(), "payment.transfer.bankRefRequired");
        repository.lockDossier(order.dossierCode());
        order = repository.find(order.id()).orElseThrow();
        refuseUnless(order.state().mayBecome(PaymentState.PAID), "payment.alreadySettled", reference);
        refuseUnless(!repository.transactionSeen(PaymentMethod.BANK_TRANSFER, bankRef.strip()),
                "payment.transfer.bankRefUsed", bankRef.strip());
        return dossierPayments.markPaid(order, clock.instant(), bankRef.strip(), null, officer.username());
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
            dossierPayments.officialPayable(found.get().dossierCode(), officer);
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
        dossierPayments.markPaid(order, clock.instant(), line.bankRef(), null, officer.username());
        return StatementReport.Outcome.PAID;
    }
}
