package vn.motcua.wallet.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.RequiredDocument;
import vn.motcua.dossier.DossierPanel;
import vn.motcua.dossier.DossierView;
import vn.motcua.identity.Actor;
import vn.motcua.wallet.StoredDocument;
import vn.motcua.wallet.WalletService;

/**
 * On a draft's documents step, under each required document, the applicant's stored documents that can stand for it
 * ({@code wallet/suggestions :: use}), so that nobody hands in the same paper twice.
 */
@Component
@Order(400)
class WalletSuggestions implements DossierPanel {

    private final WalletService wallet;
    private final CatalogService catalog;

    WalletSuggestions(WalletService wallet, CatalogService catalog) {
        this.wallet = wallet;
        this.catalog = catalog;
    }

    @Override
    public Optional<Shown> show(DossierView dossier, Actor viewer, Page page) {
        if (page != Page.DRAFT) {
            return Optional.empty();
        }
        List<String> names = catalog.procedure(dossier.procedureCode())
                .map(p -> p.documents().stream().map(RequiredDocument::name).toList()).orElse(List.of());
        return Optional.of(new Shown(Place.EACH_DOCUMENT, "wallet/suggestions", "use",
                new Fitting(wallet.fitting(viewer.username(), names))));
    }

    /** The stored documents that fit each required document, by its index. */
    public record Fitting(Map<Integer, List<StoredDocument>> byDocument) {

        public List<StoredDocument> of(int documentIndex) {
            return byDocument.getOrDefault(documentIndex, List.of());
        }
    }
}
