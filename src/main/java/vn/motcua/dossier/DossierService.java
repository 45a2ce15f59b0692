package vn.motcua.dossier;

import static vn.motcua.platform.text.Texts.blank;
import static vn.motcua.platform.text.Texts.blankToNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.FieldType;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureLevel;
import vn.motcua.catalog.RequiredDocument;
import vn.motcua.dossier.DossierView.FileInfo;
import vn.motcua.dossier.forms.DossierForms;
import vn.motcua.dossier.internal.Dossier;
import vn.motcua.dossier.internal.DossierCodes;
import vn.motcua.dossier.internal.DossierLifecycle;
import vn.motcua.dossier.internal.DossierLifecycle.Transition;
import vn.motcua.dossier.internal.DossierLifecycle.Who;
import vn.motcua.dossier.internal.DossierRepository;
import vn.motcua.dossier.internal.FileContent;
import vn.motcua.dossier.internal.FormDataCheck;
import vn.motcua.identity.AccountProfile;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.identity.Role;
import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencyKind;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffMember;
import vn.motcua.platform.files.FileInspection;
import vn.motcua.platform.files.FileNames;
import vn.motcua.platform.security.GuessLimit;
import vn.motcua.platform.security.Hashes;
import vn.motcua.platform.web.UserFacingException;
import vn.motcua.platform.web.VietnamTime;
import vn.motcua.result.ResultService;
import vn.motcua.result.signing.Verdict;
import vn.motcua.workflow.Deadlines;
import vn.motcua.workflow.Pause;
import vn.motcua.workflow.PaymentStage;
import vn.motcua.workflow.ProcessDefinition;
import vn.motcua.workflow.ProcessService;
import vn.motcua.workflow.ProcessStep;
import vn.motcua.workflow.StepAction;
import vn.motcua.workflow.Timeliness;

/**
 * The way into dossiers. Every change is one transaction on a locked dossier row, checked against the lifecycle
 * graph, the dossier's process and the actor's role and agency, recorded in the dossier's history, and announced
 * by a domain event that other modules handle after commit.
 */
@Service
public class DossierService {

    static final ZoneId VIETNAM = VietnamTime.ZONE;
    /**
     * The kinds of field whose value, under the same key, is the same fact in any procedure's form (a land parcel's
     * map sheet, a household head, a business's name), so a new draft takes it from the applicant's earlier dossiers
     * of other procedures. Dates, numbers, choices and free text describe one request and are asked afresh.
     */
    private static final Set<FieldType> REUSED_FACTS = EnumSet.of(FieldType.TEXT, FieldType.ID_NUMBER,
            FieldType.PHONE, FieldType.EMAIL, FieldType.ADDRESS, FieldType.TAX_CODE);

    /** What the dossier table keeps of a client's Idempotency-Key. */
    private static final int MAX_IDEMPOTENCY_KEY = 128;

    private final DossierRepository dossiers;
    private final DossierCodes codes;
    private final FormDataCheck formCheck;
    private final CatalogService catalog;
    private final ProcessService processes;
    private final OrganizationService organization;
    private final AccountService accounts;
    private final Deadlines deadlines;
    private final ResultService results;
    private final DossierForms forms;
    private final ObjectProvider<FeeGate> feeGate;
    private final GuessLimit guesses;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;

    DossierService(DossierRepository dossiers, DossierCodes codes, FormDataCheck formCheck, CatalogService catalog,
                   ProcessService processes, OrganizationService organization, AccountService accounts,
                   Deadlines deadlines, ApplicationEventPublisher events, MessageSource messages, Clock clock, ResultService results,
                   DossierForms forms, ObjectProvider<FeeGate> feeGate, GuessLimit guesses) {
        this.feeGate = feeGate;
        this.guesses = guesses;
        this.dossiers = dossiers;
        this.codes = codes;
        this.formCheck = formCheck;
        this.catalog = catalog;
        this.processes = processes;
        this.organization = organization;
        this.accounts = accounts;
        this.deadlines = deadlines;
        this.results = results;
        this.forms = forms;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    // =================================================================== online drafts

    /**
     * Starts a draft for the applicant, pre-filled from their profile and from what they wrote in their earlier
     * dossiers; nobody else sees it.
     */
    @Transactional
    public long createDraft(String procedureCode, Actor applicant, Locale locale) {
        Procedure procedure = onlineProcedure(procedureCode);
        Dossier d = newDossier(procedure, Channel.ONLINE, DossierStatus.DRAFT);
        AccountProfile profile = accounts.profile(applicant.username()).orElseThrow();
        d.owner = applicant.username();
        d.createdBy = applicant.username();
        d.applicant = applicantFrom(profile);
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
        d.formData = prefilled;
        String competent = defaultCompetentAgency(procedure, null);
        d.competentAgency = competent == null ? "" : competent;
        d.receivingAgency = competent == null ? "" : receivingUnitFor(procedure, competent);
        d.currentAgency = d.receivingAgency;
        return dossiers.insert(d);
    }

    /** Saves what the applicant typed so far; checks the values but not that everything is there. */
    @Transactional
    public List<String> saveDraft(long id, Actor applicant, String competentAgency, Map<String, String> formData,
                                  Locale locale) {
        Dossier d = ownDraft(id, applicant);
        Procedure procedure = procedure(d.procedureCode);
        Map<String, String> values = formCheck.clean(procedure, formData);
        List<String> problems = new ArrayList<>(formCheck.problems(procedure, values, false, locale));
        if (competentAgency != null && !competentAgency.isBlank()) {
            if (!possibleAgencies(procedure).stream().map(Agency::code).toList().contains(competentAgency)) {
                problems.add(message("dossier.agency.invalid", locale, competentAgency));
            } else {
                d.competentAgency = competentAgency;
                d.receivingAgency = receivingUnitFor(procedure, competentAgency);
                d.currentAgency = d.receivingAgency;
            }
        }
        d.formData = values;
        dossiers.update(d);
        return problems;
    }

    @Transactional
    public FileInfo addDraftFile(long id, Actor applicant, Upload upload, Locale locale) {
        Dossier d = ownDraft(id, applicant);
        Procedure procedure = procedure(d.procedureCode);
        return store(d, procedure, upload, "DOCUMENT", applicant.username());
    }

    @Transactional
    public void removeDraftFile(long id, Actor applicant, long fileId) {
        Dossier d = ownDraft(id, applicant);
        dossiers.deleteFile(d.id, fileId);
    }

    @Transactional
    public void deleteDraft(long id, Actor applicant) {
        dossiers.deleteDraft(ownDraft(id, applicant).id);
    }

    /**
     * Submits a complete draft. Submitting it again (double click, retry) answers the dossier it already became.
     *
     * @throws InvalidDossierException listing what is missing; the draft stays a draft
     */
    @Transactional
    public DossierView submit(long id, Actor applicant, Locale locale) {
        Dossier d = dossiers.lockById(id).filter(x -> applicant.username().equals(x.owner))
                .orElseThrow(() -> UserFacingException.notFound("dossier.notFound", id));
        if (d.status != DossierStatus.DRAFT) {
            return view(d, applicant);
        }
        Procedure procedure = procedure(d.procedureCode);
        List<String> problems = new ArrayList<>(formCheck.problems(procedure, d.formData, true, locale));
        if (d.competentAgency.isBlank()) {
            problems.add(message("dossier.agency.required", locale));
        }
        problems.addAll(missingDocuments(procedure, dossiers.files(d.id), locale));
        if (!problems.isEmpty()) {
            throw new InvalidDossierException(problems);
        }
        Instant now = clock.instant();
        d.status = DossierStatus.SUBMITTED;
        d.submittedAt = now;
        d.code = codes.next(d.receivingAgency, LocalDate.ofInstant(now, VIETNAM));
        dossiers.update(d);
        dossiers.history(d.id, now, applicant.username(), applicant.fullName(), null, "SUBMIT", DossierStatus.DRAFT,
                DossierStatus.SUBMITTED, null, null, null, null);
        events.publishEvent(new DossierSubmitted(ref(d), now));
        return view(d, applicant);
    }

    // =================================================================== one-go creation (API, counter)

    /**
     * Creates a dossier in one transaction with its files. An applicant's dossier is submitted online and waits for
     * reception; a reception officer's is received at their counter at once, with its code, receipt and deadline.
     * The same {@code idempotencyKey} from the same person answers the dossier already created.
     */
    @Transactional
    public Receipt create(NewDossier request, List<Upload> uploads, Actor actor, String idempotencyKey,
                          Locale locale) {
        boolean counter = actor.isOfficial();
        if (counter && !actor.has(Role.RECEPTION)
                || !counter && actor.roles().stream().noneMatch(r -> r.permissions().contains(Permission.SUBMIT_DOSSIER))) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "forbidden", "dossier.forbidden");
        }
        Procedure procedure = counter ? procedure(request.procedureCode()) : onlineProcedure(request.procedureCode());
        Dossier d = newDossier(procedure, counter ? Channel.COUNTER : Channel.ONLINE, DossierStatus.SUBMITTED);
        List<String> problems = new ArrayList<>();
        if (idempotencyKey != null && idempotencyKey.length() > MAX_IDEMPOTENCY_KEY) {
            problems.add(message("dossier.idempotencyKey.tooLong", locale, MAX_IDEMPOTENCY_KEY));
        }
        if (counter) {
            d.applicant = request.applicant();
            if (d.applicant == null || blank(d.applicant.fullName())) {
                problems.add(message("dossier.applicant.required", locale));
            }
            problems.addAll(formCheck.applicantProblems(d.applicant, locale));
        } else {
            d.owner = actor.username();
            d.applicant = applicantFrom(accounts.profile(actor.username()).orElseThrow());
        }
        String competent = defaultCompetentAgency(procedure, request.agencyCode() != null ? request.agencyCode()
                : counter ? actor.agencyCode() : null);
        if (competent == null || !possibleAgencies(procedure).stream().map(Agency::code).toList().contains(competent)) {
            problems.add(message("dossier.agency.invalid", locale, request.agencyCode()));
        }
        d.formData = formCheck.clean(procedure, request.formData());
        problems.addAll(formCheck.problems(procedure, d.formData, true, locale));
        List<FileInfo> checked = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (Upload upload : uploads) {
            FileCheck check = check(procedure, upload, locale);
            problems.addAll(check.problems());
            types.add(check.type());
            checked.add(new FileInfo(0, upload.documentIndex(), "DOCUMENT", upload.fileName(), "", 0, "", false, null,
                    null, null));
        }
        if (!counter) {
            problems.addAll(missingDocuments(procedure, checked, locale));
        }
        if (!problems.isEmpty()) {
            throw new InvalidDossierException(problems);
        }
        Instant now = clock.instant();
        d.competentAgency = competent;
        d.receivingAgency = counter ? actor.agencyCode() : receivingUnitFor(procedure, competent);
        d.currentAgency = d.receivingAgency;
        d.sets = request.sets() == null || request.sets() < 1 ? 1 : request.sets();
        d.submittedAt = now;
        d.idempotencyKey = blank(idempotencyKey) ? null : idempotencyKey;
        // Files first, the code last: the day's code sequence row stays locked only from here to the commit.
        d.status = DossierStatus.DRAFT;
        d.createdBy = actor.username();
        if (!dossiers.insertIfNew(d)) {
            // The same person sent the same Idempotency-Key before (a double click, a retry): answer that dossier.
            return Receipt.of(dossiers.findByIdempotencyKey(actor.username(), idempotencyKey).orElseThrow());
        }
        for (int i = 0; i < uploads.size(); i++) {
            store(d, uploads.get(i), types.get(i), "DOCUMENT", actor.username()); // checked above: parsed once
        }
        d.status = DossierStatus.SUBMITTED;
        d.code = codes.next(d.receivingAgency, LocalDate.ofInstant(now, VIETNAM));
        dossiers.update(d);
        dossiers.history(d.id, now, actor.username(), actor.fullName(), actor.agencyCode(), "SUBMIT", null,
                DossierStatus.SUBMITTED, null, null, null, null);
        if (counter) {
            receive(d, actor, now);
        } else {
            events.publishEvent(new DossierSubmitted(ref(d), now));
        }
        return Receipt.of(d);
    }

    /** What the creator of a dossier needs back: its code, where it stands and when the result is due. */
    public record Receipt(String code, DossierStatus status, Instant dueAt) {
        static Receipt of(Dossier d) {
            return new Receipt(d.code, d.status, d.dueAt);
        }
    }

    // =================================================================== actions

    /**
     * Takes an action on a dossier, if the lifecycle graph, the dossier's process step and the actor's role and
     * agency allow it; otherwise refuses with a reason and changes nothing.
     */
    @Transactional
    public DossierView act(String code, DossierAction action, ActionRequest request, Actor actor, Upload file,
                           Locale locale) {
        Dossier d = dossiers.lockByCode(code).orElseThrow(() -> UserFacingException.notFound("dossier.notFound", code));
        if (!maySee(d, actor)) {
            throw UserFacingException.notFound("dossier.notFound", code);
        }
        ProcessDefinition process = processes.version(d.processId).orElseThrow();
        Transition t = DossierLifecycle.of(action);
        refuseUnless(t.from().contains(d.status), "dossier.action.wrongStatus", message("action." + action, locale),
                message("status." + d.status, locale));
        refuseUnless(mayTake(d, process, t, actor), "dossier.action.notYours", message("action." + action, locale));
        Instant now = clock.instant();
        if (DossierLifecycle.advancesHandling(action)) {
            refuseUnless(!hasOpenChild(d), "dossier.action.waitingForChild");
            refuseUnless(d.dueAt == null || !now.isAfter(d.dueAt), "dossier.action.overdueNeedsApology");
        }
        refuseUnless(!waitsForPayment(d, process, action), "dossier.action.unpaid");
        DossierStatus from = d.status;
        int fromStep = d.step;
        String note = blankToNull(request.note());
        Map<String, Object> details = new HashMap<>();
        switch (action) {
            case RECEIVE -> {
                receive(d, actor, now);
                return view(d, actor);
            }
            case FORWARD, APPROVE -> {
                refuseUnless(!process.isLast(d.step), "dossier.action.lastStep");
                moveTo(d, d.step + 1, now);
                d.status = DossierStatus.PROCESSING;
            }
            case SEND_BACK -> {
                refuseUnless(!blank(note), "dossier.action.noteRequired");
                moveTo(d, d.step - 1, now);
                d.status = d.step == 0 ? DossierStatus.RECEIVED : DossierStatus.PROCESSING;
            }
            case REQUEST_SUPPLEMENT -> {
                refuseUnless(!request.items().isEmpty(), "dossier.action.itemsRequired");
                dossiers.openPause(d.id, now, request.items(), note, actor.username());
                details.put("items", request.items());
                details.put("resume", from.name());
                d.status = DossierStatus.SUPPLEMENT_REQUESTED;
            }
            case REFUSE -> {
                refuseUnless(!blank(note), "dossier.action.reasonRequired");
                finish(d, DossierStatus.REFUSED, now);
            }
            case ISSUE_RESULT -> {
                refuseUnless(file != null || !blank(note), "dossier.action.resultRequired");
                // The uploaded result, or one laid out from what the official wrote; either way numbered, stamped with
                // its verification QR code and signed by the agency.
                byte[] document = file != null ? file.content()
                        : forms.resultDocument(view(d, actor), procedure(d.procedureCode), note, now);
                ResultService.Issued issued = results.issue(d.code, d.currentAgency,
                        file != null ? file.fileName() : "ket-qua", document, actor.username());
                FileInfo stored = store(d, procedure(d.procedureCode), new Upload(null, issued.result().fileName(),
                        issued.content(), false), "RESULT", actor.username());
                details.put("file", stored.fileName());
                details.put("result", issued.result().number());
                d.status = DossierStatus.RESULT_READY;
                d.resultAt = now;
            }
            case TRANSFER -> {
                Agency target = organization.agency(blankToNull(request.targetAgency())).filter(a -> a.activeOn(
                        LocalDate.ofInstant(now, VIETNAM))).orElse(null);
                refuseUnless(target != null && !target.code().equals(d.currentAgency), "dossier.action.targetRequired");
                Dossier child = transferChild(d, target, actor, now, note);
                details.put("child", child.code);
                details.put("target", target.code());
            }
            case RETURN_RESULT -> {
                String method = request.returnMethod() == null ? "COUNTER" : request.returnMethod();
                refuseUnless(Set.of("COUNTER", "ONLINE", "POST").contains(method), "dossier.action.returnMethod");
                d.returnMethod = method;
                finish(d, DossierStatus.RETURNED, now);
            }
            case APOLOGIZE -> {
                refuseUnless(!blank(note), "dossier.action.reasonRequired");
                refuseUnless(request.newDueAt() != null && d.dueAt != null && request.newDueAt().isAfter(d.dueAt)
                        && request.newDueAt().isAfter(now), "dossier.action.newDueRequired");
                dossiers.apology(d.id, now, d.dueAt, request.newDueAt(), note, actor.username());
                details.put("previousDueAt", d.dueAt.toString());
                details.put("newDueAt", request.newDueAt().toString());
                events.publishEvent(new ApologyIssued(ref(d), d.dueAt, request.newDueAt(), note, now));
                d.dueAt = request.newDueAt();
            }
            case WITHDRAW -> finish(d, DossierStatus.WITHDRAWN, now);
            case SUPPLEMENT -> {
                DossierStatus resume = resumeStatus(d);
                dossiers.closePause(d.id, now);
                if (file != null) {
                    store(d, procedure(d.procedureCode), file, "SUPPLEMENT", actor.username());
                }
                d.status = resume;
                if (d.receivedAt != null) {
                    Instant before = d.legalDueAt;
                    d.legalDueAt = legalDue(d);
                    d.dueAt = d.dueAt.plus(Duration.between(before, d.legalDueAt));
                }
            }
        }
        dossiers.update(d);
        dossiers.history(d.id, now, actor.username(), actor.fullName(), actor.agencyCode(), action.name(), from,
                d.status, fromStep, d.step, note, details.isEmpty() ? null : details);
        publish(action, d, fromStep, request, actor, now);
        return view(d, actor);
    }

    /** The applicant (or a counter officer for a walk-in) sends what was asked for. */
    @Transactional
    public DossierView supplement(String code, String note, List<Upload> files, Actor actor, Locale locale) {
        Dossier d = dossiers.findByCode(code).filter(x -> maySee(x, actor))
                .orElseThrow(() -> UserFacingException.notFound("dossier.notFound", code));
        Procedure procedure = procedure(d.procedureCode);
        List<String> problems = new ArrayList<>();
        files.forEach(f -> problems.addAll(fileProblems(procedure, f, locale)));
        if (!problems.isEmpty()) {
            throw new InvalidDossierException(problems);
        }
        DossierView view = act(code, DossierAction.SUPPLEMENT, ActionRequest.note(note), actor,
                files.isEmpty() ? null : files.getFirst(), locale);
        if (files.size() > 1) {
            Dossier again = dossiers.findByCode(code).orElseThrow();
            files.subList(1, files.size()).forEach(f -> store(again, procedure, f, "SUPPLEMENT", actor.username()));
            view = view(again, actor);
        }
        return view;
    }

    // =================================================================== queries

    public DossierView view(String code, Actor viewer) {
        Dossier d = dossiers.findByCode(code).filter(x -> maySee(x, viewer))
                .orElseThrow(() -> UserFacingException.notFound("dossier.notFound", code));
        return view(d, viewer);
    }

    /**
     * Checks that the viewer may see the dossier, for a module that shows something of its own about it (payments,
     * shipments) and needs no view of it.
     *
     * @throws UserFacingException not found, alike for a dossier that does not exist and one the viewer may not see
     */
    public void requireVisible(String code, Actor viewer) {
        dossiers.findByCode(code).filter(x -> maySee(x, viewer))
                .orElseThrow(() -> UserFacingException.notFound("dossier.notFound", code));
    }

    /** A draft of the applicant's, by id (drafts have no code yet). */
    public DossierView draft(long id, Actor applicant) {
        return view(ownDraft(id, applicant), applicant);
    }

    public byte[] fileContent(String code, long fileId, Actor viewer) {
        Dossier d = dossiers.findByCode(code).filter(x -> maySee(x, viewer))
                .orElseThrow(() -> UserFacingException.notFound("dossier.notFound", code));
        return dossiers.fileContent(d.id, fileId).orElseThrow(() -> UserFacingException.notFound("dossier.fileNotFound"));
    }

    /**
     * The files of a dossier, for a module acting on one of its events (the applicant's data store takes the accepted
     * documents and the result), with the applicant's account; empty for a dossier without an account (a walk-in
     * applicant) or a draft.
     */
    public Optional<AcceptedFiles> acceptedFiles(String code) {
        Dossier d = dossiers.findByCode(code).filter(x -> x.owner != null && x.status != DossierStatus.DRAFT)
                .orElse(null);
        if (d == null) {
            return Optional.empty();
        }
        Procedure procedure = catalog.procedure(d.procedureCode).orElse(null);
        List<AcceptedFile> files = dossiers.files(d.id).stream().map(f -> new AcceptedFile(f.kind(), f.documentIndex(),
                procedure != null && f.documentIndex() != null && f.documentIndex() < procedure.documents().size()
                        ? procedure.documents().get(f.documentIndex()).name() : null,
                f.fileName(), f.contentType(), f.sha256(), dossiers.fileContent(d.id, f.id()).orElseThrow())).toList();
        return Optional.of(new AcceptedFiles(d.owner, d.procedureCode, files));
    }

    /** A submitted dossier's facts for a module acting on its behalf; empty for a draft or an unknown code. */
    public Optional<DossierFacts> facts(String code) {
        return dossiers.findByCode(code).filter(d -> d.status != DossierStatus.DRAFT).map(this::facts);
    }

    private DossierFacts facts(Dossier d) {
        return new DossierFacts(ref(d), d.status, d.owner, d.formData, d.returnMethod);
    }

    /**
     * Whether the process makes this action wait until the fees are paid: moving the dossier on (forward, approve,
     * transfer, issue the result) when it wants payment before processing, and handing over the result always.
     */
    private boolean waitsForPayment(Dossier d, ProcessDefinition process, DossierAction action) {
        boolean gated = action == DossierAction.RETURN_RESULT
                || process.paymentStage() == PaymentStage.BEFORE_PROCESSING && EnumSet.of(DossierAction.FORWARD,
                DossierAction.APPROVE, DossierAction.TRANSFER, DossierAction.ISSUE_RESULT).contains(action);
        FeeGate gate = feeGate.getIfAvailable();
        return gated && gate != null && !gate.paid(facts(d));
    }

    /** The files of a dossier with the account of its applicant. */
    public record AcceptedFiles(String owner, String procedureCode, List<AcceptedFile> files) {
    }

    public byte[] draftFileContent(long id, long fileId, Actor applicant) {
        Dossier d = ownDraft(id, applicant);
        return dossiers.fileContent(d.id, fileId).orElseThrow(() -> UserFacingException.notFound("dossier.fileNotFound"));
    }

    /** The applicant's own dossiers and drafts, newest first. */
    public List<DossierSummary> mine(Actor applicant) {
        return dossiers.search("owner = :owner", Map.of("owner", applicant.username()),
                "order by created_at desc limit 200").stream().map(this::summary).toList();
    }

    /**
     * An official's inbox: the pending dossiers now at their agency, soonest due first, optionally only those at a
     * step of their role, filtered by procedure, status and channel, and searched by code, name or ID number.
     */
    public List<DossierSummary> inbox(Actor official, InboxFilter filter) {
        if (!official.isOfficial()) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "forbidden", "dossier.forbidden");
        }
        StringBuilder where = new StringBuilder("current_agency = :agency and status in (:statuses)");
        Map<String, Object> params = new HashMap<>();
        params.put("agency", official.agencyCode());
        params.put("statuses", (filter.status() == null ? DossierStatus.PENDING : Set.of(filter.status()))
                .stream().map(Enum::name).toList());
        if (!blank(filter.procedureCode())) {
            where.append(" and procedure_code = :procedure");
            params.put("procedure", filter.procedureCode());
        }
        if (filter.channel() != null) {
            where.append(" and channel = :channel");
            params.put("channel", filter.channel().name());
        }
        if (!blank(filter.query())) {
            where.append(" and (code ilike :q or applicant_name ilike :q or applicant_id_number = :exact)");
            params.put("q", "%" + filter.query().strip().replace("%", "") + "%");
            params.put("exact", filter.query().strip());
        }
        List<Dossier> found = dossiers.search(where.toString(), params,
                "order by due_at nulls first, submitted_at limit 500");
        return found.stream()
                .filter(d -> !filter.mineOnly() || isOnMyDesk(d, official))
                .map(this::summary).toList();
    }

    /** Dossiers an API client may list: an official's agency's, or an applicant's own. */
    public List<DossierSummary> list(Actor actor, DossierStatus status, String agency) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        if (actor.isOfficial()) {
            if (agency != null && !agency.equals(actor.agencyCode())) {
                throw new UserFacingException(HttpStatus.FORBIDDEN, "forbidden", "dossier.otherAgency");
            }
            where.append("(current_agency = :agency or receiving_agency = :agency or competent_agency = :agency)");
            params.put("agency", actor.agencyCode());
        } else {
            where.append("owner = :owner and status <> 'DRAFT'");
            params.put("owner", actor.username());
            if (agency != null) {
                where.append(" and competent_agency = :agency");
                params.put("agency", agency);
            }
        }
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status.name());
        }
        return dossiers.search(where.toString(), params, "order by id desc limit 500").stream().map(this::summary).toList();
    }

    /** Dossiers the official's agency received in a period, oldest first: the rows of the dossier log (form 07). */
    public List<DossierView> receivedBetween(Actor official, LocalDate from, LocalDate to) {
        if (!official.isOfficial()) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "forbidden", "dossier.forbidden");
        }
        return dossiers.search("""
                        receiving_agency = :agency and received_at >= :from and received_at < :to""",
                Map.of("agency", official.agencyCode(),
                        "from", java.sql.Timestamp.from(from.atStartOfDay(VIETNAM).toInstant()),
                        "to", java.sql.Timestamp.from(to.plusDays(1).atStartOfDay(VIETNAM).toInstant())),
                "order by received_at limit 5000").stream().map(d -> view(d, official)).toList();
    }

    /**
     * The public view of a dossier for whoever has its code and the last digits (at least four) of the applicant's
     * phone number. A wrong number answers exactly like an unknown code, and both count as a guess against the code
     * and the client's address ({@link GuessLimit}).
     *
     * @param client the client's address
     * @throws vn.motcua.platform.web.TooManyAttemptsException after too many wrong guesses, before looking
     */
    public Optional<Tracking> track(String code, String phoneDigits, String client) {
        return guesses.attempt("DOSSIER", code, client, () -> {
            if (blank(code) || phoneDigits == null || !phoneDigits.strip().matches("\\d{4,}")) {
                return Optional.empty();
            }
            String digits = phoneDigits.strip();
            return dossiers.findByCode(code.strip()).filter(d -> d.status != DossierStatus.DRAFT)
                    .filter(d -> d.applicant.phone() != null && d.applicant.phone().replaceAll("\\D", "").endsWith(digits))
                    .map(this::tracking);
        });
    }

    /**
     * The same public view for the dossier's own tracking link (the QR code of the receipt slip, the notices): its
     * code and its random key, compared in constant time. Nothing to guess, so it is not counted.
     */
    public Optional<Tracking> trackByKey(String code, String key) {
        if (blank(code) || blank(key)) {
            return Optional.empty();
        }
        return dossiers.findByCode(code.strip()).filter(d -> d.status != DossierStatus.DRAFT)
                .filter(d -> dossiers.trackingKey(d.id).map(k -> TrackingLinks.matches(k, key.strip())).orElse(false))
                .map(this::tracking);
    }

    private Tracking tracking(Dossier d) {
        return new Tracking(d.code, d.procedureName, d.status,
                organization.agency(d.competentAgency).map(Agency::name).orElse(d.competentAgency),
                d.submittedAt, d.receivedAt, d.dueAt, d.resultAt, d.finishedAt, timeliness(d));
    }

    /** Agencies that may decide a procedure: its listed agencies, or every commune for a commune-level one. */
    public List<Agency> possibleAgencies(Procedure procedure) {
        if (!procedure.agencies().isEmpty()) {
            return procedure.agencies().stream().map(organization::agency).flatMap(Optional::stream).toList();
        }
        return procedure.level() == ProcedureLevel.COMMUNE ? organization.activeCommunes() : List.of();
    }

    // =================================================================== internals

    private void receive(Dossier d, Actor officer, Instant now) {
        DossierStatus from = d.status;
        d.status = DossierStatus.RECEIVED;
        d.receivedAt = now;
        d.receivedBy = officer.username();
        d.counterId = organization.staffMember(officer.username()).map(StaffMember::counterId).orElse(null);
        d.logEntry = dossiers.nextLogEntry(d.receivingAgency, LocalDate.ofInstant(now, VIETNAM).getYear());
        d.step = 0;
        d.stepStartedAt = now;
        d.legalDueAt = legalDue(d);
        d.dueAt = d.legalDueAt;
        dossiers.update(d);
        dossiers.history(d.id, now, officer.username(), officer.fullName(), officer.agencyCode(), "RECEIVE", from,
                DossierStatus.RECEIVED, null, 0, null, null);
        int[] origins = dossiers.documentOrigins(d.id);
        events.publishEvent(new DossierReceived(ref(d), now, d.dueAt, origins[0], origins[1]));
    }

    private Instant legalDue(Dossier d) {
        return deadlines.dueAt(d.receivedAt, d.processingDays, d.competentAgency, pauses(d));
    }

    /** The waits for the applicant since reception: they do not count against the agency. */
    private List<Pause> pauses(Dossier d) {
        return dossiers.pauses(d.id).stream()
                .filter(p -> d.receivedAt != null && !p.startedAt().isBefore(d.receivedAt))
                .map(p -> new Pause(p.startedAt(), p.endedAt())).toList();
    }

    private void moveTo(Dossier d, int step, Instant now) {
        ProcessDefinition process = processes.version(d.processId).orElseThrow();
        ProcessStep next = process.step(step);
        d.step = step;
        d.stepStartedAt = now;
        d.currentAgency = next.agencyFor(d.receivingAgency, d.competentAgency);
    }

    private void finish(Dossier d, DossierStatus status, Instant now) {
        d.status = status;
        d.finishedAt = now;
        if (d.legalDueAt != null) {
            d.timeliness = deadlines.classifyFinished(d.legalDueAt, now).name();
        }
    }

    private Dossier transferChild(Dossier parent, Agency target, Actor actor, Instant now, String note) {
        Dossier child = new Dossier();
        child.status = DossierStatus.RECEIVED;
        child.channel = parent.channel;
        child.procedureCode = parent.procedureCode;
        child.procedureName = parent.procedureName;
        child.processingDays = parent.processingDays;
        child.processId = processes.current(parent.procedureCode).id();
        child.receivingAgency = target.code();
        child.competentAgency = target.code();
        child.currentAgency = target.code();
        child.parentId = parent.id;
        child.owner = parent.owner;
        child.createdBy = actor.username();
        child.applicant = parent.applicant;
        child.formData = parent.formData;
        child.sets = parent.sets;
        child.submittedAt = now;
        child.receivedAt = now;
        child.receivedBy = actor.username();
        child.stepStartedAt = now;
        child.legalDueAt = parent.dueAt;
        child.dueAt = parent.dueAt;
        child.code = codes.next(target.code(), LocalDate.ofInstant(now, VIETNAM));
        dossiers.insert(child);
        dossiers.history(child.id, now, actor.username(), actor.fullName(), actor.agencyCode(), "TRANSFER", null,
                DossierStatus.RECEIVED, null, 0, note, Map.of("parent", parent.code));
        return child;
    }

    private boolean hasOpenChild(Dossier d) {
        return dossiers.children(d.id).stream().anyMatch(c -> !c.status.isFinal() && c.status != DossierStatus.RESULT_READY);
    }

    private DossierStatus resumeStatus(Dossier d) {
        return dossiers.history(d.id).reversed().stream()
                .filter(h -> "REQUEST_SUPPLEMENT".equals(h.action())).findFirst()
                .map(h -> DossierStatus.valueOf(h.fromStatus())).orElse(DossierStatus.RECEIVED);
    }

    private void publish(DossierAction action, Dossier d, int fromStep, ActionRequest request, Actor actor, Instant now) {
        DossierRef ref = ref(d);
        switch (action) {
            case FORWARD, APPROVE, SEND_BACK ->
                    events.publishEvent(new StepCompleted(ref, fromStep, d.step, action.name(), actor.username(), now));
            case REQUEST_SUPPLEMENT -> events.publishEvent(new SupplementRequested(ref, request.items(), request.note(), now));
            case REFUSE -> events.publishEvent(new DossierRefused(ref, request.note(), now));
            case ISSUE_RESULT -> events.publishEvent(new ResultReady(ref, now));
            case TRANSFER -> events.publishEvent(new DossierTransferred(ref,
                    dossiers.children(d.id).getLast().code, request.targetAgency(), now));
            case RETURN_RESULT -> events.publishEvent(new DossierReturned(ref, d.returnMethod, d.timeliness, now));
            case WITHDRAW -> events.publishEvent(new DossierWithdrawn(ref, now));
            case SUPPLEMENT -> events.publishEvent(new SupplementReceived(ref, now, d.dueAt, d.legalDueAt));
            default -> {
                // RECEIVE and APOLOGIZE publish where they happen.
            }
        }
        if (d.parentId != null && d.status == DossierStatus.RESULT_READY) {
            returnChildResult(d, actor, now);
        }
    }

    /** An inter-agency child's result goes back to the original dossier, which may then continue. */
    private void returnChildResult(Dossier child, Actor actor, Instant now) {
        DossierStatus from = child.status;
        child.returnMethod = "INTER_AGENCY";
        finish(child, DossierStatus.RETURNED, now);
        dossiers.update(child);
        dossiers.history(child.id, now, actor.username(), actor.fullName(), actor.agencyCode(), "RETURN_RESULT", from,
                DossierStatus.RETURNED, child.step, child.step, null, null);
        Dossier parent = dossiers.lockById(child.parentId).orElseThrow();
        dossiers.history(parent.id, now, actor.username(), actor.fullName(), actor.agencyCode(), "TRANSFER_RESULT",
                parent.status, parent.status, parent.step, parent.step, null, Map.of("child", child.code));
    }

    private boolean maySee(Dossier d, Actor actor) {
        if (d.status == DossierStatus.DRAFT) {
            return actor.username().equals(d.owner);
        }
        if (actor.isOfficial()) {
            String agency = actor.agencyCode();
            return agency.equals(d.currentAgency) || agency.equals(d.receivingAgency) || agency.equals(d.competentAgency);
        }
        return actor.username().equals(d.owner);
    }

    private boolean mayTake(Dossier d, ProcessDefinition process, Transition t, Actor actor) {
        return switch (t.who()) {
            case APPLICANT -> actor.username().equals(d.owner)
                    || (d.owner == null && actor.has(Role.RECEPTION) && actor.agencyCode() != null
                    && actor.agencyCode().equals(d.receivingAgency));
            case RECEPTION -> actor.has(Role.RECEPTION) && actor.agencyCode() != null
                    && actor.agencyCode().equals(d.receivingAgency);
            case HANDLER -> isOnMyDesk(d, actor) || (actor.has(Role.LEADER) && actor.agencyCode() != null
                    && actor.agencyCode().equals(d.competentAgency));
            case STEP -> {
                if (d.status == DossierStatus.SUBMITTED) {
                    // Before reception, the first step (reception) decides: ask for more or refuse.
                    ProcessStep first = process.step(0);
                    yield actor.has(Role.RECEPTION) && actor.agencyCode() != null
                            && actor.agencyCode().equals(d.receivingAgency)
                            && (t.stepAction() == null || first.allows(t.stepAction()));
                }
                ProcessStep step = process.step(d.step);
                yield isOnMyDesk(d, actor) && (t.stepAction() == null || step.allows(t.stepAction()));
            }
        };
    }

    private boolean isOnMyDesk(Dossier d, Actor actor) {
        if (!actor.isOfficial() || !actor.agencyCode().equals(d.currentAgency)) {
            return false;
        }
        if (d.status == DossierStatus.SUBMITTED || d.status == DossierStatus.RESULT_READY) {
            return actor.has(Role.RECEPTION);
        }
        ProcessStep step = processes.version(d.processId).orElseThrow().step(d.step);
        return actor.has(step.role().role());
    }

    private Set<DossierAction> actionsFor(Dossier d, Actor actor) {
        if (d.status == DossierStatus.DRAFT || d.status.isFinal()) {
            return Set.of();
        }
        ProcessDefinition process = processes.version(d.processId).orElseThrow();
        Set<DossierAction> allowed = EnumSet.noneOf(DossierAction.class);
        boolean waiting = hasOpenChild(d);
        boolean overdue = d.dueAt != null && clock.instant().isAfter(d.dueAt);
        for (DossierAction action : DossierAction.values()) {
            Transition t = DossierLifecycle.of(action);
            if (!t.from().contains(d.status) || !mayTake(d, process, t, actor)) {
                continue;
            }
            if (DossierLifecycle.advancesHandling(action) && (waiting || overdue)) {
                continue;
            }
            if ((action == DossierAction.FORWARD || action == DossierAction.APPROVE) && process.isLast(d.step)) {
                continue;
            }
            if (action == DossierAction.SEND_BACK && d.step == 0) {
                continue;
            }
            allowed.add(action);
        }
        return allowed;
    }

    private DossierView view(Dossier d, Actor viewer) {
        ProcessDefinition process = processes.version(d.processId).orElseThrow();
        String parentCode = d.parentId == null ? null : dossiers.codeOf(d.parentId).orElse(null);
        ProcessStep step = process.step(d.step);
        Instant stepDue = d.stepStartedAt == null || d.status.isFinal() || d.status == DossierStatus.RESULT_READY ? null
                : deadlines.stepDueAt(d.stepStartedAt, d.processingDays, step.timeShare(), d.competentAgency,
                pauses(d));
        return new DossierView(d.code, d.status, d.channel, d.procedureCode, d.procedureName, d.processingDays,
                d.receivingAgency, d.competentAgency, d.currentAgency, d.step, step.name(), stepDue,
                process.version(), d.applicant, d.formData, d.sets, d.createdAt, d.submittedAt, d.receivedAt,
                d.dueAt, d.legalDueAt, d.resultAt, d.finishedAt, timeliness(d), d.returnMethod, parentCode,
                dossiers.children(d.id).stream().map(c -> c.code).toList(), dossiers.files(d.id),
                dossiers.history(d.id), dossiers.pauses(d.id), dossiers.apologies(d.id), actionsFor(d, viewer));
    }

    private DossierSummary summary(Dossier d) {
        return new DossierSummary(d.id, d.code, d.status, d.channel, d.procedureCode, d.procedureName,
                d.applicant.fullName(), d.currentAgency, d.step, d.submittedAt, d.receivedAt, d.dueAt, d.finishedAt,
                timeliness(d));
    }

    private String timeliness(Dossier d) {
        if (d.timeliness != null) {
            return d.timeliness;
        }
        if (d.dueAt == null || d.status.isFinal()) {
            return null;
        }
        Instant end = d.status == DossierStatus.RESULT_READY ? d.resultAt : clock.instant();
        Timeliness t = d.status == DossierStatus.RESULT_READY ? deadlines.classifyFinished(d.dueAt, end)
                : deadlines.classifyPending(d.dueAt, end, d.competentAgency);
        return t.name();
    }

    DossierRef ref(Dossier d) {
        return new DossierRef(d.code, d.procedureCode, d.procedureName, d.receivingAgency, d.competentAgency,
                organization.agency(d.competentAgency).map(Agency::name).orElse(d.competentAgency), d.channel,
                d.applicant);
    }

    private Dossier newDossier(Procedure procedure, Channel channel, DossierStatus status) {
        Dossier d = new Dossier();
        d.status = status;
        d.channel = channel;
        d.procedureCode = procedure.code();
        d.procedureName = procedure.name();
        d.processingDays = procedure.processingDays();
        d.processId = processes.current(procedure.code()).id();
        return d;
    }

    private Dossier ownDraft(long id, Actor applicant) {
        return dossiers.findById(id)
                .filter(d -> d.status == DossierStatus.DRAFT && applicant.username().equals(d.owner))
                .orElseThrow(() -> UserFacingException.notFound("dossier.draftNotFound"));
    }

    private FileInfo store(Dossier d, Procedure procedure, Upload upload, String kind, String username) {
        FileCheck check = check(procedure, upload, LocaleContextHolder.getLocale());
        if (!check.problems().isEmpty()) {
            throw new InvalidDossierException(check.problems());
        }
        return store(d, upload, check.type(), kind, username);
    }

    /** Stores an upload already checked, of the type its check found. */
    private FileInfo store(Dossier d, Upload upload, String type, String kind, String username) {
        String sha = Hashes.sha256Hex(upload.content());
        // The name says what the file is: "hoso.pdf.exe" holding a PDF is stored as a PDF's name.
        String name = FileNames.withExtensionOf(FileNames.clean(upload.fileName()), type);
        // A signed PDF from the applicant is checked now, so that officials see the verdict beside the file.
        Verdict verdict = "RESULT".equals(kind) ? null : results.signatureOf(upload.content()).orElse(null);
        String signature = verdict == null ? null : verdict.status().name();
        String signer = verdict == null ? null : verdict.signer();
        long id = dossiers.insertFile(d.id, upload.documentIndex(), kind, name, type, upload.content(), sha,
                upload.digitised(), upload.fromStore(), username, signature, signer);
        return new FileInfo(id, upload.documentIndex(), kind, name, type, upload.content().length, sha,
                upload.digitised(), clock.instant(), signature, signer);
    }

    /** An upload's problems, and the content type its content was found to be when it has none. */
    private record FileCheck(List<String> problems, String type) {
    }

    private List<String> fileProblems(Procedure procedure, Upload upload, Locale locale) {
        return check(procedure, upload, locale).problems();
    }

    /** Parses the upload once (see {@link FileInspection}): what is wrong with it, or what it is. */
    private FileCheck check(Procedure procedure, Upload upload, Locale locale) {
        String type = null;
        List<String> problems = new ArrayList<>();
        String name = FileNames.clean(upload.fileName());
        if (upload.content() == null || upload.content().length == 0) {
            problems.add(message("dossier.file.empty", locale, name));
        } else if (upload.content().length > FileContent.MAX_SIZE) {
            problems.add(message("dossier.file.tooLarge", locale, name, FileContent.MAX_SIZE / (1024 * 1024)));
        } else {
            FileInspection.Verdict verdict = FileInspection.inspect(upload.content());
            if (verdict.problem() == FileInspection.Problem.NOT_ACCEPTED) {
                problems.add(message("dossier.file.badType", locale, name));
            } else if (!verdict.accepted()) {
                problems.add(message(verdict.problem().messageKey(), locale, name));
            }
            type = verdict.contentType();
        }
        if (upload.documentIndex() != null
                && (upload.documentIndex() < 0 || upload.documentIndex() >= procedure.documents().size())) {
            problems.add(message("dossier.file.badDocument", locale, name));
        }
        return new FileCheck(problems, type);
    }

    private List<String> missingDocuments(Procedure procedure, List<FileInfo> files, Locale locale) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < procedure.documents().size(); i++) {
            RequiredDocument document = procedure.documents().get(i);
            int index = i;
            if (document.mandatory() && files.stream().noneMatch(f -> Integer.valueOf(index).equals(f.documentIndex()))) {
                problems.add(message("dossier.document.missing", locale, document.name()));
            }
        }
        return problems;
    }

    private Procedure procedure(String code) {
        return catalog.procedure(code).orElseThrow(() -> UserFacingException.notFound("procedure.notFound", code));
    }

    private Procedure onlineProcedure(String code) {
        Procedure procedure = procedure(code);
        if (!procedure.onlineLevel().acceptsOnlineSubmission()) {
            throw new UserFacingException(HttpStatus.UNPROCESSABLE_CONTENT, "not_online", "dossier.notOnline",
                    procedure.name());
        }
        return procedure;
    }

    /** The agency to decide the procedure when the applicant did not choose, if there is only one sensible choice. */
    private String defaultCompetentAgency(Procedure procedure, String preferred) {
        List<Agency> possible = possibleAgencies(procedure);
        if (preferred != null && possible.stream().anyMatch(a -> a.code().equals(preferred))) {
            return preferred;
        }
        if (preferred != null) {
            return preferred.isBlank() ? null : preferred;
        }
        return possible.size() == 1 ? possible.getFirst().code() : null;
    }

    /**
     * Where an online dossier is received: a commune's own one-stop desk for commune procedures, the province's
     * public-administration service centre for the others (when there is one).
     */
    private String receivingUnitFor(Procedure procedure, String competentAgency) {
        if (procedure.level() == ProcedureLevel.COMMUNE) {
            return competentAgency;
        }
        return organization.activeAgencies().stream().filter(a -> a.kind() == AgencyKind.SERVICE_CENTRE)
                .findFirst().map(Agency::code).orElse(competentAgency);
    }

    private static Applicant applicantFrom(AccountProfile p) {
        return new Applicant(p.username(), p.fullName(), p.idNumber(), p.phone(), p.email(), p.address(),
                p.organizationName(), p.taxCode());
    }

    private void refuseUnless(boolean condition, String key, Object... args) {
        if (!condition) {
            throw new UserFacingException(HttpStatus.CONFLICT, "action_not_allowed", key, args);
        }
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
