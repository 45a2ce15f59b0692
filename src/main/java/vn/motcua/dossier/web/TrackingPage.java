package vn.motcua.dossier.web;

import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.Tracking;
import vn.motcua.platform.web.TooManyAttemptsException;

/**
 * Public look-up of a dossier: by its code and the last digits of the applicant's phone (limited guesses), or at once
 * by the dossier's own link ({@code ?ma=<code>&khoa=<key>}, the QR code of the receipt slip and the notices). Opened
 * with nothing typed (or the code alone), it shows the form, never an error.
 */
@Controller
class TrackingPage {

    private final DossierQueries dossiers;
    private final MessageSource messages;
    private final DossierReads reads;

    TrackingPage(DossierQueries dossiers, MessageSource messages, DossierReads reads) {
        this.dossiers = dossiers;
        this.messages = messages;
        this.reads = reads;
    }

    @GetMapping("/tra-cuu")
    String track(@RequestParam(name = "ma", defaultValue = "") String code,
                 @RequestParam(name = "sdt", defaultValue = "") String phone,
                 @RequestParam(name = "khoa", defaultValue = "") String key, Model model,
                 HttpServletRequest request, HttpServletResponse response, Locale locale) {
        model.addAttribute("code", code);
        model.addAttribute("phone", phone);
        boolean byKey = !code.isBlank() && !key.isBlank();
        boolean searched = byKey || !code.isBlank() && !phone.isBlank();
        model.addAttribute("searched", searched);
        if (!searched) {
            return "dossier/tracking";
        }
        try {
            Optional<Tracking> found = byKey ? dossiers.trackByKey(code, key)
                    : dossiers.track(code, phone.strip(), request.getRemoteAddr());
            reads.tracked(code, found.isPresent());
            model.addAttribute("tracking", found.orElse(null));
        } catch (TooManyAttemptsException e) {
            response.setStatus(e.status().value());
            response.setHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
            model.addAttribute("wait", messages.getMessage(e.messageKey(), e.arguments(), locale));
        }
        return "dossier/tracking";
    }
}
