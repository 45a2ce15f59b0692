package vn.motcua.feedback;

import java.time.Instant;

/**
 * A published petition and its answer, as the public page shows it: nothing personal about the sender but the
 * initials of their name.
 */
public record PublishedPetition(String number, String senderInitials, String procedureName, String agencyName,
                                String question, String answer, Instant receivedAt, Instant answeredAt,
                                Instant publishedAt) {
}
