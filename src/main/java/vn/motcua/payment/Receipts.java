package vn.motcua.payment;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Service;

import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.TrackingLinks;
import vn.motcua.identity.Actor;
import vn.motcua.organization.Agency;
import vn.motcua.organization.OrganizationService;
import vn.motcua.payment.internal.AmountInWords;
import vn.motcua.payment.internal.PaymentRepository;
import vn.motcua.payment.internal.VnpayGateway;
import vn.motcua.platform.MotCuaProperties;
import vn.motcua.platform.pdf.HtmlPdf;
import vn.motcua.platform.qr.QrCodes;
import vn.motcua.platform.web.UserFacingException;
import vn.motcua.platform.web.VietnamTime;

/** The electronic receipts (biên lai) of paid payments, numbered from a database counter when paid. */
@Service
public class Receipts {

    private final DossierPayments dossierPayments;
    private final PaymentRepository repository;
    private final DossierQueries dossiers;
    private final OrganizationService organization;
    private final VnpayGateway vnpay;
    private final MotCuaProperties motcua;
    private final HtmlPdf pdf;
    private final VietnamTime time;
    private final TrackingLinks trackingLinks;

    Receipts(DossierPayments dossierPayments, PaymentRepository repository, DossierQueries dossiers,
             OrganizationService organization, VnpayGateway vnpay, MotCuaProperties motcua, HtmlPdf pdf,
             VietnamTime time, TrackingLinks trackingLinks) {
        this.dossierPayments = dossierPayments;
        this.repository = repository;
        this.dossiers = dossiers;
        this.organization = organization;
        this.vnpay = vnpay;
        this.motcua = motcua;
        this.pdf = pdf;
        this.time = time;
        this.trackingLinks = trackingLinks;
    }

    /** The electronic receipt (biên lai) of a paid payment, for whoever may see its dossier. */
    public Receipt receipt(String receiptNumber, Actor viewer) {
        Payment payment = repository.byReceipt(receiptNumber)
                .orElseThrow(() -> UserFacingException.notFound("payment.receipt.notFound", receiptNumber));
        DossierView dossier = dossiers.view(payment.dossierCode(), viewer);
        FeeAssessment assessment = dossierPayments.assessment(dossiers.facts(payment.dossierCode()).orElseThrow());
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
}
