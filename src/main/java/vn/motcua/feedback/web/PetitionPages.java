package vn.motcua.feedback.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.motcua.feedback.NewPetition;
import vn.motcua.feedback.Petition;
import vn.motcua.feedback.PetitionSenders;
import vn.motcua.feedback.PublicPetitions;
import vn.motcua.identity.AccountProfile;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.platform.MotCuaProperties;
import vn.motcua.platform.web.InvalidInputException;
import vn.motcua.platform.web.PageActions;
import vn.motcua.platform.web.TooManyAttemptsException;

/**
 * The public side of petitions: the published answers, the form to send one (signed in or not), and the sender's
 * tracking page, where they add what was asked for and rate the handling. The number and the sender's key (phone digits
 * or email) travel in the form, never in a link after a change.
 */
@Controller
class PetitionPages {

    private final PetitionSenders petitions;
    private final PublicPetitions publicPetitions;
    private final AccountService accounts;
    private final MessageSource messages;
    private final PageActions pageActions;
    private final String publicUrl;

    PetitionPages(PetitionSenders petitions, PublicPetitions publicPetitions, AccountService accounts,
                  MessageSource messages, PageActions pageActions, MotCuaProperties properties) {
        this.petitions = petitions;
        this.publicPetitions = publicPetitions;
        this.pageActions = pageActions;
        this.publicUrl = properties.publicUrl();
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/phan-anh-kien-nghi")
    String published(@RequestParam(name = "trang", defaultValue = "1") int page, Model model) {
        model.addAttribute("page", publicPetitions.published(page - 1));
        return "feedback/petitions";
    }

    @GetMapping("/phan-anh-kien-nghi/gui")
    String form(@RequestParam(name = "thuTuc", required = false) String procedureCode,
                @RequestParam(name = "hoSo", required = false) String dossierCode,
                @AuthenticationPrincipal CurrentUser user, Model model) {
        AccountProfile profile = user == null ? null : accounts.profile(user.getUsername()).orElse(null);
        NewPetition blank = new NewPetition(profile == null ? null : profile.fullName(),
                profile == null ? null : profile.phone(), profile == null ? null : profile.email(), procedureCode,
                dossierCode, null, null, false);
        return formPage(model, blank);
    }

    @PostMapping("/phan-anh-kien-nghi/gui")
    String send(@RequestParam(name = "hoTen", required = false) String name,
                @RequestParam(name = "dienThoai", required = false) String phone,
                @RequestParam(name = "email", required = false) String email,
                @RequestParam(name = "thuTuc", required = false) String procedureCode,
                @RequestParam(name = "hoSo", required = false) String dossierCode,
                @RequestParam(name = "coQuan", required = false) String agencyCode,
                @RequestParam(name = "noiDung", required = false) String content,
                @RequestParam(name = "congKhai", defaultValue = "false") boolean consent,
                @AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
                RedirectAttributes redirect, Locale locale) {
        NewPetition petition = new NewPetition(name, phone, email, procedureCode, dossierCode, agencyCode, content,
                consent);
        try {
            String number = petitions.submit(petition, user == null ? null : user.getUsername(), locale).number();
            redirect.addFlashAttribute("number", number);
            String path = petitions.trackingPath(number);
            redirect.addFlashAttribute("trackingPath", path);
            redirect.addFlashAttribute("trackingUrl", publicUrl + path); // to keep: it opens the petition at once
            return "redirect:/phan-anh-kien-nghi/da-gui";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problems", e.problems());
            return formPage(model, petition);
        }
    }

    @GetMapping("/phan-anh-kien-nghi/da-gui")
    String sent(Model model) {
        return model.getAttribute("number") == null ? "redirect:/phan-anh-kien-nghi/tra-cuu" : "feedback/petition-sent";
    }

    /**
     * The sender's page: by number and phone digits or email (limited guesses), or by the link of the acknowledgment
     * ({@code khoa}, the petition's random key). Opened with nothing typed (or the number alone) it shows the form.
     */
    @GetMapping("/phan-anh-kien-nghi/tra-cuu")
    String track(@RequestParam(name = "so", required = false) String number,
                 @RequestParam(name = "sdt", required = false) String phoneOrEmail,
                 @RequestParam(name = "khoa", required = false) String trackingKey, Model model,
                 HttpServletRequest request, HttpServletResponse response, Locale locale) {
        // After a change the number and key come back as flash attributes, so the key stays out of the address.
        String n = number != null ? number : (String) model.getAttribute("so");
        String k = phoneOrEmail != null ? phoneOrEmail : (String) model.getAttribute("sdt");
        String t = trackingKey != null ? trackingKey : (String) model.getAttribute("khoa");
        model.addAttribute("so", n == null ? "" : n);
        model.addAttribute("sdt", k == null ? "" : k);
        model.addAttribute("khoa", t == null ? "" : t);
        String secret = t != null && !t.isBlank() ? t : k;
        boolean searched = n != null && !n.isBlank() && secret != null && !secret.isBlank();
        model.addAttribute("searched", searched);
        if (searched) {
            try {
                Petition petition = petitions.track(n, secret, request.getRemoteAddr()).orElse(null);
                model.addAttribute("petition", petition);
                if (petition != null) {
                    model.addAttribute("agencyName", petitions.agencyName(petition.agencyCode()));
                }
            } catch (TooManyAttemptsException e) {
                response.setStatus(e.status().value());
                response.setHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
                model.addAttribute("wait", messages.getMessage(e.messageKey(), e.arguments(), locale));
            }
        }
        return "feedback/petition-track";
    }

    @PostMapping("/phan-anh-kien-nghi/tra-cuu/bo-sung")
    String addInformation(@RequestParam(name = "so") String number,
                          @RequestParam(name = "sdt", defaultValue = "") String key,
                          @RequestParam(name = "khoa", defaultValue = "") String trackingKey,
                          @RequestParam(name = "noiDung", required = false) String text,
                          HttpServletRequest request, RedirectAttributes redirect, Locale locale) {
        return done(number, key, trackingKey, redirect, locale, "petition.reply.done",
                () -> petitions.addInformation(number, secret(key, trackingKey), text, request.getRemoteAddr()));
    }

    @PostMapping("/phan-anh-kien-nghi/tra-cuu/danh-gia")
    String rate(@RequestParam(name = "so") String number, @RequestParam(name = "sdt", defaultValue = "") String key,
                @RequestParam(name = "khoa", defaultValue = "") String trackingKey,
                @RequestParam(name = "haiLong", required = false) Boolean satisfied,
                HttpServletRequest request, RedirectAttributes redirect, Locale locale) {
        return done(number, key, trackingKey, redirect, locale, "petition.rate.done",
                () -> petitions.rateHandling(number, secret(key, trackingKey), satisfied, request.getRemoteAddr()));
    }

    /** The tracking key when the page was opened by the acknowledgment's link, else the phone digits or email. */
    private static String secret(String key, String trackingKey) {
        return trackingKey.isBlank() ? key : trackingKey;
    }

    // ------------------------------------------------------------------

    private String formPage(Model model, NewPetition petition) {
        model.addAttribute("petition", petition);
        model.addAttribute("agencies", petitions.agencies());
        return "feedback/petition-form";
    }

    private String done(String number, String key, String trackingKey, RedirectAttributes redirect, Locale locale,
                        String doneKey, Runnable action) {
        // The number and key go back by flash, so the key stays out of the address.
        redirect.addFlashAttribute("so", number);
        redirect.addFlashAttribute("sdt", key);
        redirect.addFlashAttribute("khoa", trackingKey);
        // Too many wrong guesses is the 429 page, as when looking the petition up.
        return pageActions.act("/phan-anh-kien-nghi/tra-cuu", "petitionDone", redirect, locale, () -> {
            action.run();
            return PageActions.done(doneKey);
        }, HttpStatus.NOT_FOUND, HttpStatus.TOO_MANY_REQUESTS);
    }
}
