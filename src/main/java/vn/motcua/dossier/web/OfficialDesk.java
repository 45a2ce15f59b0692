package vn.motcua.dossier.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierAssignments;
import vn.motcua.dossier.DossierAssignments.Candidate;
import vn.motcua.dossier.DossierAssignments.Desk;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierView;
import vn.motcua.identity.Actor;
import vn.motcua.organization.OrganizationService;

/**
 * The top of the official's dossier page: who has the dossier now, why the viewer has no action when they have none
 * ("Đang ở bước Thẩm định – chờ chuyên viên Phạm Văn Dũng"), and the assignment choices open to them.
 */
@Component
class OfficialDesk {

    /**
     * The actions the official's page has a form for. Others an official may hold (withdrawing at the applicant's
     * request, say) are taken elsewhere, and alone they leave the viewer with nothing to do here.
     */
    private static final Set<DossierAction> ON_THIS_PAGE = EnumSet.of(DossierAction.RECEIVE, DossierAction.FORWARD,
            DossierAction.APPROVE, DossierAction.ISSUE_RESULT, DossierAction.RETURN_RESULT,
            DossierAction.REQUEST_SUPPLEMENT, DossierAction.SEND_BACK, DossierAction.TRANSFER, DossierAction.APOLOGIZE,
            DossierAction.REFUSE);

    private final DossierAssignments assignments;
    private final OrganizationService organization;
    private final MessageSource messages;

    OfficialDesk(DossierAssignments assignments, OrganizationService organization, MessageSource messages) {
        this.assignments = assignments;
        this.organization = organization;
        this.messages = messages;
    }

    /**
     * @param waiting    why the viewer has no action now, and who has the dossier; null when they have actions
     * @param desk       the dossier's desk, null when it waits at none
     * @param candidates the officials the viewer may assign it to, with their workload; empty when they may not
     * @param mayTake    whether the viewer may take it for themself ("Nhận xử lý")
     */
    record Panel(String waiting, Desk desk, List<Candidate> candidates, boolean mayTake) {

        /** Whether the page has an action form for the viewer: the actions panel shows only then. */
        public boolean acts() {
            return waiting == null;
        }

        public boolean mayAssign() {
            return !candidates.isEmpty();
        }
    }

    Panel of(DossierView view, Actor viewer, Locale locale) {
        Desk desk = assignments.desk(view.code(), viewer).orElse(null);
        List<Candidate> candidates = desk != null && assignments.mayAssign(view.code(), viewer)
                ? assignments.candidates(view.code(), viewer) : List.of();
        boolean mayTake = desk != null && assignments.mayTake(view.code(), viewer);
        boolean acts = view.actions().stream().anyMatch(ON_THIS_PAGE::contains);
        return new Panel(acts ? null : waiting(view, desk, viewer, locale), desk, candidates, mayTake);
    }

    private String waiting(DossierView view, Desk desk, Actor viewer, Locale locale) {
        if (view.status().isFinal()) {
            return message("desk.final." + view.status(), locale);
        }
        if (view.status() == DossierStatus.SUPPLEMENT_REQUESTED) {
            return message("desk.supplement", locale);
        }
        if (desk == null) {
            return message("desk.none", locale);
        }
        String who = desk.assignee() != null
                ? message("desk.role." + desk.role(), locale) + " " + desk.assigneeName()
                : message("desk.roleAt", locale, message("desk.role." + desk.role(), locale),
                organization.agency(desk.agencyCode()).map(a -> a.name()).orElse(desk.agencyCode()));
        if (desk.agencyCode().equals(viewer.agencyCode()) && viewer.has(desk.role())
                && (desk.assignee() == null || desk.assignee().equals(viewer.username()))) {
            // It is at the viewer's own desk, yet nothing may be done: something holds it up.
            return message("desk.held", locale, view.stepName(), heldBecause(view, locale));
        }
        if (view.status() == DossierStatus.RESULT_READY) {
            return message("desk.resultReady", locale, who);
        }
        return message("desk.atStep", locale, view.stepName(), who);
    }

    private String heldBecause(DossierView view, Locale locale) {
        if ("OVERDUE".equals(view.timeliness())) {
            return message("desk.held.overdue", locale);
        }
        if (!view.childCodes().isEmpty()) {
            return message("desk.held.child", locale);
        }
        return message("desk.held.other", locale);
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
