package vn.motcua.dossier.web;

import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.motcua.dossier.DossierAssignments;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Actors;
import vn.motcua.identity.CurrentUser;
import vn.motcua.platform.web.PageActions;

/**
 * Assigning a dossier at its step to a named official (by the agency's leader or the receiving officer), or taking it
 * ("Nhận xử lý"). A choice the page never offers (someone outside the step's role or agency, an official who may not
 * assign) ends on its error page with its 4xx status; nothing changes then.
 */
@Controller
class AssignmentPages {

    private final DossierAssignments assignments;
    private final Actors actors;
    private final PageActions pageActions;

    AssignmentPages(DossierAssignments assignments, Actors actors, PageActions pageActions) {
        this.assignments = assignments;
        this.actors = actors;
        this.pageActions = pageActions;
    }

    @PostMapping("/quan-tri/ho-so/{code}/giao")
    String assign(@PathVariable String code, @RequestParam(name = "nguoiXuLy", defaultValue = "") String username,
                  @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect, Locale locale) {
        Actor actor = actors.of(user);
        return pageActions.act("/quan-tri/ho-so/" + code, "message", redirect, locale, () -> {
            assignments.assign(code, username.strip(), actor);
            return PageActions.done("desk.assigned");
        }, HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN, HttpStatus.BAD_REQUEST);
    }

    @PostMapping("/quan-tri/ho-so/{code}/nhan-xu-ly")
    String take(@PathVariable String code, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect,
                Locale locale) {
        Actor actor = actors.of(user);
        return pageActions.act("/quan-tri/ho-so/" + code, "message", redirect, locale, () -> {
            assignments.assign(code, actor.username(), actor);
            return PageActions.done("desk.taken");
        }, HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN, HttpStatus.BAD_REQUEST);
    }
}
