package vn.motcua.dossier;

import java.util.Optional;

import vn.motcua.identity.Actor;

/**
 * What another module shows on a dossier's page (its fees, its post, its rating, the applicant's stored documents),
 * asked once per page with the dossier the page has already loaded for its viewer, so that neither the page nor its
 * template calls into that module and the dossier is read once. Implemented by other modules, found as beans and
 * asked in their {@link org.springframework.core.annotation.Order order}; without any, a page shows only its own.
 */
public interface DossierPanel {

    /**
     * The fragment this module shows on the page, with its model; empty when it has nothing for this viewer.
     *
     * @param dossier the dossier as the page loaded it, already checked as visible to the viewer
     */
    Optional<Shown> show(DossierView dossier, Actor viewer, Page page);

    /** The dossier pages that show panels. */
    enum Page {
        /** The applicant's draft, while filling it in. */
        DRAFT,
        /** The applicant's own submitted dossier. */
        APPLICANT,
        /** The back office's dossier, with its actions. */
        OFFICIAL
    }

    /** Where on the page a panel goes. */
    enum Place {
        /** After the dossier's own facts, before its forms, results and files. */
        ABOVE_DOCUMENTS,
        /** After the dossier's files. */
        BELOW_DOCUMENTS,
        /** Inside each required document of a draft, where its files are chosen. */
        EACH_DOCUMENT
    }

    /**
     * A panel to render: the page includes {@code ~{template :: fragment}} with {@code model} as {@code ${panel}}.
     *
     * @param model what the fragment shows, a record of the module's own
     */
    record Shown(Place place, String template, String fragment, Object model) {
    }
}
