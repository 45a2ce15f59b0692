package vn.motcua.dossier;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

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
import vn.motcua.identity.Permission;
import vn.motcua.identity.Role;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffMember;
import vn.motcua.platform.web.UserFacingException;

import static vn.motcua.platform.text.Texts.blank;
import static vn.motcua.platform.text.Texts.blankToNull;

/**
 * Dossiers coming in: created in one go online (the API) or at a reception counter, and online dossiers received
 * with their receipt slip, which starts the legal time.
 */
@Service
public class DossierIntake {

    /** What the dossier table keeps of a client's Idempotency-Key. */
    private static final int MAX_IDEMPOTENCY_KEY = 128;
    private static final java.util.regex.Pattern ID_NUMBER = java.util.regex.Pattern.compile("\\d{12}");

    private final DossierRepository dossiers;
    private final DossierCodes codes;
    private final FormDataCheck formCheck;
    private final AccountService accounts;
    private final OrganizationService organization;
    private final DossierRouting routing;
    private final DossierUploads uploads;
    private final DossierDueDates dueDates;
    private final DossierRefs refs;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;
    private final ObjectProvider<ResidentCheck> residentCheck;
    private final TransactionTemplate transactions;

    DossierIntake(DossierRepository dossiers, DossierCodes codes, FormDataCheck formCheck, AccountService accounts,
                  OrganizationService organization, DossierRouting routing, DossierUploads uploads,
                  DossierDueDates dueDates, DossierRefs refs, ApplicationEventPublisher events,
                  MessageSource messages, Clock clock, ObjectProvider<ResidentCheck> residentCheck,
                  TransactionTemplate transactions) {
        this.residentCheck = residentCheck;
        this.transactions = transactions;
        this.dossiers = dossiers;
        this.codes = codes;
        this.formCheck = formCheck;
        this.accounts = accounts;
        this.organization = organization;
        this.routing = routing;
        this.uploads = uploads;
        this.dueDates = dueDates;
        this.refs = refs;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Creates a dossier in one transaction with its files. An applicant's dossier is submitted online and waits for
     * reception; a reception officer's is received at their counter at once, with its code, receipt and deadline.
     * The same {@code idempotencyKey} from the same person answers the dossier already created.
     */
    public Receipt create(NewDossier request, List<Upload> files, Actor actor, String idempotencyKey,
                          Locale locale) {
        boolean counter = actor.isOfficial();
        if (counter && !actor.has(Role.RECEPTION)
                || !counter && actor.roles().stream()
                .noneMatch(r -> r.permissions().contains(Permission.SUBMIT_DOSSIER))) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "forbidden", "dossier.forbidden");
        }
        // The population register is asked before the transaction begins: a slow LGSP holds no database connection.
        ResidentCheck.Verdict asked = askRegister(request, actor);
        return transactions.execute(status -> create(request, files, actor, idempotencyKey, locale, asked));
    }

    private ResidentCheck.Verdict askRegister(NewDossier request, Actor actor) {
        ResidentCheck checks = residentCheck.getIfAvailable();
        if (checks == null) {
            return null;
        }
        ResidentCheck.Identity identity;
        if (actor.isOfficial()) {
            Applicant a = request.applicant();
            identity = a == null ? null : new ResidentCheck.Identity(null, strip(a.idNumber()), strip(a.fullName()),
                    request.applicantBirthDate());
        } else {
            identity = accounts.profile(actor.username()).map(p -> new ResidentCheck.Identity(p.username(),
                    p.idNumber(), p.fullName(), p.dateOfBirth())).orElse(null);
        }
        return identity == null || !identity.complete() || !ID_NUMBER.matcher(identity.idNumber()).matches() ? null
                : checks.lookUp(identity).orElse(null);
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private Receipt create(NewDossier request, List<Upload> files, Actor actor, String idempotencyKey,
                           Locale locale, ResidentCheck.Verdict asked) {
        boolean counter = actor.isOfficial();
        Procedure procedure = counter ? routing.procedure(request.procedureCode())
                : routing.onlineProcedure(request.procedureCode());
        Dossier d = routing.newDossier(procedure, counter ? Channel.COUNTER : Channel.ONLINE);
        List<String> problems = new ArrayList<>();
        if (idempotencyKey != null && idempotencyKey.length() > MAX_IDEMPOTENCY_KEY) {
            problems.add(message("dossier.idempotencyKey.tooLong", locale, MAX_IDEMPOTENCY_KEY));
        }
        ResidentCheck.Identity identity;
        if (counter) {
            d.describeApplicant(request.applicant());
            if (d.applicant() == null || blank(d.applicant().fullName())) {
                problems.add(message("dossier.applicant.required", locale));
            }
            problems.addAll(formCheck.applicantProblems(d.applicant(), locale));
            identity = d.applicant() == null ? null : new ResidentCheck.Identity(null, d.applicant().idNumber(),
                    d.applicant().fullName(), request.applicantBirthDate());
        } else {
            d.ownedBy(actor.username());
            AccountProfile profile = accounts.profile(actor.username()).orElseThrow();
            d.describeApplicant(DossierRouting.applicantFrom(profile));
            identity = new ResidentCheck.Identity(profile.username(), profile.idNumber(), profile.fullName(),
                    profile.dateOfBirth());
        }
        // Population database part: the register's verdict on the applicant, asked once the particulars are valid.
        ResidentCheck checks = residentCheck.getIfAvailable();
        ResidentCheck.Verdict verdict = checks == null || identity == null || !identity.complete()
                || !problems.isEmpty() ? null : asked;
        String identityNote = blankToNull(request.identityNote());
        if (verdict != null && (counter ? verdict.refuted() && identityNote == null
                : verdict.outcome() == ResidentCheck.Outcome.MISMATCH)) {
            problems.add(checks.explain(verdict, locale) + " " + message(counter ? "dossier.identity.noteRequired"
                    : "dossier.identity.correctProfile", locale));
        }
        boolean heldByStateWaived = verdict != null && verdict.match();
        String competent = routing.defaultCompetentAgency(procedure, request.agencyCode() != null
                ? request.agencyCode() : counter ? actor.agencyCode() : null);
        if (competent == null || !routing.mayDecide(procedure, competent)) {
            problems.add(message("dossier.agency.invalid", locale, request.agencyCode()));
        }
        d.fillIn(formCheck.clean(procedure, request.formData()));
        problems.addAll(formCheck.problems(procedure, d.formData(), true, locale));
        List<String> types = new ArrayList<>();
        List<FileInfo> checked = checkFiles(procedure, files, locale, problems, types);
        if (!counter) {
            problems.addAll(uploads.missingDocuments(procedure, checked, d.formData(), heldByStateWaived, locale));
        } else {
            // Decree 61/2018, art. 19: the counter receives only a complete dossier; an incomplete one is sent back
            // with guidance (form 02), so a required document missing is refused outright, with no note to override.
            problems.addAll(uploads.missingConditionalDocuments(procedure, checked, request.documentsOnPaper(),
                    d.formData(), heldByStateWaived, locale));
        }
        if (!problems.isEmpty()) {
            throw new InvalidDossierException(problems);
        }
        Instant now = clock.instant();
        d.routeTo(competent, counter ? actor.agencyCode() : routing.receivingUnitFor(procedure, competent));
        d.orderSets(request.sets() == null || request.sets() < 1 ? 1 : request.sets());
        d.sentAt(now, blank(idempotencyKey) ? null : idempotencyKey);
        d.startedBy(actor.username());
        // Files first, the code last: the day's code sequence row stays locked only from here to the commit.
        if (!dossiers.insertIfNew(d)) {
            // The same person sent the same Idempotency-Key before (a double click, a retry): answer that dossier.
            return Receipt.of(dossiers.findByIdempotencyKey(actor.username(), idempotencyKey).orElseThrow());
        }
        for (int i = 0; i < files.size(); i++) {
            uploads.store(d, files.get(i), types.get(i), "DOCUMENT", actor.username()); // checked above: parsed once
        }
        String code = codes.next(d.receivingAgency(), LocalDate.ofInstant(now, DossierDueDates.VIETNAM));
        Transition t = d.submit(code, now);
        dossiers.update(d);
        dossiers.history(d.id(), now, actor.username(), actor.fullName(), actor.agencyCode(), "SUBMIT", null,
                t.to(), null, null, null, null);
        if (verdict != null) {
            checks.keep(d.id(), refs.ref(d), identity, verdict, counter ? identityNote : null, actor.username());
        }
        if (counter) {
            receive(d, actor, now);
        } else {
            events.publishEvent(DossierEvents.checked(t, new DossierSubmitted(refs.ref(d), now)));
        }
        return Receipt.of(d);
    }

    /**
     * Parses each upload once (as {@link DossierUploads#check} does), adding its problems and its detected type in
     * order; answers the files as the missing-documents checks read them.
     */
    private List<FileInfo> checkFiles(Procedure procedure, List<Upload> files, Locale locale, List<String> problems,
                                      List<String> types) {
        List<FileInfo> checked = new ArrayList<>();
        for (Upload upload : files) {
            DossierUploads.FileCheck check = uploads.check(procedure, upload, locale);
            problems.addAll(check.problems());
            types.add(check.type());
            checked.add(new FileInfo(0, upload.documentIndex(), "DOCUMENT", upload.fileName(), "", 0, "", false, null,
                    null, null));
        }
        return checked;
    }

    /** Who the history and the dossier's creator name for a dossier taken in from the national portal. */
    public static final String NATIONAL_PORTAL_USER = "cong-dvc-quoc-gia";

    /**
     * A dossier submitted on the National Public Service Portal, checked as an online submission is (a procedure open
     * to online submission, an agency that decides it, the form's values, every required document, each file parsed)
     * and submitted on channel {@code NATIONAL_PORTAL} for the applicant it names, who needs no account here: it
     * waits for reception like an online dossier, with the same events. The national code is its idempotency key, so
     * the same national dossier twice answers the dossier already created. {@code documents} is called once the
     * procedure and agency are known good; whatever it throws writes nothing.
     *
     * @throws InvalidDossierException with the reasons to refuse it, in the locale's language
     */
    @Transactional
    public Taken fromNationalPortal(NewDossier request, String nationalCode, Supplier<List<Upload>> documents,
                                    Locale locale) {
        var existing = dossiers.findByIdempotencyKey(NATIONAL_PORTAL_USER, nationalCode);
        if (existing.isPresent()) {
            return new Taken(existing.get().id(), existing.get().code());
        }
        Procedure procedure;
        try {
            procedure = routing.onlineProcedure(request.procedureCode());
        } catch (UserFacingException e) {
            throw new InvalidDossierException(List.of(message(e.messageKey(), locale, e.arguments())));
        }
        String competent = request.agencyCode();
        if (competent == null || !routing.mayDecide(procedure, competent)) {
            throw new InvalidDossierException(List.of(message("dossier.agency.invalid", locale, competent)));
        }
        Dossier d = routing.newDossier(procedure, Channel.NATIONAL_PORTAL);
        d.describeApplicant(request.applicant());
        List<String> problems = new ArrayList<>(formCheck.applicantProblems(d.applicant(), locale));
        d.fillIn(formCheck.clean(procedure, request.formData()));
        problems.addAll(formCheck.problems(procedure, d.formData(), false, locale));
        List<Upload> files = documents.get();
        List<String> types = new ArrayList<>();
        List<FileInfo> checked = checkFiles(procedure, files, locale, problems, types);
        problems.addAll(uploads.missingDocuments(procedure, checked, d.formData(), locale));
        if (!problems.isEmpty()) {
            throw new InvalidDossierException(problems);
        }
        Instant now = clock.instant();
        d.routeTo(competent, routing.receivingUnitFor(procedure, competent));
        d.orderSets(1);
        d.sentAt(now, nationalCode);
        d.startedBy(NATIONAL_PORTAL_USER);
        if (!dossiers.insertIfNew(d)) {
            Dossier first = dossiers.findByIdempotencyKey(NATIONAL_PORTAL_USER, nationalCode).orElseThrow();
            return new Taken(first.id(), first.code());
        }
        for (int i = 0; i < files.size(); i++) {
            uploads.store(d, files.get(i), types.get(i), "DOCUMENT", NATIONAL_PORTAL_USER);
        }
        String code = codes.next(d.receivingAgency(), LocalDate.ofInstant(now, DossierDueDates.VIETNAM));
        Transition t = d.submit(code, now);
        dossiers.update(d);
        dossiers.history(d.id(), now, NATIONAL_PORTAL_USER, message("dossier.nationalPortal.actor", locale), null,
                "SUBMIT", null, t.to(), null, null, null, null);
        events.publishEvent(DossierEvents.checked(t, new DossierSubmitted(refs.ref(d), now)));
        return new Taken(d.id(), d.code());
    }

    /** A dossier taken in from the national portal: its id and its code here. */
    public record Taken(long dossierId, String code) {
    }

    /** What the creator of a dossier needs back: its code, where it stands and when the result is due. */
    public record Receipt(String code, DossierStatus status, Instant dueAt) {
        static Receipt of(Dossier d) {
            return new Receipt(d.code(), d.status(), d.dueAt());
        }
    }

    /** Receives the dossier at the officer's counter: its log entry, its first step, its legal due date. */
    void receive(Dossier d, Actor officer, Instant now) {
        Long counterId = organization.staffMember(officer.username()).map(StaffMember::counterId).orElse(null);
        int year = LocalDate.ofInstant(now, DossierDueDates.VIETNAM).getYear();
        int logEntry = dossiers.nextLogEntry(d.receivingAgency(), year);
        Transition t = d.receive(officer.username(), counterId, logEntry, now, dueDates);
        dossiers.update(d);
        dossiers.history(d.id(), now, officer.username(), officer.fullName(), officer.agencyCode(), "RECEIVE",
                t.from(), t.to(), null, 0, null, null);
        int[] origins = dossiers.documentOrigins(d.id());
        events.publishEvent(DossierEvents.checked(t,
                new DossierReceived(refs.ref(d), now, d.dueAt(), origins[0], origins[1])));
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
