package vn.motcua.wallet.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.AcceptedFile;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.DossierReceived;
import vn.motcua.dossier.ResultReady;

/**
 * Fills applicants' data stores from dossier events: the documents accepted when a dossier is received, and the
 * result when it is issued. Runs after the dossier's transaction commits, and again after a restart if it had not
 * finished; storing the same bytes twice for one owner is a no-op.
 */
@Component
class DossierDocumentsToWallet {

    private final DossierQueries dossiers;
    private final CatalogService catalog;
    private final WalletRepository wallet;
    private final DocumentTypes types;

    DossierDocumentsToWallet(DossierQueries dossiers, CatalogService catalog, WalletRepository wallet,
                             DocumentTypes types) {
        this.dossiers = dossiers;
        this.catalog = catalog;
        this.wallet = wallet;
        this.types = types;
    }

    @ApplicationModuleListener
    void on(DossierReceived event) {
        String code = event.dossier().code();
        dossiers.acceptedFiles(code).ifPresent(accepted -> accepted.files().stream()
                .filter(f -> !"RESULT".equals(f.kind()))
                .forEach(f -> store(accepted.owner(), types.of(f.documentName()), f, "Hồ sơ " + code)));
    }

    @ApplicationModuleListener
    void on(ResultReady event) {
        String code = event.dossier().code();
        dossiers.acceptedFiles(code).ifPresent(accepted -> {
            String result = catalog.procedure(accepted.procedureCode()).map(Procedure::result)
                    .orElse(event.dossier().procedureName());
            DocumentTypes.Type type = types.of(result);
            DocumentTypes.Type labelled = type.code().equals(DocumentTypes.OTHER)
                    ? new DocumentTypes.Type(DocumentTypes.OTHER, "Kết quả: " + event.dossier().procedureName()) : type;
            accepted.files().stream().filter(f -> "RESULT".equals(f.kind()))
                    .forEach(f -> store(accepted.owner(), labelled, f, "Kết quả hồ sơ " + code));
        });
    }

    private void store(String owner, DocumentTypes.Type type, AcceptedFile file, String source) {
        wallet.insert(owner, type.code(), type.label(), file.fileName(), file.contentType(), file.content(),
                file.sha256(), source);
    }
}
