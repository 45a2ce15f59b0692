package vn.motcua.wallet;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.dossier.DossierDrafts;
import vn.motcua.dossier.Upload;
import vn.motcua.identity.Actors;
import vn.motcua.identity.CurrentUser;
import vn.motcua.platform.audit.AuditAction;
import vn.motcua.platform.audit.AuditOutcome;
import vn.motcua.platform.audit.AuditTrail;
import vn.motcua.platform.web.UserFacingException;
import vn.motcua.wallet.internal.DocumentTypes;
import vn.motcua.wallet.internal.WalletRepository;

/** An applicant's data store: what is in it, what fits a required document, and using a stored document again. */
@Service
public class WalletService {

    private final Actors actors;
    private final WalletRepository wallet;
    private final DocumentTypes types;
    private final DossierDrafts dossiers;
    private final AuditTrail trail;

    WalletService(Actors actors, WalletRepository wallet, DocumentTypes types, DossierDrafts dossiers, AuditTrail trail) {
        this.actors = actors;
        this.trail = trail;
        this.wallet = wallet;
        this.types = types;
        this.dossiers = dossiers;
    }

    public List<StoredDocument> documents(String owner) {
        return wallet.list(owner);
    }

    /**
     * For each required document of a draft, by its index, the owner's stored documents that can stand for it,
     * newest first: one read of the store for the whole draft.
     */
    public Map<Integer, List<StoredDocument>> fitting(String owner, List<String> documentNames) {
        List<StoredDocument> stored = owner == null ? List.of() : wallet.list(owner);
        Map<Integer, List<StoredDocument>> fitting = new HashMap<>();
        for (int i = 0; i < documentNames.size(); i++) {
            DocumentTypes.Type type = types.of(documentNames.get(i));
            // A document of a known type fits by its type; one of no known type (OTHER) only under the same name.
            fitting.put(i, stored.stream().filter(d -> d.type().equals(type.code())
                    && (!DocumentTypes.OTHER.equals(type.code()) || Objects.equals(d.label(), type.label()))).toList());
        }
        return fitting;
    }

    public byte[] content(String owner, long id) {
        byte[] content = wallet.content(owner, id).orElseThrow(() -> UserFacingException.notFound("wallet.notFound"));
        trail.read(AuditAction.WALLET_DOCUMENT_DOWNLOADED, "kho-du-lieu/" + id, owner);
        return content;
    }

    public StoredDocument document(String owner, long id) {
        return wallet.find(owner, id).orElseThrow(() -> UserFacingException.notFound("wallet.notFound"));
    }

    @Transactional
    public void delete(String owner, long id) {
        if (!wallet.delete(owner, id)) {
            throw UserFacingException.notFound("wallet.notFound");
        }
        trail.record(AuditAction.WALLET_DOCUMENT_DELETED, "kho-du-lieu/" + id, owner, AuditOutcome.OK, null);
    }

    /**
     * Attaches a stored document to the applicant's draft as its {@code documentIndex}-th required document, checked
     * like an upload (the store keeps only what was accepted, but the draft's rules still apply).
     */
    @Transactional
    public void useInDraft(CurrentUser applicant, long storedId, long draftId, int documentIndex, Locale locale) {
        StoredDocument stored = document(applicant.getUsername(), storedId);
        byte[] content = content(applicant.getUsername(), storedId);
        dossiers.addDraftFile(draftId, actors.of(applicant),
                new Upload(documentIndex, stored.fileName(), content, false, true), locale);
    }
}
