package vn.motcua.payment.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
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

import vn.motcua.identity.Actors;
import vn.motcua.catalog.FeeExemption;
import vn.motcua.identity.Actor;
import vn.motcua.dossier.DossierService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.payment.PaymentMethod;
import vn.motcua.payment.PaymentProperties;
import vn.motcua.payment.PaymentService;
import vn.motcua.payment.StatementReport;
import vn.motcua.platform.MotCuaProperties;
import vn.motcua.platform.web.PdfResponses;
import vn.motcua.platform.web.UserFacingException;

/** Paying a dossier's fees: the applicant's choices, the gateway's return page, and the counter's work. */
@Controller
class PaymentPages {

    private final Actors actors;
    private final PaymentService payments;
    private final DossierService dossiers;
    private final PaymentProperties properties;
    private final MessageSource messages;
    private final String publicUrl;

    PaymentPages(Actors actors, PaymentService payments, DossierService dossiers, PaymentProperties properties,
                 MessageSource messages, MotCuaProperties motcua) {
        this.actors = actors;
        this.payments = payments;
        this.dossiers = dossiers;
        this.properties = properties;
        this.messages = messages;
        this.publicUrl = motcua.publicUrl().replaceAll("/+$", "");
    }

    // ------------------------------------------------------------------ applicant

    @PostMapping("/thanh-toan/{code}/vnpay")
    String payOnline(@PathVariable String code, @AuthenticationPrincipal CurrentUser user,
                     RedirectAttributes redirect, Locale locale) {
        try {
            return "redirect:/thanh-toan/" + code + "/cong/" + payments.payOnline(code, actor(user)).reference();
        } catch (UserFacingException e) {
            return back(redirect, "/ho-so-cua-toi/" + code, e, locale);
        }
    }

    /**
     * The step to the gateway: a page that moves on by itself (a meta refresh, no script) or by its link. A form
     * cannot redirect to another site under the portal's Content-Security-Policy ({@code form-action 'self'}).
     */
    @GetMapping("/thanh-toan/{code}/cong/{reference}")
    String toGateway(@PathVariable String code, @PathVariable String reference,
                     @AuthenticationPrincipal CurrentUser user, HttpServletRequest request, Model model) {
        model.addAttribute("gatewayUrl", payments.gatewayUrl(code, reference, actor(user), request.getRemoteAddr(),
                returnUrl()));
        model.addAttribute("code", code);
        return "payment/to-gateway";
    }

    @PostMapping("/thanh-toan/{code}/chuyen-khoan")
    String bankTransfer(@PathVariable String code, @AuthenticationPrincipal CurrentUser user,
                        RedirectAttributes redirect, Locale locale) {
        try {
            String reference = payments.bankTransfer(code, actor(user)).payment().reference();
            return "redirect:/thanh-toan/" + code + "/chuyen-khoan/" + reference;
        } catch (UserFacingException e) {
            return back(redirect, "/ho-so-cua-toi/" + code, e, locale);
        }
    }

    @GetMapping("/thanh-toan/{code}/chuyen-khoan/{reference}")
    String transferPage(@PathVariable String code, @PathVariable String reference,
                        @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("transfer", payments.bankTransfer(code, reference, actor(user)));
        model.addAttribute("code", code);
        return "payment/bank-transfer";
    }

    @PostMapping("/thanh-toan/{code}/mien-phi")
    String declareExemption(@PathVariable String code, @RequestParam(name = "doiTuong", required = false) String group,
                            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect, Locale locale) {
        return done("/ho-so-cua-toi/" + code, redirect, locale, () -> {
            payments.declareExemption(code, exemption(group), actor(user));
            return messages.getMessage("payment.exemption.saved", null, locale);
        });
    }

    @GetMapping("/thanh-toan/{code}/bien-lai/{receipt}.pdf")
    ResponseEntity<byte[]> receipt(@PathVariable String code, @PathVariable String receipt,
                                   @AuthenticationPrincipal CurrentUser user) {
        return pdf(payments.receipt(receipt, actor(user)));
    }

    /** Where the gateway sends the payer back. The signed answer counts like the server's callback. */
    @GetMapping("/thanh-toan/vnpay/ket-qua")
    String returned(@RequestParam Map<String, String> params, Model model) {
        PaymentService.GatewayAnswer answer = payments.gatewayAnswer(params, "RETURN");
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
            String receipt = payments.recordAtCounter(code, m, slip, actor(user)).receiptNumber();
            return messages.getMessage("payment.counter.done", new Object[]{receipt}, locale);
        });
    }

    @PostMapping("/quan-tri/thu-phi/{code}/mien-phi")
    String checkExemption(@PathVariable String code, @RequestParam(name = "doiTuong", required = false) String group,
                          @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect, Locale locale) {
        return done("/quan-tri/ho-so/" + code, redirect, locale, () -> {
            payments.checkExemption(code, exemption(group), actor(user));
            return messages.getMessage("payment.exemption.saved", null, locale);
        });
    }

    @PostMapping("/quan-tri/thu-phi/chuyen-khoan/{reference}")
    String confirmTransfer(@PathVariable String reference, @RequestParam(name = "dossier") String code,
                           @RequestParam(name = "maGiaoDich", required = false) String bankRef,
                           @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect, Locale locale) {
        return done("/quan-tri/ho-so/" + code, redirect, locale, () -> {
            String receipt = payments.confirmTransfer(reference, bankRef, actor(user)).receiptNumber();
            return messages.getMessage("payment.counter.done", new Object[]{receipt}, locale);
        });
    }

    @GetMapping("/quan-tri/thu-phi/{code}/bien-lai/{receipt}.pdf")
    ResponseEntity<byte[]> officialReceipt(@PathVariable String code, @PathVariable String receipt,
                                           @AuthenticationPrincipal CurrentUser user) {
        return pdf(payments.receipt(receipt, actor(user)));
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
            StatementReport report = payments.importStatement(new String(file.getBytes(), StandardCharsets.UTF_8),
                    actor(user));
            model.addAttribute("report", report);
        } catch (UserFacingException e) {
            model.addAttribute("problems", List.of(message(e, locale)));
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
    private String done(String page, RedirectAttributes redirect, Locale locale, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("paymentDone", action.get());
            return "redirect:" + page;
        } catch (UserFacingException e) {
            return back(redirect, page, e, locale);
        }
    }

    private String back(RedirectAttributes redirect, String page, UserFacingException e, Locale locale) {
        redirect.addFlashAttribute("problems", List.of(message(e, locale)));
        return "redirect:" + page;
    }

    private String message(UserFacingException e, Locale locale) {
        return messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale);
    }

    private static ResponseEntity<byte[]> pdf(PaymentService.Receipt receipt) {
        return PdfResponses.inline(receipt.fileName(), receipt.content());
    }

    private Actor actor(CurrentUser user) {
        return actors.of(user);
    }
}
