package vn.motcua.feedback.web;

import java.util.Locale;
import java.util.function.Consumer;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.motcua.feedback.PetitionAction;
import vn.motcua.feedback.PetitionHandling;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Actors;
import vn.motcua.identity.CurrentUser;
import vn.motcua.organization.OrganizationService;
import vn.motcua.platform.web.PageActions;

/** The handling agency's petitions: the list by deadline, and one petition with the actions its state allows. */
@Controller
class PetitionAdminPages {

    private final Actors actors;
    private final PetitionHandling petitions;
    private final OrganizationService organization;
    private final PageActions pageActions;

    PetitionAdminPages(Actors actors, PetitionHandling petitions, OrganizationService organization, PageActions pageActions) {
        this.actors = actors;
        this.petitions = petitions;
        this.organization = organization;
        this.pageActions = pageActions;
    }

    @GetMapping("/quan-tri/phan-anh")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        Actor official = actor(user);
        model.addAttribute("petitions", petitions.forAgency(official));
        model.addAttribute("agency", organization.agency(official.agencyCode()).orElse(null));
        return "feedback/admin-list";
    }

    @GetMapping("/quan-tri/phan-anh/{number}")
    String detail(@PathVariable String number, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("p", petitions.view(number, actor(user)));
        return "feedback/admin-detail";
    }

    @PostMapping("/quan-tri/phan-anh/{number}/yeu-cau-bo-sung")
    String ask(@PathVariable String number, @RequestParam(name = "noiDung", required = false) String question,
               @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect, Locale locale) {
        return done(number, PetitionAction.ASK_SENDER, user, redirect, locale,
                official -> petitions.askSender(number, question, official));
    }

    @PostMapping("/quan-tri/phan-anh/{number}/tra-loi")
    String answer(@PathVariable String number, @RequestParam(name = "noiDung", required = false) String answer,
                  @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect, Locale locale) {
        return done(number, PetitionAction.ANSWER, user, redirect, locale,
                official -> petitions.answer(number, answer, official));
    }

    @PostMapping("/quan-tri/phan-anh/{number}/tu-choi")
    String refuse(@PathVariable String number, @RequestParam(name = "lyDo", required = false) String reason,
                  @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect, Locale locale) {
        return done(number, PetitionAction.REFUSE, user, redirect, locale,
                official -> petitions.refuse(number, reason, official));
    }

    @PostMapping("/quan-tri/phan-anh/{number}/cong-khai")
    String publish(@PathVariable String number, @RequestParam(name = "cauHoi", required = false) String question,
                   @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect, Locale locale) {
        return done(number, PetitionAction.PUBLISH, user, redirect, locale,
                official -> petitions.publish(number, question, official));
    }

    /**
     * Runs an action and goes back to the petition with what was done or why it was refused. A petition the official
     * may not see is not found, as on the page.
     */
    private String done(String number, PetitionAction action, CurrentUser user, RedirectAttributes redirect,
                        Locale locale, Consumer<Actor> run) {
        return pageActions.act("/quan-tri/phan-anh/" + number, "petitionDone", redirect, locale, () -> {
            run.accept(actor(user));
            return PageActions.done("petition.done",
                    new DefaultMessageSourceResolvable("petition.action." + action.name()));
        }, HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN);
    }

    private Actor actor(CurrentUser user) {
        return actors.of(user);
    }
}
