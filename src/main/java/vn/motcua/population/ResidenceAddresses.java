package vn.motcua.population;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;

import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.FormField;
import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.DossierDrafts;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.ResidentCheck.Identity;
import vn.motcua.dossier.ResidentCheck.Outcome;
import vn.motcua.identity.AccountProfile;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.Actor;
import vn.motcua.platform.audit.AuditAction;
import vn.motcua.platform.audit.AuditTrail;
import vn.motcua.platform.text.VietnameseText;

/**
 * The residence address pre-filled on an applicant's own draft from the national population database ("Lấy địa chỉ
 * từ CSDL quốc gia về dân cư"): only for the signed-in applicant's own identity, and only when the register confirms
 * all of it, so that the register gives out nothing about anyone else.
 */
@Service
public class ResidenceAddresses {

    /** How it went, for the page's message. */
    public enum Prefill { FILLED, NOT_CONNECTED, NO_IDENTITY, NOT_CONFIRMED, UNREACHABLE, NO_ADDRESS, NO_FIELD }

    private final ResidentChecks checks;
    private final AccountService accounts;
    private final DossierDrafts drafts;
    private final CatalogService catalog;
    private final AuditTrail audit;

    ResidenceAddresses(ResidentChecks checks, AccountService accounts, DossierDrafts drafts, CatalogService catalog,
                       AuditTrail audit) {
        this.checks = checks;
        this.accounts = accounts;
        this.drafts = drafts;
        this.catalog = catalog;
        this.audit = audit;
    }

    /**
     * Fills the draft's address fields (those the catalog takes from the profile's address): one about the permanent
     * residence ("thường trú") with it, any other with the current residence.
     */
    public Prefill prefill(long draftId, Actor applicant, Locale locale) {
        DossierView draft = drafts.draft(draftId, applicant); // the applicant's own draft, else not found
        if (!checks.connected()) {
            return Prefill.NOT_CONNECTED;
        }
        AccountProfile profile = accounts.profile(applicant.username()).orElseThrow();
        Identity identity = new Identity(profile.username(), profile.idNumber(), profile.fullName(),
                profile.dateOfBirth());
        if (!identity.complete()) {
            return Prefill.NO_IDENTITY;
        }
        Procedure procedure = catalog.procedure(draft.procedureCode()).orElseThrow();
        List<FormField> fields = procedure.formFields().stream().filter(f -> "address".equals(f.profile())).toList();
        if (fields.isEmpty()) {
            return Prefill.NO_FIELD;
        }
        ResidentChecks.Asked asked = checks.ask(identity);
        audit.read(AuditAction.POPULATION_LOOKUP, "cccd:" + identity.idNumber().strip(), applicant.username());
        if (asked.verdict().outcome() == Outcome.PENDING) {
            return Prefill.UNREACHABLE;
        }
        if (asked.verdict().outcome() != Outcome.MATCH) {
            return Prefill.NOT_CONFIRMED;
        }
        LgspMapping.Answer answer = asked.answer();
        if (answer.permanentAddress() == null && answer.currentAddress() == null) {
            return Prefill.NO_ADDRESS;
        }
        Map<String, String> values = new LinkedHashMap<>(draft.formData());
        for (FormField f : fields) {
            boolean permanent = VietnameseText.fold(f.label()).contains("thuong tru");
            String address = permanent ? answer.permanentAddress() : answer.currentAddress();
            values.put(f.key(), address != null ? address
                    : permanent ? answer.currentAddress() : answer.permanentAddress());
        }
        drafts.saveDraft(draftId, applicant, null, values, locale);
        audit.read(AuditAction.POPULATION_ADDRESS_READ, "ho-so-nhap/" + draftId, applicant.username());
        return Prefill.FILLED;
    }
}
