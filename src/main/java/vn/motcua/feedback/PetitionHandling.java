package vn.motcua.feedback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.feedback.internal.PetitionRepository;
import vn.motcua.feedback.internal.StoredPetition;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.platform.web.UserFacingException;
import vn.motcua.workflow.Timeliness;

import static vn.motcua.feedback.PetitionRecords.MAX_CONTENT;
import static vn.motcua.feedback.PetitionRecords.MAX_QUESTION;
import static vn.motcua.feedback.PetitionRecords.refuseUnless;
import static vn.motcua.feedback.PetitionRecords.required;
import static vn.motcua.platform.text.Texts.blankToNull;

/**
 * The handling agency's side of petitions: it asks the sender for more information, answers or refuses within its
 * deadlines in working days (the time waiting for the sender not counted), and publishes the answer when the sender
 * consented. Only officials of the petition's agency with {@code HANDLE_DOSSIER} see or change it; every change runs on
 * the locked petition row, only along the {@link PetitionStatus} graph.
 */
@Service
public class PetitionHandling {

    static final int MAX_ANSWER = 10000;

    private final PetitionRecords records;
    private final PetitionRepository repository;
    private final ApplicationEventPublisher events;

    PetitionHandling(PetitionRecords records, PetitionRepository repository, ApplicationEventPublisher events) {
        this.records = records;
        this.repository = repository;
        this.events = events;
    }

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
        Comparator<Petition> order = Comparator.<Petition>comparingInt(PetitionHandling::rank)
                .thenComparing(PetitionHandling::currentDue, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
                .thenComparing(Petition::closedAt, Comparator.nullsLast(Comparator.<Instant>reverseOrder()));
        return all.stream().map(p -> records.view(p, requests.getOrDefault(p.id(), List.of()))).sorted(order).toList();
    }

    /** One of the official's agency's petitions. */
    public Petition view(String number, Actor official) {
        return records.view(agencysOwn(repository.byNumber(number), number, official));
    }

    /** Asks the sender for more information; the clock stops until they add it. */
    @Transactional
    public Petition askSender(String number, String question, Actor official) {
        StoredPetition p = agencysOwn(repository.lock(number), number, official);
        String text = required(question, MAX_QUESTION, "petition.ask.required");
        Instant now = records.now();
        records.move(p, PetitionAction.ASK_SENDER, official.username(), now);
        repository.ask(p.id(), now, official.username(), text);
        return records.current(number);
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
        Instant now = records.now();
        records.move(p, PetitionAction.PUBLISH, official.username(), now);
        repository.publish(p.id(), now, official.username(), question);
        return records.current(number);
    }

    private Petition close(StoredPetition p, PetitionAction action, String answer, String reason, Actor official) {
        Instant now = records.now();
        records.move(p, action, official.username(), now);
        Petition.Due due = records.due(p, repository.requests(p.id()));
        Instant deadline = action == PetitionAction.ANSWER ? due.answerBy() : due.refuseBy();
        boolean onTime = !now.isAfter(deadline);
        repository.close(p.id(), action.to(), answer, reason, now, official.username(), onTime);
        events.publishEvent(new PetitionClosed(p.number(), p.agencyCode(), p.procedureCode(), p.dossierCode(),
                action.to().name(), onTime, now));
        return records.current(p.number());
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
}
