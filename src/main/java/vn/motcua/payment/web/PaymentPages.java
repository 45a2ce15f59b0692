package vn.motcua.payment.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.motcua.catalog.FeeExemption;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Actors;
import vn.motcua.identity.CurrentUser;
import vn.motcua.payment.BankTransfers;
import vn.motcua.payment.CounterPayments;
import vn.motcua.payment.OnlinePayments;
import vn.motcua.payment.PaymentDues;
import vn.motcua.payment.PaymentMethod;
import vn.motcua.payment.PaymentProperties;
import vn.motcua.payment.Receipts;
import vn.motcua.payment.StatementReport;
import vn.motcua.platform.MotCuaProperties;
import vn.motcua.platform.web.PageActions;
import vn.motcua.platform.web.PdfResponses;
import vn.motcua.platform.web.UserFacingException;

/** Paying a dossier's fees: the applicant's choices, the gateway's return page, and the counter's work. */
@Controller
class PaymentPages {

    private final Actors actors;
    private final PaymentDues dues;
    private final OnlinePayments online;
    private final BankTransfers transfers;
    private final CounterPayments counter;
    private final Receipts receipts;
    private final PaymentProperties properties;
    private final MessageSource messages;
    private final PageActions pageActions;
    private final String publicUrl;

    PaymentPages(Actors actors, PaymentDues dues, OnlinePayments online, BankTransfers transfers,
                 CounterPayments counter, Receipts receipts, PaymentProperties properties,
                 MessageSource messages, PageActions pageActions, MotCuaProperties motcua) {
        this.actors = actors;
        this.dues = dues;
        this.online = online;
        this.transfers = transfers;
        this.counter = counter;
        this.receipts = receipts;
        this.properties = properties;
        this.messages = messages;
        this.pageActions = pageActions;
        this.publicUrl = motcua.publicUrl().replaceAll("/+$", "");
    }

    // ------------------------------------------------------------------ applicant

    @PostMapping("/thanh-toan/{code}/vnpay")
    String payOnline(@PathVariable String code, @AuthenticationPrincipal CurrentUser user,
                     RedirectAttributes redirect, Locale locale) {
        return pageActions.actThenGo("/ho-so-cua-toi/" + code, redirect, locale,
                () -> "/thanh-toan/" + code + "/cong/" + online.payOnline(code, actor(user)).reference());
    }

    /**
     * The step to the gateway: a page that moves on by itself (a meta refresh, no script) or by its link. A form
     * cannot redirect to another site under the portal's Content-Security-Policy ({@code form-action 'self'}).
     */
    @GetMapping("/thanh-toan/{code}/cong/{reference}")
    String toGateway(@PathVariable String code, @PathVariable String reference,
                     @AuthenticationPrincipal CurrentUser user, HttpServletRequest request, Model model) {
        model.addAttribute("gatewayUrl", online.gatewayUrl(code, reference, actor(user), request.getRemoteAddr(),
                returnUrl()));
        model.addAttribute("code", code);
        return "payment/to-gateway";
    }

    @PostMapping("/thanh-toan/{code}/chuyen-khoan")
    String bankTransfer(@PathVariable String code, @AuthenticationPrincipal CurrentUser user,
                        RedirectAttributes redirect, Locale locale) {
        return pageActions.actThenGo("/ho-so-cua-toi/" + code, redirect, locale, () -> "/thanh-toan/" + code
                + "/chuyen-khoan/" + transfers.bankTransfer(code, actor(user)).payment().reference());
    }

    @GetMapping("/thanh-toan/{code}/chuyen-khoan/{reference}")
    String transferPage(@PathVariable String code, @PathVariable String reference,
                        @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("transfer", transfers.bankTransfer(code, reference, actor(user)));
        model.addAttribute("code", code);
        return "payment/bank-transfer";
    }

    @PostMapping("/thanh-toan/{code}/mien-phi")
    String declareExemption(@PathVariable String code, @RequestParam(name = "doiTuong", required = false) String group,
                            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect, Locale locale) {
        return done("/ho-so-cua-toi/" + code, redirect, locale, () -> {
            dues.declareExemption(code, exemption(group), actor(user));
            return PageActions.done("payment.exemption.saved");
        });
    }

    @GetMapping("/thanh-toan/{code}/bien-lai/{receipt}.pdf")
    ResponseEntity<byte[]> receipt(@PathVariable String code, @PathVariable String receipt,
                                   @AuthenticationPrincipal CurrentUser user) {
        return pdf(receipts.receipt(receipt, actor(user)));
    }

    /** Where the gateway sends the payer back. The signed answer counts like the server's callback. */
    @GetMapping("/thanh-toan/vnpay/ket-qua")
    String returned(@RequestParam Map<String, String> params, Model model) {
        OnlinePayments.GatewayAnswer answer = online.gatewayAnswer(params, "RETURN");
        model.addAttribute("genuine", answer.payment().isPresent());
        answer.payment().ifPresent(p -> model.addAttribute("payment", p));
        return "payment/return";
    }

    // ------------------------------------------------------------------ counter

    @PostMapping("/quan-tri/thu-phi/{code}")
    String recordAtCounter(@PathVariable String code, @RequestParam(name = "hinhThuc", required = false) String method,
                           @RequestParam(name = "soChungTu", required = false) String slip,
                           @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect, Locale locale) {
        return done("/quan-tri/ho-so/" + code, redirect, locale, () -> {
            PaymentMethod m = "CASH".equals(method) || "CARD".equals(method) ? PaymentMethod.valueOf(method) : null;
            String receipt = counter.recordAtCounter(code, m, slip, actor(user)).receiptNumber();
            return PageActions.done("payment.counter.done", receipt);
        });
    }

    @PostMapping("/quan-tri/thu-phi/{code}/mien-phi")
    String checkExemption(@PathVariable String code, @RequestParam(name = "doiTuong", required = false) String group,
                          @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect, Locale locale) {
        return done("/quan-tri/ho-so/" + code, redirect, locale, () -> {
            dues.checkExemption(code, exemption(group), actor(user));
            return PageActions.done("payment.exemption.saved");
        });
    }

    @PostMapping("/quan-tri/thu-phi/chuyen-khoan/{reference}")
    String confirmTransfer(@PathVariable String reference, @RequestParam(name = "dossier") String code,
                           @RequestParam(name = "maGiaoDich", required = false) String bankRef,
                           @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect, Locale locale) {
        return done("/quan-tri/ho-so/" + code, redirect, locale, () -> {
            String receipt = transfers.confirmTransfer(reference, bankRef, actor(user)).receiptNumber();
            return PageActions.done("payment.counter.done", receipt);
        });
    }

    @GetMapping("/quan-tri/thu-phi/{code}/bien-lai/{receipt}.pdf")
    ResponseEntity<byte[]> officialReceipt(@PathVariable String code, @PathVariable String receipt,
                                           @AuthenticationPrincipal CurrentUser user) {
        return pdf(receipts.receipt(receipt, actor(user)));
    }

    @GetMapping("/quan-tri/thu-phi/sao-ke")
    String statementForm(Model model) {
        model.addAttribute("bankConfigured", properties.bank().configured());
        return "payment/statement";
    }

    @PostMapping("/quan-tri/thu-phi/sao-ke")
    String importStatement(@RequestParam(name = "file", required = false) MultipartFile file,
                           @AuthenticationPrincipal CurrentUser user, Model model, Locale locale) throws IOException {
        model.addAttribute("bankConfigured", properties.bank().configured());
        if (file == null || file.isEmpty()) {
            model.addAttribute("problems", List.of(messages.getMessage("payment.statement.missing", null, locale)));
            return "payment/statement";
        }
        try {
            StatementReport report = transfers.importStatement(new String(file.getBytes(), StandardCharsets.UTF_8),
                    actor(user));
            model.addAttribute("report", report);
        } catch (UserFacingException e) {
            model.addAttribute("problems", List.of(pageActions.message(e, locale)));
        }
        return "payment/statement";
    }

    // ------------------------------------------------------------------

    /** The configured return address, else the portal's own page under its configured address (never the Host header's). */
    private String returnUrl() {
        String configured = properties.vnpay().returnUrl();
        return configured != null && !configured.isBlank() ? configured
                : publicUrl + "/thanh-toan/vnpay/ket-qua";
    }

    private static FeeExemption exemption(String group) {
        if (group == null || group.isBlank()) {
            return null;
        }
        try {
            return FeeExemption.valueOf(group);
        } catch (IllegalArgumentException e) {
            throw UserFacingException.badRequest("payment.exemption.unknown", group);
        }
    }

    /**
     * Runs an action of a dossier page's form and goes back to the page, with the message the action answers, or
     * with what went wrong.
     */
    private String done(String page, RedirectAttributes redirect, Locale locale,
                        Supplier<MessageSourceResolvable> action) {
        return pageActions.act(page, "paymentDone", redirect, locale, action);
    }

    private static ResponseEntity<byte[]> pdf(Receipts.Receipt receipt) {
        return PdfResponses.inline(receipt.fileName(), receipt.content());
    }

    private Actor actor(CurrentUser user) {
        return actors.of(user);
    }
}
