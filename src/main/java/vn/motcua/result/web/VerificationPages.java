package vn.motcua.result.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.motcua.identity.CurrentUser;
import vn.motcua.organization.Agency;
import vn.motcua.organization.OrganizationService;
import vn.motcua.platform.web.UserFacingException;
import vn.motcua.result.IssuedResult;
import vn.motcua.result.ResultService;
import vn.motcua.result.VerifiableDocuments;
import vn.motcua.result.VerifiableDocuments.VerifiedDocument;
import vn.motcua.platform.security.Hashes;

/**
 * The public verification page the QR code on every result leads to: a result by its number, or a PDF file checked
 * byte for byte. It shows whether the result is authentic, who signed it and when, and whether it was revoked; never
 * who it was issued to. Officials revoke results from here too (from the dossier page).
 */
@Controller
class VerificationPages {

    private final ResultService results;
    private final OrganizationService organization;
    private final MessageSource messages;
    /** Other signed documents this page verifies too (certified copies). */
    private final List<VerifiableDocuments> others;

    VerificationPages(ResultService results, OrganizationService organization, MessageSource messages,
                      List<VerifiableDocuments> others) {
        this.results = results;
        this.organization = organization;
        this.messages = messages;
        this.others = others;
    }

    @GetMapping("/xac-thuc")
    String lookUp(@RequestParam(name = "so", defaultValue = "") String number, Model model, HttpServletResponse response) {
        model.addAttribute("number", number);
        if (!number.isBlank()) {
            IssuedResult result = results.find(number).orElse(null);
            VerifiedDocument other = result != null ? null : other(d -> d.byNumber(number.strip())).orElse(null);
            if (result != null) {
                show(result, model);
            } else if (other != null) {
                showOther(other, model);
            } else {
                response.setStatus(HttpStatus.NOT_FOUND.value());
                model.addAttribute("notFound", true);
            }
        }
        return "result/verify";
    }

    @PostMapping("/xac-thuc")
    String check(@RequestParam(name = "tep", required = false) MultipartFile file, Model model,
                 HttpServletResponse response) throws IOException {
        model.addAttribute("number", "");
        if (file == null || file.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", "result.fileRequired");
            return "result/verify";
        }
        byte[] bytes = file.getBytes();
        var check = results.check(bytes);
        model.addAttribute("check", check);
        if (check.result() != null) {
            show(check.result(), model);
        } else {
            String sha256 = Hashes.sha256Hex(bytes);
            other(d -> d.bySha256(sha256)).ifPresent(d -> showOther(d, model));
        }
        return "result/verify";
    }

    @PostMapping("/quan-tri/ket-qua/{number}/thu-hoi")
    String revoke(@PathVariable String number, @RequestParam(name = "reason", defaultValue = "") String reason,
                  @RequestParam(name = "xacNhan", defaultValue = "false") boolean confirmed,
                  @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect, Locale locale) {
        if (!confirmed) {
            // Revoking cannot be undone: the box "Tôi xác nhận…" must be ticked, with or without a script.
            throw UserFacingException.badRequest("result.revoke.unconfirmed");
        }
        IssuedResult revoked = results.revoke(number, reason, user);
        redirect.addFlashAttribute("message", messages.getMessage("result.revoked", new Object[]{revoked.number()}, locale));
        return "redirect:/quan-tri/ho-so/" + revoked.dossierCode();
    }

    private Optional<VerifiedDocument> other(Function<VerifiableDocuments, Optional<VerifiedDocument>> lookUp) {
        return others.stream().map(lookUp).flatMap(Optional::stream).findFirst();
    }

    private void showOther(VerifiedDocument document, Model model) {
        model.addAttribute("other", document);
        model.addAttribute("agency", organization.agency(document.agencyCode()).map(Agency::name)
                .orElse(document.agencyCode()));
    }

    private void show(IssuedResult result, Model model) {
        model.addAttribute("result", result);
        model.addAttribute("agency", organization.agency(result.agencyCode()).map(Agency::name).orElse(result.agencyCode()));
    }
}
