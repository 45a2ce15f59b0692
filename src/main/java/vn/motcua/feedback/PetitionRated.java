package vn.motcua.feedback;

import java.time.Instant;

/** The sender said whether they are satisfied with how their petition was handled (once per petition). */
public record PetitionRated(String number, String agencyCode, String procedureCode, boolean satisfied, Instant at) {
}
