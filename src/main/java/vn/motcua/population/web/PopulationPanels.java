package vn.motcua.population.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.RequiredDocument;
import vn.motcua.dossier.DossierPanel;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.ResidentCheck.Outcome;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.population.CheckPanel;
import vn.motcua.population.ResidentChecks;
import vn.motcua.population.internal.CheckRepository.Check;

/**
 * The population check on a dossier's pages: officials read the verdict and when it was obtained, and may re-run a
 * pending one ({@code population/panel :: panel}); the applicant's draft offers the residence address from the
 * register ({@code population/panel :: address}). The applicant's own dossier page shows nothing of the register.
 */
@Component
@Order(50)
class PopulationPanels implements DossierPanel {

    private final ResidentChecks checks;
    private final CatalogService catalog;

    PopulationPanels(ResidentChecks checks, CatalogService catalog) {
        this.checks = checks;
        this.catalog = catalog;
    }

    @Override
    public Optional<Shown> show(DossierView dossier, Actor viewer, Page page) {
        if (page == Page.DRAFT) {
            // Only where the form has an address the register can fill (a field taken from the profile's address).
            boolean addressField = catalog.procedure(dossier.procedureCode()).stream()
                    .flatMap(p -> p.formFields().stream()).anyMatch(f -> "address".equals(f.profile()));
            return checks.connected() && addressField ? Optional.of(new Shown(Place.ABOVE_DOCUMENTS,
                    "population/panel", "address", dossier.procedureCode())) : Optional.empty();
        }
        if (page != Page.OFFICIAL) {
            return Optional.empty();
        }
        Optional<Check> check = checks.ofDossier(dossier.code());
        Locale locale = LocaleContextHolder.getLocale();
        CheckPanel panel = check.map(c -> new CheckPanel(dossier.code(), checks.connected(), c.verdict().outcome(),
                        checks.explain(c.verdict(), locale), c.verdict().at(), c.attempts(), c.nextAttemptAt(),
                        c.note(), c.notedBy(), c.verdict().match() ? heldDocuments(dossier) : List.of(),
                        c.verdict().outcome() == Outcome.PENDING && checks.connected()
                                && viewer.roles().stream().anyMatch(r -> r.permissions()
                                .contains(Permission.HANDLE_DOSSIER)), checks.sandbox()))
                .orElse(new CheckPanel(dossier.code(), checks.connected(), null, null, null, 0, null, null, null,
                        List.of(), false, checks.sandbox()));
        return Optional.of(new Shown(Place.ABOVE_DOCUMENTS, "population/panel", "panel", panel));
    }

    private List<String> heldDocuments(DossierView dossier) {
        return catalog.procedure(dossier.procedureCode()).map(p -> p.documents().stream()
                .filter(RequiredDocument::heldByState).map(RequiredDocument::name).toList()).orElse(List.of());
    }
}
