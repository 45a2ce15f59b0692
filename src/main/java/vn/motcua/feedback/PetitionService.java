package vn.motcua.feedback;

import static vn.motcua.platform.text.Texts.blankToNull;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.identity.Actor;
import vn.motcua.dossier.DossierFacts;
import vn.motcua.dossier.DossierService;
import vn.motcua.feedback.internal.PetitionRepository;
import vn.motcua.feedback.internal.StoredPetition;
import vn.motcua.identity.Permission;
import vn.motcua.organization.Agency;
import vn.motcua.organization.OrganizationService;
import vn.motcua.platform.security.GuessLimit;
import vn.motcua.platform.security.Hashes;
import vn.motcua.platform.web.InvalidInputException;
import vn.motcua.platform.web.Paging;
import vn.motcua.platform.web.UserFacingException;
import vn.motcua.platform.web.VietnamTime;
import vn.motcua.workflow.Deadlines;
import vn.motcua.workflow.Pause;
import vn.motcua.workflow.Timeliness;

/**
 * The way into petitions (phản ánh, kiến nghị). Anyone sends one; the handling agency asks for more information,
 * answers or refuses it within its deadlines in working days (the time waiting for the sender not counted), and
 * publishes the answer when the sender consented; the sender follows it with its number and their phone or email and
 * rates the handling once. Every change runs on the locked petition row, only along the {@link PetitionAction} graph,
 * is recorded in its history, and publishes its event in the same transaction.
 */
@Service
public class PetitionService {

    static final int MAX_NAME = 200;
    static final int MAX_EMAIL = 200;
    static final int MAX_CONTENT = 5000;
    static final int MAX_QUESTION = 2000;
    static final int MAX_ANSWER = 10000;
    static final int PUBLIC_PAGE_SIZE = 10;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?\\d{9,12}");

    private final PetitionRepository repository;
    private final DossierService dossiers;
    private final CatalogService catalog;
    private final OrganizationService organization;
    private final Deadlines deadlines;
    private final FeedbackProperties.PetitionDays days;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;
    private final GuessLimit guesses;

    PetitionService(PetitionRepository repository, DossierService dossiers, CatalogService catalog,
                    OrganizationService organization, Deadlines deadlines, FeedbackProperties properties,
                    ApplicationEventPublisher events, MessageSource messages, Clock clock, GuessLimit guesses) {
        this.repository = repository;
        this.guesses = guesses;
        this.dossiers = dossiers;
        this.catalog = catalog;
        this.organization = organization;
        this.deadlines = deadlines;
        this.days = properties.petitionDays();
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    // =================================================================== the sender

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
            LocalDate today = LocalDate.ofInstant(now(), VietnamTime.ZONE);
            agency = organization.agency(blankToNull(p.agencyCode())).filter(a -> a.activeOn(today)).map(Agency::code)
                    .orElse(null);
            if (agency == null) {
                problems.add(message("petition.problem.agency", locale));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = now();
        String number = repository.nextNumber(LocalDate.ofInstant(now, VietnamTime.ZONE).getYear());
        long id = repository.insert(number, name, phone, email, username, procedureCode,
                procedure == null ? null : procedure.name(), dossierCode, agency, content, p.consentToPublish(), now);
        repository.history(id, now, username, null, null, PetitionStatus.RECEIVED);
        events.publishEvent(new PetitionReceived(number, agency, procedureCode, dossierCode, now));
        return view(repository.byNumber(number).orElseThrow());
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
        return sendersOwn(number, key, client).map(this::view);
    }

    /** The path of the tracking link of a petition just received, for its acknowledgment: nothing to type. */
    public String trackingPath(String number) {
        return repository.trackingKey(number).map(key -> "/phan-anh-kien-nghi/tra-cuu?so="
                + URLEncoder.encode(number, StandardCharsets.UTF_8) + "&khoa=" + key).orElseThrow();
    }

    /** What the sender sees of their petition, for the API. */
    public Optional<PetitionTracking> tracking(String number, String key, String client) {
        return track(number, key, client).map(p -> new PetitionTracking(p.number(), p.status(), p.agencyCode(),
                agencyName(p.agencyCode()), p.procedureCode(), p.procedureName(), p.dossierCode(), p.receivedAt(),
                p.due().answerBy(), p.content(), p.openRequest() == null ? null : p.openRequest().question(),
                p.answer(), p.refusalReason(), p.closedAt(), p.publishedAt(), p.ratedSatisfied()));
    }

    /** The sender adds what the agency asked for; the clock runs again. */
    @Transactional
    public Petition addInformation(String number, String key, String text, String client) {
        StoredPetition p = lockSendersOwn(number, key, client);
        String reply = required(text, MAX_CONTENT, "petition.reply.required");
        Instant now = now();
        move(p, PetitionAction.ADD_INFORMATION, null, now);
        repository.reply(p.id(), now, reply);
        return view(repository.byNumber(number).orElseThrow());
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
        Instant now = now();
        repository.rate(p.id(), satisfied, now);
        events.publishEvent(new PetitionRated(p.number(), p.agencyCode(), p.procedureCode(), satisfied, now));
        return view(repository.byNumber(number).orElseThrow());
    }

    // =================================================================== the handling agency

    /**
     * The official's agency's petitions: those at work first, the overdue ones first of all, then by deadline; then
     * the latest closed ones, newest first.
     */
    public List<Petition> forAgency(Actor official) {
        requireHandler(official);
        List<StoredPetition> open = repository.openOf(official.agencyCode());
        List<StoredPetition> closed = repository.recentlyClosedOf(official.agencyCode(), 100);
        List<StoredPetition> all = new ArrayList<>(open);
        all.addAll(closed);
        Map<Long, List<InformationRequest>> requests = repository.requestsOf(all.stream().map(StoredPetition::id).toList());
        Comparator<Petition> order = Comparator.<Petition>comparingInt(PetitionService::rank)
                .thenComparing(PetitionService::currentDue, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
                .thenComparing(Petition::closedAt, Comparator.nullsLast(Comparator.<Instant>reverseOrder()));
        return all.stream().map(p -> view(p, requests.getOrDefault(p.id(), List.of()))).sorted(order).toList();
    }

    /** One of the official's agency's petitions. */
    public Petition view(String number, Actor official) {
        return view(agencysOwn(repository.byNumber(number), number, official));
    }

    /** Asks the sender for more information; the clock stops until they add it. */
    @Transactional
    public Petition askSender(String number, String question, Actor official) {
        StoredPetition p = agencysOwn(repository.lock(number), number, official);
        String text = required(question, MAX_QUESTION, "petition.ask.required");
        Instant now = now();
        move(p, PetitionAction.ASK_SENDER, official.username(), now);
        repository.ask(p.id(), now, official.username(), text);
        return view(repository.byNumber(number).orElseThrow());
    }

    /** Answers the petition: closed, on time when answered by its deadline. */
    @Transactional
    public Petition answer(String number, String answer, Actor official) {
        StoredPetition p = agencysOwn(repository.lock(number), number, official);
        String text = required(answer, MAX_ANSWER, "petition.answer.required");
        return close(p, PetitionAction.ANSWER, text, null, official);
    }

    /** Refuses to handle the petition, with the reason: closed, on time when refused by its (short) deadline. */
    @Transactional
    public Petition refuse(String number, String reason, Actor official) {
        StoredPetition p = agencysOwn(repository.lock(number), number, official);
        String text = required(reason, MAX_QUESTION, "petition.refuse.required");
        return close(p, PetitionAction.REFUSE, null, text, official);
    }

    /**
     * Publishes the answer on the portal, only when the sender consented. The official may reword the question to take
     * personal details out; by default it is published as sent.
     */
    @Transactional
    public Petition publish(String number, String publishedQuestion, Actor official) {
        StoredPetition p = agencysOwn(repository.lock(number), number, official);
        refuseUnless(p.consentToPublish(), "petition.publish.noConsent", p.number());
        String question = blankToNull(publishedQuestion) == null ? p.content() : blankToNull(publishedQuestion);
        if (question.length() > MAX_CONTENT) {
            throw UserFacingException.badRequest("petition.problem.tooLongShort", MAX_CONTENT);
        }
        Instant now = now();
        move(p, PetitionAction.PUBLISH, official.username(), now);
        repository.publish(p.id(), now, official.username(), question);
        return view(repository.byNumber(number).orElseThrow());
    }

    private Petition close(StoredPetition p, PetitionAction action, String answer, String reason, Actor official) {
        Instant now = now();
        move(p, action, official.username(), now);
        Petition.Due due = due(p, repository.requests(p.id()));
        Instant deadline = action == PetitionAction.ANSWER ? due.answerBy() : due.refuseBy();
        boolean onTime = !now.isAfter(deadline);
        repository.close(p.id(), action.to(), answer, reason, now, official.username(), onTime);
        events.publishEvent(new PetitionClosed(p.number(), p.agencyCode(), p.procedureCode(), p.dossierCode(),
                action.to().name(), onTime, now));
        return view(repository.byNumber(p.number()).orElseThrow());
    }

    // =================================================================== the public

    /** Published petitions with their answers, newest first, a page at a time (from 0). */
    public PublishedPage published(int page) {
        Paging paging = new Paging(Math.max(0, page), PUBLIC_PAGE_SIZE);
        int p = paging.page();
        List<PublishedPetition> items = repository.published(paging.offset(), PUBLIC_PAGE_SIZE).stream()
                .map(s -> new PublishedPetition(s.number(), initials(s.senderName()), s.procedureName(),
                        agencyName(s.agencyCode()), s.publishedQuestion(), s.answer(), s.receivedAt(), s.closedAt(),
                        s.publishedAt()))
                .toList();
        return new PublishedPage(items, repository.publishedCount(), p, PUBLIC_PAGE_SIZE);
    }

    public record PublishedPage(List<PublishedPetition> items, int total, int page, int size) {

        public boolean hasNext() {
            return (page + 1) * size < total;
        }

        public boolean hasPrevious() {
            return page > 0;
        }
    }

    /** The agencies a sender may choose from when neither a dossier nor a procedure names one. */
    public List<Agency> agencies() {
        return organization.activeAgencies();
    }

    /** "Nguyễn Văn An" → "N.V.A.": all the public page shows of a sender. */
    static String initials(String name) {
        StringBuilder s = new StringBuilder();
        for (String word : name.strip().split("\\s+")) {
            if (!word.isEmpty()) {
                s.append(word.substring(0, word.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT)).append('.');
            }
        }
        return s.toString();
    }

    // =================================================================== internals

    /** Moves the petition along the graph, or refuses with the reason and changes nothing. */
    private void move(StoredPetition p, PetitionAction action, String actor, Instant at) {
        refuseUnless(action.from() == p.status(), "petition.action.wrongStatus",
                new DefaultMessageSourceResolvable("petition.action." + action.name()), p.number(),
                new DefaultMessageSourceResolvable("petition.status." + p.status().name()));
        repository.history(p.id(), at, actor, action, p.status(), action.to());
    }

    private Petition view(StoredPetition p) {
        return view(p, repository.requests(p.id()));
    }

    private Petition view(StoredPetition p, List<InformationRequest> requests) {
        Petition.Due due = due(p, requests);
        return new Petition(p.id(), p.number(), p.status(), p.senderName(), p.senderPhone(), p.senderEmail(),
                p.senderUsername(), p.procedureCode(), p.procedureName(), p.dossierCode(), p.agencyCode(), p.content(),
                p.consentToPublish(), p.receivedAt(), p.answer(), p.refusalReason(), p.closedAt(), p.closedBy(),
                p.onTime(), p.publishedAt(), p.publishedBy(), p.publishedQuestion(), p.ratedSatisfied(), p.ratedAt(),
                requests, due, timeliness(p, due));
    }

    /** The deadlines on the agency's calendar; each request's waiting time moves them later. */
    private Petition.Due due(StoredPetition p, List<InformationRequest> requests) {
        List<Pause> pauses = requests.stream().map(r -> new Pause(r.askedAt(), r.repliedAt())).toList();
        Instant publishBy = p.consentToPublish() && p.closedAt() != null && p.refusalReason() == null
                ? deadlines.dueAt(p.closedAt(), days.publish(), p.agencyCode(), List.of()) : null;
        return new Petition.Due(deadlines.dueAt(p.receivedAt(), days.answer(), p.agencyCode(), pauses),
                deadlines.dueAt(p.receivedAt(), days.refuse(), p.agencyCode(), pauses),
                deadlines.dueAt(p.receivedAt(), days.ask(), p.agencyCode(), pauses), publishBy);
    }

    private String timeliness(StoredPetition p, Petition.Due due) {
        Instant now = now();
        return switch (p.status()) {
            case RECEIVED -> deadlines.classifyPending(due.answerBy(), now, p.agencyCode()).name();
            case WAITING_SENDER -> null;
            case ANSWERED -> (p.consentToPublish() ? deadlines.classifyPending(due.publishBy(), now, p.agencyCode())
                    : deadlines.classifyFinished(due.answerBy(), p.closedAt())).name();
            case REFUSED -> deadlines.classifyFinished(due.refuseBy(), p.closedAt()).name();
            case PUBLISHED -> deadlines.classifyFinished(due.answerBy(), p.closedAt()).name();
        };
    }

    private static boolean pendingPublication(Petition p) {
        return p.status() == PetitionStatus.ANSWERED && p.consentToPublish();
    }

    /** The deadline of the work pending; null once nothing is pending. */
    private static Instant currentDue(Petition p) {
        if (pendingPublication(p)) {
            return p.due().publishBy();
        }
        return p.status().isClosed() ? null : p.due().answerBy();
    }

    /** Overdue first, then due soon, in time, waiting for the sender, and the closed ones last. */
    private static int rank(Petition p) {
        if (p.status() == PetitionStatus.WAITING_SENDER) {
            return 3;
        }
        if (p.status().isClosed() && !pendingPublication(p)) {
            return 4;
        }
        return switch (Timeliness.valueOf(p.timeliness())) {
            case OVERDUE -> 0;
            case DUE_SOON -> 1;
            default -> 2;
        };
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

    private StoredPetition agencysOwn(Optional<StoredPetition> found, String number, Actor official) {
        requireHandler(official);
        return found.filter(p -> p.agencyCode().equals(official.agencyCode()))
                .orElseThrow(() -> UserFacingException.notFound("petition.notFound", number));
    }

    private static void requireHandler(Actor official) {
        boolean handler = official.isOfficial() && official.roles().stream()
                .anyMatch(r -> r.permissions().contains(Permission.HANDLE_DOSSIER));
        if (!handler) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "forbidden", "petition.forbidden");
        }
    }

    private String agencyName(String code) {
        return organization.agency(code).map(Agency::name).orElse(code);
    }

    private static String required(String text, int max, String missingKey) {
        String t = blankToNull(text);
        if (t == null) {
            throw UserFacingException.badRequest(missingKey);
        }
        if (t.length() > max) {
            throw UserFacingException.badRequest("petition.problem.tooLongShort", max);
        }
        return t;
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** Now, to the microsecond the database keeps: the time an event carries is the time stored. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static void refuseUnless(boolean condition, String key, Object... args) {
        if (!condition) {
            throw new UserFacingException(HttpStatus.CONFLICT, "petition_refused", key, args);
        }
    }
}
