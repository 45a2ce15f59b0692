package vn.motcua.integration.web;

import java.util.List;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.motcua.dossier.DossierPanel;
import vn.motcua.dossier.DossierView;
import vn.motcua.identity.Actor;
import vn.motcua.integration.nationalportal.NationalCodes;
import vn.motcua.integration.nationalportal.StatusSyncRepository;
import vn.motcua.integration.nationalportal.StatusSyncRepository.Message;

/**
 * The national portal on an official's dossier page ({@code integration/national-panel :: panel}): the dossier's code
 * there when it came from it, and how many of its status messages the national portal has accepted. Nothing when the
 * dossier has neither.
 */
@Component
@Order(210)
class NationalPortalPanels implements DossierPanel {

    private final NationalCodes codes;
    private final StatusSyncRepository messages;

    NationalPortalPanels(NationalCodes codes, StatusSyncRepository messages) {
        this.codes = codes;
        this.messages = messages;
    }

    /** @param nationalCode null for a dossier that did not come from the national portal */
    record NationalPanel(String nationalCode, int messages, int accepted, int failed) {
    }

    @Override
    public Optional<Shown> show(DossierView dossier, Actor viewer, Page page) {
        if (page != Page.OFFICIAL) {
            return Optional.empty();
        }
        String nationalCode = codes.of(dossier.code()).orElse(null);
        List<Message> sent = messages.messages(dossier.code());
        if (nationalCode == null && sent.isEmpty()) {
            return Optional.empty();
        }
        int accepted = (int) sent.stream().filter(m -> "ACCEPTED".equals(m.state())).count();
        int failed = (int) sent.stream().filter(m -> "FAILED".equals(m.state())).count();
        return Optional.of(new Shown(Place.ABOVE_DOCUMENTS, "integration/national-panel", "panel",
                new NationalPanel(nationalCode, sent.size(), accepted, failed)));
    }
}
