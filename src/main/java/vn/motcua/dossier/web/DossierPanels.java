package vn.motcua.dossier.web;

import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import vn.motcua.dossier.DossierPanel;
import vn.motcua.dossier.DossierPanel.Place;
import vn.motcua.dossier.DossierPanel.Shown;
import vn.motcua.dossier.DossierView;
import vn.motcua.identity.Actor;

/** Asks every module's {@link DossierPanel} once for a page, in their order. */
@Component
class DossierPanels {

    private final ObjectProvider<DossierPanel> panels;

    DossierPanels(ObjectProvider<DossierPanel> panels) {
        this.panels = panels;
    }

    PagePanels of(DossierView dossier, Actor viewer, DossierPanel.Page page) {
        return new PagePanels(panels.orderedStream().map(p -> p.show(dossier, viewer, page))
                .flatMap(Optional::stream).toList());
    }

    /** The panels of one page, which its template takes by place ({@code dossier/parts :: panels}). */
    public record PagePanels(List<Shown> shown) {

        public List<Shown> aboveDocuments() {
            return at(Place.ABOVE_DOCUMENTS);
        }

        public List<Shown> belowDocuments() {
            return at(Place.BELOW_DOCUMENTS);
        }

        public List<Shown> eachDocument() {
            return at(Place.EACH_DOCUMENT);
        }

        private List<Shown> at(Place place) {
            return shown.stream().filter(s -> s.place() == place).toList();
        }
    }
}
