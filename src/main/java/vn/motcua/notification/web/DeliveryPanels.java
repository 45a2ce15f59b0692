package vn.motcua.notification.web;

import java.util.List;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.motcua.dossier.DossierPanel;
import vn.motcua.dossier.DossierView;
import vn.motcua.identity.Actor;
import vn.motcua.notification.internal.DeliveryLog;
import vn.motcua.notification.internal.LoggedDelivery;

/**
 * What was sent about a submitted dossier, on its pages ({@code notification/panel :: panel}): the applicant reads
 * the messages sent to them and whether they arrived; an official gets the count and a link to the dossier's log.
 */
@Component
@Order(300)
class DeliveryPanels implements DossierPanel {

    private final DeliveryLog log;

    DeliveryPanels(DeliveryLog log) {
        this.log = log;
    }

    /** The panel's model: the dossier's deliveries, and whether the viewer is the applicant. */
    record Sent(String code, boolean applicant, List<LoggedDelivery> deliveries) {
    }

    @Override
    public Optional<Shown> show(DossierView dossier, Actor viewer, Page page) {
        if (page == Page.DRAFT) {
            return Optional.empty();
        }
        return Optional.of(new Shown(Place.BELOW_DOCUMENTS, "notification/panel", "panel",
                new Sent(dossier.code(), page == Page.APPLICANT, log.ofDossier(dossier.code()))));
    }
}
