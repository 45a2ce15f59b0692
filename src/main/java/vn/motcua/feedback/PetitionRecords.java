package vn.motcua.feedback;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import vn.motcua.feedback.internal.PetitionRepository;
import vn.motcua.feedback.internal.StoredPetition;
import vn.motcua.organization.Agency;
import vn.motcua.organization.OrganizationService;
import vn.motcua.platform.web.UserFacingException;
import vn.motcua.workflow.Deadlines;
import vn.motcua.workflow.Pause;

import static vn.motcua.platform.text.Texts.blankToNull;

/**
 * What the sender's, the agency's and the public's sides of petitions share: the move along the
 * {@link PetitionStatus} graph with its history, and a petition as shown, with its deadlines on the agency's calendar.
 */
@Component
class PetitionRecords {

    static final int MAX_CONTENT = 5000;
    static final int MAX_QUESTION = 2000;

    private final PetitionRepository repository;
    private final OrganizationService organization;
    private final Deadlines deadlines;
    private final FeedbackProperties.PetitionDays days;
    private final Clock clock;

    PetitionRecords(PetitionRepository repository, OrganizationService organization, Deadlines deadlines,
                    FeedbackProperties properties, Clock clock) {
        this.repository = repository;
        this.organization = organization;
        this.deadlines = deadlines;
        this.days = properties.petitionDays();
        this.clock = clock;
    }

    /**
     * Moves the locked petition along the graph and records it in its history, or refuses with the reason and
     * changes nothing. Every change of a petition's status goes through here.
     */
    void move(StoredPetition p, PetitionAction action, String actor, Instant at) {
        refuseUnless(action.from() == p.status() && p.status().mayBecome(action.to()), "petition.action.wrongStatus",
                new DefaultMessageSourceResolvable("petition.action." + action.name()), p.number(),
                new DefaultMessageSourceResolvable("petition.status." + p.status().name()));
        repository.history(p.id(), at, actor, action, p.status(), action.to());
    }

    /** The petition as it now stands, re-read after a change. */
    Petition current(String number) {
        return view(repository.byNumber(number).orElseThrow());
    }

    Petition view(StoredPetition p) {
        return view(p, repository.requests(p.id()));
    }

    Petition view(StoredPetition p, List<InformationRequest> requests) {
        Petition.Due due = due(p, requests);
        return new Petition(p.id(), p.number(), p.status(), p.senderName(), p.senderPhone(), p.senderEmail(),
                p.senderUsername(), p.procedureCode(), p.procedureName(), p.dossierCode(), p.agencyCode(), p.content(),
                p.consentToPublish(), p.receivedAt(), p.answer(), p.refusalReason(), p.closedAt(), p.closedBy(),
                p.onTime(), p.publishedAt(), p.publishedBy(), p.publishedQuestion(), p.ratedSatisfied(), p.ratedAt(),
                requests, due, timeliness(p, due));
    }

    /** The deadlines on the agency's calendar; each request's waiting time moves them later. */
    Petition.Due due(StoredPetition p, List<InformationRequest> requests) {
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

    String agencyName(String code) {
        return organization.agency(code).map(Agency::name).orElse(code);
    }

    /** Now, to the microsecond the database keeps: the time an event carries is the time stored. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static String required(String text, int max, String missingKey) {
        String t = blankToNull(text);
        if (t == null) {
            throw UserFacingException.badRequest(missingKey);
        }
        if (t.length() > max) {
            throw UserFacingException.badRequest("petition.problem.tooLongShort", max);
        }
        return t;
    }

    static void refuseUnless(boolean condition, String key, Object... args) {
        if (!condition) {
            throw new UserFacingException(HttpStatus.CONFLICT, "petition_refused", key, args);
        }
    }
}
