package vn.motcua.feedback;

import java.time.Instant;
import java.util.List;

/**
 * A petition as the handling agency sees it, with its deadlines.
 *
 * @param onTime     once closed: whether it was answered (or refused) by its deadline
 * @param due        its deadlines on the agency's working calendar, the sender's waiting time not counted
 * @param timeliness where the work pending stands (IN_TIME, DUE_SOON, OVERDUE; for an answer to publish, against the
 *                   publication deadline), or how it ended (EARLY, ON_TIME, LATE); null while waiting for the sender
 */
public record Petition(long id, String number, PetitionStatus status, String senderName, String senderPhone,
                       String senderEmail, String senderUsername, String procedureCode, String procedureName,
                       String dossierCode, String agencyCode, String content, boolean consentToPublish,
                       Instant receivedAt, String answer, String refusalReason, Instant closedAt, String closedBy,
                       Boolean onTime, Instant publishedAt, String publishedBy, String publishedQuestion,
                       Boolean ratedSatisfied, Instant ratedAt, List<InformationRequest> requests, Due due,
                       String timeliness) {

    /**
     * @param answerBy  the answer is due (15 working days from receipt)
     * @param refuseBy  a refusal is due (2 working days from receipt)
     * @param askBy     a request for more information is due (5 working days from receipt)
     * @param publishBy the publication is due (2 working days from the answer); null unless answered with consent
     */
    public record Due(Instant answerBy, Instant refuseBy, Instant askBy, Instant publishBy) {
    }

    /** Whether the graph and the petition allow the action now. */
    public boolean allows(PetitionAction action) {
        return action.from() == status && (action != PetitionAction.PUBLISH || consentToPublish);
    }

    /** The request the sender has yet to reply to, or null. */
    public InformationRequest openRequest() {
        return requests.stream().filter(InformationRequest::isOpen).findFirst().orElse(null);
    }

    public boolean rated() {
        return ratedAt != null;
    }
}
