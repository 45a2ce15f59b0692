package vn.motcua.feedback;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.DossierFacts;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.feedback.internal.PetitionRepository;
import vn.motcua.feedback.internal.StoredPetition;
import vn.motcua.organization.Agency;
import vn.motcua.organization.OrganizationService;
import vn.motcua.platform.security.GuessLimit;
import vn.motcua.platform.security.Hashes;
import vn.motcua.platform.web.InvalidInputException;
import vn.motcua.platform.web.UserFacingException;
import vn.motcua.platform.web.VietnamTime;

import static vn.motcua.feedback.PetitionRecords.MAX_CONTENT;
import static vn.motcua.feedback.PetitionRecords.refuseUnless;
import static vn.motcua.feedback.PetitionRecords.required;
import static vn.motcua.platform.text.Texts.blankToNull;

/**
 * The sender's side of petitions (phản ánh, kiến nghị): anyone sends one; the sender follows it with its number and
 * their phone or email, adds what the agency asked for, and rates the handling once. Every change runs on the locked
 * petition row, only along the {@link PetitionStatus} graph, is recorded in its history, and publishes its event in
 * the same transaction.
 */
@Service
public class PetitionSenders {

    static final int MAX_NAME = 200;
    static final int MAX_EMAIL = 200;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?\\d{9,12}");

    private final PetitionRecords records;
    private final PetitionRepository repository;
    private final DossierQueries dossiers;
    private final CatalogService catalog;
    private final OrganizationService organization;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final GuessLimit guesses;

    PetitionSenders(PetitionRecords records, PetitionRepository repository, DossierQueries dossiers,
                    CatalogService catalog, OrganizationService organization, ApplicationEventPublisher events,
                    MessageSource messages, GuessLimit guesses) {
        this.records = records;
        this.repository = repository;
        this.dossiers = dossiers;
        this.catalog = catalog;
        this.organization = organization;
        this.events = events;
        this.messages = messages;
        this.guesses = guesses;
    }

    /**
     * Receives a petition and gives it its number.
     *
     * @param username the sender's account when signed in, else null
     * @throws InvalidInputException with every problem, in the locale's language; nothing is stored
     */
    @Transactional
    public Petition submit(NewPetition p, String username, Locale locale) {
        List<String> problems = new ArrayList<>();
        String name = blankToNull(p.name());
        String phone = blankToNull(p.phone());
        String email = blankToNull(p.email());
        String content = blankToNull(p.content());
        if (name == null) {
            problems.add(message("petition.problem.name", locale));
        } else if (name.length() > MAX_NAME) {
            problems.add(message("petition.problem.tooLong", locale, message("petition.name", locale), MAX_NAME));
        }
        if (phone == null && email == null) {
            problems.add(message("petition.problem.contact", locale));
        }
        if (phone != null && !PHONE.matcher(phone.replaceAll("[\\s.()-]", "")).matches()) {
            problems.add(message("petition.problem.phone", locale, phone));
        }
        if (email != null && (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches())) {
            problems.add(message("petition.problem.email", locale, email));
        }
        if (content == null) {
            problems.add(message("petition.problem.content", locale));
        } else if (content.length() > MAX_CONTENT) {
            problems.add(message("petition.problem.tooLong", locale, message("petition.content", locale), MAX_CONTENT));
        }
        String procedureCode = blankToNull(p.procedureCode());
        String dossierCode = blankToNull(p.dossierCode());
        Procedure procedure = null;
        if (procedureCode != null) {
            procedure = catalog.procedure(procedureCode).orElse(null);
            if (procedure == null) {
                problems.add(message("petition.problem.procedure", locale, procedureCode));
            }
        }
        String agency = null;
        boolean dossierProblem = false;
        if (dossierCode != null) {
            DossierFacts dossier = dossiers.facts(dossierCode).orElse(null);
            dossierProblem = true;
            if (dossier == null) {
                problems.add(message("petition.problem.dossier", locale, dossierCode));
            } else if (procedureCode != null && !procedureCode.equals(dossier.ref().procedureCode())) {
                problems.add(message("petition.problem.dossierProcedure", locale, dossierCode, procedureCode));
            } else {
                dossierProblem = false;
                dossierCode = dossier.ref().code();
                agency = dossier.ref().competentAgencyCode();
                procedure = catalog.procedure(dossier.ref().procedureCode()).orElse(procedure);
                procedureCode = dossier.ref().procedureCode();
            }
        } else if (procedure != null && !procedure.agencies().isEmpty()) {
            agency = procedure.agencies().getFirst();
        }
        if (agency == null && !dossierProblem) {
            LocalDate today = LocalDate.ofInstant(records.now(), VietnamTime.ZONE);
            agency = organization.agency(blankToNull(p.agencyCode())).filter(a -> a.activeOn(today)).map(Agency::code)
                    .orElse(null);
            if (agency == null) {
                problems.add(message("petition.problem.agency", locale));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = records.now();
        String number = repository.nextNumber(LocalDate.ofInstant(now, VietnamTime.ZONE).getYear());
        long id = repository.insert(number, name, phone, email, username, procedureCode,
                procedure == null ? null : procedure.name(), dossierCode, agency, content, p.consentToPublish(), now);
        repository.history(id, now, username, null, null, PetitionStatus.RECEIVED);
        events.publishEvent(new PetitionReceived(number, agency, procedureCode, dossierCode, now));
        return records.current(number);
    }

    /** The agencies a sender may choose from when neither a dossier nor a procedure names one. */
    public List<Agency> agencies() {
        return organization.activeAgencies();
    }

    /**
     * A petition for whoever has its number and the last digits (at least four) of the sender's phone, or their email,
     * or its random tracking key (the link in the acknowledgment). A wrong key answers exactly like an unknown number;
     * both count as a guess against the number and the client's address ({@link GuessLimit}); the tracking key is
     * not a guess and is not counted.
     *
     * @param client the client's address
     * @throws vn.motcua.platform.web.TooManyAttemptsException after too many wrong guesses, before looking
     */
    public Optional<Petition> track(String number, String key, String client) {
        return sendersOwn(number, key, client).map(records::view);
    }

    /** The name of a petition's agency for its pages; the code itself for an agency no longer known. */
    public String agencyName(String code) {
        return records.agencyName(code);
    }

    /** The path of the tracking link of a petition just received, for its acknowledgment: nothing to type. */
    public String trackingPath(String number) {
        return repository.trackingKey(number).map(key -> "/phan-anh-kien-nghi/tra-cuu?so="
                + URLEncoder.encode(number, StandardCharsets.UTF_8) + "&khoa=" + key).orElseThrow();
    }

    /** What the sender sees of their petition, for the API. */
    public Optional<PetitionTracking> tracking(String number, String key, String client) {
        return track(number, key, client).map(p -> new PetitionTracking(p.number(), p.status(), p.agencyCode(),
                records.agencyName(p.agencyCode()), p.procedureCode(), p.procedureName(), p.dossierCode(),
                p.receivedAt(), p.due().answerBy(), p.content(),
                p.openRequest() == null ? null : p.openRequest().question(), p.answer(), p.refusalReason(),
                p.closedAt(), p.publishedAt(), p.ratedSatisfied()));
    }

    /** The sender adds what the agency asked for; the clock runs again. */
    @Transactional
    public Petition addInformation(String number, String key, String text, String client) {
        StoredPetition p = lockSendersOwn(number, key, client);
        String reply = required(text, MAX_CONTENT, "petition.reply.required");
        Instant now = records.now();
        records.move(p, PetitionAction.ADD_INFORMATION, null, now);
        repository.reply(p.id(), now, reply);
        return records.current(number);
    }

    /** The sender says, once, whether they are satisfied with how their closed petition was handled. */
    @Transactional
    public Petition rateHandling(String number, String key, Boolean satisfied, String client) {
        StoredPetition p = lockSendersOwn(number, key, client);
        refuseUnless(p.status().isClosed(), "petition.rate.notClosed", p.number());
        refuseUnless(p.ratedAt() == null, "petition.rate.already", p.number());
        if (satisfied == null) {
            throw UserFacingException.badRequest("petition.rate.choice");
        }
        Instant now = records.now();
        repository.rate(p.id(), satisfied, now);
        events.publishEvent(new PetitionRated(p.number(), p.agencyCode(), p.procedureCode(), satisfied, now));
        return records.current(number);
    }

    private Optional<StoredPetition> sendersOwn(String number, String key, String client) {
        String n = blankToNull(number);
        String k = blankToNull(key);
        if (n == null || k == null) {
            return Optional.empty();
        }
        String upper = n.toUpperCase(Locale.ROOT);
        Optional<StoredPetition> byTrackingKey = repository.byNumber(upper)
                .filter(p -> repository.trackingKey(p.number()).map(t -> Hashes.sameSecret(k, t)).orElse(false));
        if (byTrackingKey.isPresent()) {
            return byTrackingKey;
        }
        return guesses.attempt("PETITION", upper, client,
                () -> repository.byNumber(upper).filter(p -> isSendersKey(p, k)));
    }

    private StoredPetition lockSendersOwn(String number, String key, String client) {
        StoredPetition p = sendersOwn(number, key, client)
                .orElseThrow(() -> UserFacingException.notFound("petition.notFound", number));
        return repository.lock(p.number()).orElseThrow();
    }

    /** The last four or more digits of the sender's phone, or their whole email address. */
    private static boolean isSendersKey(StoredPetition p, String key) {
        if (key.contains("@")) {
            return p.senderEmail() != null && p.senderEmail().equalsIgnoreCase(key);
        }
        return key.matches("\\d{4,}") && p.senderPhone() != null
                && p.senderPhone().replaceAll("\\D", "").endsWith(key);
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
