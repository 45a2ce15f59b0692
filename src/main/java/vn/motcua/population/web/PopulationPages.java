package vn.motcua.population.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.motcua.dossier.DossierQueries;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Actors;
import vn.motcua.identity.CurrentUser;
import vn.motcua.population.ResidenceAddresses;
import vn.motcua.population.ResidentChecks;

/**
 * The population database's pages: an official re-runs a dossier's pending check, lists the checks still pending at
 * their agency; an applicant takes their residence address from the register onto their draft.
 */
@Controller
class PopulationPages {

    private final ResidentChecks checks;
    private final ResidenceAddresses addresses;
    private final DossierQueries dossiers;
    private final Actors actors;
    private final MessageSource messages;

    PopulationPages(ResidentChecks checks, ResidenceAddresses addresses, DossierQueries dossiers, Actors actors,
                    MessageSource messages) {
        this.checks = checks;
        this.addresses = addresses;
        this.dossiers = dossiers;
        this.actors = actors;
        this.messages = messages;
    }

    @PostMapping("/quan-tri/ho-so/{code}/dan-cu/doi-chieu-lai")
    String rerun(@PathVariable String code, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect,
                 Locale locale) {
        Actor official = actors.of(user);
        dossiers.view(code, official); // not found unless the official may see the dossier
        checks.rerun(code).ifPresent(v -> redirect.addFlashAttribute("populationMessage", checks.explain(v, locale)));
        return "redirect:/quan-tri/ho-so/" + code + "#dan-cu";
    }

    @GetMapping("/quan-tri/dan-cu/cho-doi-chieu")
    String pending(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("connected", checks.connected());
        model.addAttribute("checks", checks.pending(actors.of(user)));
        return "population/pending";
    }

    @PostMapping("/ho-so-cua-toi/nhap/{id}/dia-chi-dan-cu")
    String prefillAddress(@PathVariable long id, @AuthenticationPrincipal CurrentUser user,
                          RedirectAttributes redirect, Locale locale) {
        ResidenceAddresses.Prefill result = addresses.prefill(id, actors.of(user), locale);
        redirect.addFlashAttribute("populationMessage",
                messages.getMessage("population.address." + result, null, locale));
        return "redirect:/ho-so-cua-toi/nhap/" + id + "?buoc=1";
    }
}
