package vn.motcua.feedback;

import java.time.Instant;

/**
 * The agency's request for more information and the sender's reply; the petition's clock stands still in between.
 *
 * @param repliedAt null while the sender has not replied
 */
public record InformationRequest(Instant askedAt, String askedBy, String question, Instant repliedAt, String reply) {

    public boolean isOpen() {
        return repliedAt == null;
    }
}
