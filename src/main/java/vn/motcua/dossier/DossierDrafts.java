package vn.motcua.dossier;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.catalog.FieldType;
import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.DossierView.FileInfo;
import vn.motcua.dossier.internal.Dossier;
import vn.motcua.dossier.internal.DossierCodes;
import vn.motcua.dossier.internal.DossierLifecycle.Transition;
import vn.motcua.dossier.internal.DossierRepository;
import vn.motcua.dossier.internal.FormDataCheck;
import vn.motcua.identity.AccountProfile;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.Actor;
import vn.motcua.platform.web.UserFacingException;

import static vn.motcua.platform.text.Texts.blank;

/**
 * An applicant's online drafts: started pre-filled, saved as they type, with their files, and submitted once complete.
 * Nobody but the applicant sees a draft.
 */
@Service
public class DossierDrafts {

    /**
     * The kinds of field whose value, under the same key, is the same fact in any procedure's form (a land parcel's
     * map sheet, a household head, a business's name), so a new draft takes it from the applicant's earlier dossiers
     * of other procedures. Dates, numbers, choices and free text describe one request and are asked afresh.
     */
    private static final Set<FieldType> REUSED_FACTS = EnumSet.of(FieldType.TEXT, FieldType.ID_NUMBER,
            FieldType.PHONE, FieldType.EMAIL, FieldType.ADDRESS, FieldType.TAX_CODE);

    private final DossierRepository dossiers;
    private final DossierCodes codes;
    private final FormDataCheck formCheck;
    private final AccountService accounts;
    private final DossierRouting routing;
    private final DossierUploads uploads;
    private final DossierViews views;
    private final DossierRefs refs;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;
    private final ObjectProvider<ResidentCheck> residentCheck;
    private final TransactionTemplate transactions;

    DossierDrafts(DossierRepository dossiers, DossierCodes codes, FormDataCheck formCheck, AccountService accounts,
                  DossierRouting routing, DossierUploads uploads, DossierViews views, DossierRefs refs,
                  ApplicationEventPublisher events, MessageSource messages, Clock clock,
                  ObjectProvider<ResidentCheck> residentCheck,
                  TransactionTemplate transactions) {
        this.residentCheck = residentCheck;
        this.transactions = transactions;
        this.dossiers = dossiers;
        this.codes = codes;
        this.formCheck = formCheck;
        this.accounts = accounts;
        this.routing = routing;
        this.uploads = uploads;
        this.views = views;
        this.refs = refs;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Starts a draft for the applicant, pre-filled from their profile and from what they wrote in their earlier
     * dossiers; nobody else sees it.
     */
    @Transactional
    public long createDraft(String procedureCode, Actor applicant, Locale locale) {
        Procedure procedure = routing.onlineProcedure(procedureCode);
        Dossier d = routing.newDossier(procedure, Channel.ONLINE);
        AccountProfile profile = accounts.profile(applicant.username()).orElseThrow();
        d.ownedBy(applicant.username());
        d.startedBy(applicant.username());
        d.describeApplicant(DossierRouting.applicantFrom(profile));
        Map<String, String> prefilled = new LinkedHashMap<>();
        List<Map<String, String>> earlier = dossiers.recentFormData(applicant.username(), procedureCode, 20);
        procedure.formFields().forEach(f -> {
            String value = profile.value(f.profile());
            if (value == null && REUSED_FACTS.contains(f.type())) {
                value = earlier.stream().map(data -> data.get(f.key())).filter(v -> !blank(v)).findFirst().orElse(null);
            }
            if (value != null) {
                prefilled.put(f.key(), value);
            }
        });
        d.fillIn(prefilled);
        String competent = routing.defaultCompetentAgency(procedure, null);
        d.routeTo(competent == null ? "" : competent,
                competent == null ? "" : routing.receivingUnitFor(procedure, competent));
        return dossiers.insert(d);
    }

    /** Saves what the applicant typed so far; checks the values but not that everything is there. */
    @Transactional
    public List<String> saveDraft(long id, Actor applicant, String competentAgency, Map<String, String> formData,
                                  Locale locale) {
        Dossier d = ownDraft(id, applicant);
        Procedure procedure = routing.procedure(d.procedureCode());
        Map<String, String> values = formCheck.clean(procedure, formData);
        List<String> problems = new ArrayList<>(formCheck.problems(procedure, values, false, locale));
        if (competentAgency != null && !competentAgency.isBlank()) {
            if (!routing.mayDecide(procedure, competentAgency)) {
                problems.add(message("dossier.agency.invalid", locale, competentAgency));
            } else {
                d.routeTo(competentAgency, routing.receivingUnitFor(procedure, competentAgency));
            }
        }
        d.fillIn(values);
        dossiers.update(d);
        return problems;
    }

    @Transactional
    public FileInfo addDraftFile(long id, Actor applicant, Upload upload, Locale locale) {
        Dossier d = ownDraft(id, applicant);
        Procedure procedure = routing.procedure(d.procedureCode());
        return uploads.store(d, procedure, upload, "DOCUMENT", applicant.username());
    }

    @Transactional
    public void removeDraftFile(long id, Actor applicant, long fileId) {
        Dossier d = ownDraft(id, applicant);
        dossiers.deleteFile(d.id(), fileId);
    }

    @Transactional
    public void deleteDraft(long id, Actor applicant) {
        dossiers.deleteDraft(ownDraft(id, applicant).id());
    }

    /**
     * Submits a complete draft. Submitting it again (double click, retry) answers the dossier it already became.
     *
     * @throws InvalidDossierException listing what is missing; the draft stays a draft
     */
    public DossierView submit(long id, Actor applicant, Locale locale) {
        // The population register is asked before the transaction begins: a slow LGSP holds no database connection
        // and no lock on the draft.
        ResidentCheck checks = residentCheck.getIfAvailable();
        AccountProfile asked = accounts.profile(applicant.username()).orElseThrow();
        ResidentCheck.Identity identity = new ResidentCheck.Identity(asked.username(), asked.idNumber(),
                asked.fullName(), asked.dateOfBirth());
        ResidentCheck.Verdict verdict = checks == null || !identity.complete() ? null
                : checks.lookUp(identity).orElse(null);
        return transactions.execute(status -> submit(id, applicant, locale, checks, identity, verdict));
    }

    private DossierView submit(long id, Actor applicant, Locale locale, ResidentCheck checks,
                               ResidentCheck.Identity identity, ResidentCheck.Verdict verdict) {
        Dossier d = dossiers.lockById(id).filter(x -> applicant.username().equals(x.owner()))
                .orElseThrow(() -> UserFacingException.notFound("dossier.notFound", id));
        if (d.status() != DossierStatus.DRAFT) {
            return views.view(d, applicant);
        }
        Procedure procedure = routing.procedure(d.procedureCode());
        // Population database part: a register that contradicts the applicant stops the submission, with what did not
        // match, before anything else; their details are corrected in their account. An ID number the register does
        // not know (NOT_FOUND) is submitted and shown to the officials, as is one not yet checked (PENDING).
        AccountProfile profile = accounts.profile(applicant.username()).orElseThrow();
        if (verdict != null && verdict.outcome() == ResidentCheck.Outcome.MISMATCH) {
            throw new InvalidDossierException(List.of(checks.explain(verdict, locale) + " "
                    + message("dossier.identity.correctProfile", locale)));
        }
        List<String> problems = new ArrayList<>(formCheck.problems(procedure, d.formData(), true, locale));
        if (d.competentAgency().isBlank()) {
            problems.add(message("dossier.agency.required", locale));
        }
        problems.addAll(uploads.missingDocuments(procedure, dossiers.files(d.id()), d.formData(),
                verdict != null && verdict.match(), locale));
        if (!problems.isEmpty()) {
            throw new InvalidDossierException(problems);
        }
        if (verdict != null) {
            // The particulars as checked, in case the applicant corrected them in their account since the draft began.
            d.describeApplicant(DossierRouting.applicantFrom(profile));
        }
        Instant now = clock.instant();
        String code = codes.next(d.receivingAgency(), LocalDate.ofInstant(now, DossierDueDates.VIETNAM));
        Transition t = d.submit(code, now);
        dossiers.update(d);
        dossiers.history(d.id(), now, applicant.username(), applicant.fullName(), null, "SUBMIT", t.from(), t.to(),
                null, null, null, null);
        if (verdict != null) {
            checks.keep(d.id(), refs.ref(d), identity, verdict, null, applicant.username());
        }
        events.publishEvent(DossierEvents.checked(t, new DossierSubmitted(refs.ref(d), now)));
        return views.view(d, applicant);
    }

    /** A draft of the applicant's, by id (drafts have no code yet). */
    public DossierView draft(long id, Actor applicant) {
        return views.view(ownDraft(id, applicant), applicant);
    }

    public byte[] draftFileContent(long id, long fileId, Actor applicant) {
        Dossier d = ownDraft(id, applicant);
        return dossiers.fileContent(d.id(), fileId)
                .orElseThrow(() -> UserFacingException.notFound("dossier.fileNotFound"));
    }

    private Dossier ownDraft(long id, Actor applicant) {
        return dossiers.findById(id)
                .filter(d -> d.status() == DossierStatus.DRAFT && applicant.username().equals(d.owner()))
                .orElseThrow(() -> UserFacingException.notFound("dossier.draftNotFound"));
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
