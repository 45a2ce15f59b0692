package vn.motcua.wallet.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.motcua.certification.CertificationService;
import vn.motcua.certification.CopyCertified;

/**
 * Puts an electronic certified copy into its applicant's data store when the applicant has an account, typed by the
 * original's name like any stored document, so that a later submission asking for that document offers it. Runs
 * after the certification commits, again after a restart if it had not finished; the same bytes twice are a no-op.
 */
@Component
class CertifiedCopiesToWallet {

    private final CertificationService certification;
    private final WalletRepository wallet;
    private final DocumentTypes types;

    CertifiedCopiesToWallet(CertificationService certification, WalletRepository wallet, DocumentTypes types) {
        this.certification = certification;
        this.wallet = wallet;
        this.types = types;
    }

    @ApplicationModuleListener
    void on(CopyCertified event) {
        if (!event.electronic() || event.applicantAccount() == null) {
            return;
        }
        byte[] content = certification.content(event.id()).orElseThrow(() -> new IllegalStateException(
                "The signed copy " + event.reference() + " is not in the file store"));
        DocumentTypes.Type type = types.of(event.documentName());
        wallet.insert(event.applicantAccount(), type.code(), type.label(), event.fileName(), "application/pdf", content,
                event.sha256(), "Bản sao chứng thực số " + event.reference());
    }
}
