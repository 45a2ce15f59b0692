package vn.motcua.integration.web;

import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.motcua.dossier.DossierPanel;
import vn.motcua.dossier.DossierView;
import vn.motcua.identity.Actor;
import vn.motcua.integration.PostalService;

/**
 * The postal service on a submitted dossier's pages ({@code integration/postal :: panel}): the applicant chooses
 * there and follows the shipments; officials read their status.
 */
@Component
@Order(200)
class PostalPanels implements DossierPanel {

    private final PostalService postal;

    PostalPanels(PostalService postal) {
        this.postal = postal;
    }

    @Override
    public Optional<Shown> show(DossierView dossier, Actor viewer, Page page) {
        if (page == Page.DRAFT) {
            return Optional.empty();
        }
        return Optional.of(new Shown(Place.BELOW_DOCUMENTS, "integration/postal", "panel", postal.panel(dossier, viewer)));
    }
}
