package vn.motcua.feedback.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.motcua.feedback.RatingForm;
import vn.motcua.feedback.RatingLinks;
import vn.motcua.feedback.RatingService;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Actors;
import vn.motcua.identity.CurrentUser;
import vn.motcua.platform.web.PageActions;
import vn.motcua.platform.web.UserFacingException;

/**
 * Rating a dossier: from the applicant's dossier page, from the signed link of the result notice, and on the counter's
 * tablet. The form's fields are {@code tc_<criterion key>} (VERY_SATISFIED, SATISFIED, NOT_SATISFIED) and {@code gopY}.
 */
@Controller
class RatingPages {

    static final String ANSWER_PREFIX = "tc_";

    private final Actors actors;
    private final RatingService ratings;
    private final MessageSource messages;
    private final PageActions pageActions;

    RatingPages(Actors actors, RatingService ratings, MessageSource messages,
                PageActions pageActions) {
        this.pageActions = pageActions;
        this.actors = actors;
        this.ratings = ratings;
        this.messages = messages;
    }

    // ------------------------------------------------------------------ the applicant, signed in

    @PostMapping("/danh-gia/ho-so/{code}")
    String rateOnline(@PathVariable String code, @RequestParam Map<String, String> params,
                      @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect, Locale locale) {
        return pageActions.act("/ho-so-cua-toi/" + code, "ratingDone", redirect, locale, () -> {
            ratings.rateOnline(code, form(params), actors.of(user));
            return PageActions.done("rating.thanks");
        }, HttpStatus.NOT_FOUND);
    }

    // ------------------------------------------------------------------ the link in the result notice

    @GetMapping("/danh-gia/{token}")
    String linkPage(@PathVariable String token, @RequestParam(name = "ma", defaultValue = "") String code,
                    Model model) {
        model.addAttribute("subject", ratings.byLinkSubject(token, code));
        return page(model, RatingLinks.path(token, code), Map.of(), "feedback/rate");
    }

    @PostMapping("/danh-gia/{token}")
    String rateByLink(@PathVariable String token, @RequestParam(name = "ma", defaultValue = "") String code,
                      @RequestParam Map<String, String> params, @AuthenticationPrincipal CurrentUser user,
                      Model model, HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        try {
            ratings.rateByLink(token, code, form(params), user);
            redirect.addFlashAttribute("ratingDone", messages.getMessage("rating.thanks", null, locale));
            return "redirect:" + RatingLinks.path(token, code);
        } catch (UserFacingException e) {
            if (e.status() == HttpStatus.NOT_FOUND || e.status() == HttpStatus.FORBIDDEN) {
                throw e;
            }
            response.setStatus(e.status().value());
            model.addAttribute("problems", List.of(message(e, locale)));
            model.addAttribute("subject", ratings.byLinkSubject(token, code));
            return page(model, RatingLinks.path(token, code), params, "feedback/rate");
        }
    }

    // ------------------------------------------------------------------ the counter's tablet

    @GetMapping("/quan-tri/danh-gia/{code}")
    String kiosk(@PathVariable String code, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("subject", ratings.counterSubject(code, actor(user)));
        return page(model, "/quan-tri/danh-gia/" + code, Map.of(), "feedback/kiosk");
    }

    @PostMapping("/quan-tri/danh-gia/{code}")
    String rateAtCounter(@PathVariable String code, @RequestParam Map<String, String> params,
                         @AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
                         Locale locale) {
        try {
            ratings.rateAtCounter(code, form(params), actor(user));
            return "redirect:/quan-tri/danh-gia/" + code + "/cam-on";
        } catch (UserFacingException e) {
            if (e.status() == HttpStatus.NOT_FOUND || e.status() == HttpStatus.FORBIDDEN) {
                throw e;
            }
            response.setStatus(e.status().value());
            model.addAttribute("problems", List.of(message(e, locale)));
            model.addAttribute("subject", ratings.counterSubject(code, actor(user)));
            return page(model, "/quan-tri/danh-gia/" + code, params, "feedback/kiosk");
        }
    }

    /** The thank-you on the tablet: nothing to click, nothing of the back office. */
    @GetMapping("/quan-tri/danh-gia/{code}/cam-on")
    String kioskThanks(@PathVariable String code, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("subject", ratings.counterSubject(code, actor(user)));
        return "feedback/kiosk-thanks";
    }

    // ------------------------------------------------------------------

    private String page(Model model, String action, Map<String, String> params, String view) {
        model.addAttribute("criteria", ratings.criteria());
        model.addAttribute("action", action);
        model.addAttribute("chosen", answers(params));
        model.addAttribute("comment", params.getOrDefault("gopY", ""));
        return view;
    }

    static RatingForm form(Map<String, String> params) {
        return new RatingForm(answers(params), params.get("gopY"));
    }

    private static Map<String, String> answers(Map<String, String> params) {
        Map<String, String> answers = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith(ANSWER_PREFIX) && value != null) {
                answers.put(name.substring(ANSWER_PREFIX.length()), value);
            }
        });
        return answers;
    }

    private String message(UserFacingException e, Locale locale) {
        return pageActions.message(e, locale);
    }

    private Actor actor(CurrentUser user) {
        return actors.of(user);
    }
}
