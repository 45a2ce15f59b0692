package vn.motcua.audit.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditProperties;
import vn.motcua.audit.AuditService;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.DossierSummary;
import vn.motcua.identity.AccountProfile;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.Actors;
import vn.motcua.identity.CurrentUser;
import vn.motcua.organization.Agency;
import vn.motcua.organization.OrganizationService;
import vn.motcua.platform.audit.AuditTrail;

/**
 * "Ai đã xem dữ liệu của tôi" ({@code /ai-da-xem}): which agency, in which role, opened the signed-in person's
 * dossiers, files and documents, and when; the official's name only where the province shows it
 * ({@code motcua.audit.show-official-names}). Only the person's own data: their account, their ID number (dossiers
 * handed in at a counter) and the codes of their dossiers (a tracking look-up knows no more than the code).
 */
@Controller
class WhoViewedMyDataPage {

    static final int LIMIT = 500;

    /** One line of the page: no account name, unless the province shows officials' names. */
    record Viewing(AuditEntry entry, String agencyName, List<String> roles, String officialName) {
    }

    private final Actors actors;
    private final AuditService audit;
    private final DossierQueries dossiers;
    private final AccountService accounts;
    private final OrganizationService organization;
    private final AuditProperties properties;

    WhoViewedMyDataPage(Actors actors, AuditService audit, DossierQueries dossiers, AccountService accounts,
                        OrganizationService organization, AuditProperties properties) {
        this.actors = actors;
        this.audit = audit;
        this.dossiers = dossiers;
        this.accounts = accounts;
        this.organization = organization;
        this.properties = properties;
    }

    @GetMapping("/ai-da-xem")
    String page(@AuthenticationPrincipal CurrentUser user, Model model) {
        List<String> me = new ArrayList<>(List.of(user.getUsername()));
        accounts.profile(user.getUsername()).map(AccountProfile::idNumber)
                .map(id -> AuditTrail.dataSubject(null, id)).ifPresent(me::add);
        List<String> codes = dossiers.mine(actors.of(user)).stream().map(DossierSummary::code)
                .filter(c -> c != null).toList();
        Map<String, Agency> agencies = organization.agenciesByCode();
        List<Viewing> viewings = audit.readsOf(me, codes, user.getUsername(), LIMIT).stream()
                .map(e -> new Viewing(e, e.agencyCode() == null ? null
                        : agencies.containsKey(e.agencyCode()) ? agencies.get(e.agencyCode()).name() : e.agencyCode(),
                        e.roles().isBlank() ? List.of() : List.of(e.roles().split(",")),
                        properties.showOfficialNames() && e.agencyCode() != null
                                ? accounts.profile(e.actor()).map(AccountProfile::fullName).orElse(null) : null))
                .toList();
        model.addAttribute("viewings", viewings);
        model.addAttribute("limit", LIMIT);
        return "audit/who-viewed";
    }
}
