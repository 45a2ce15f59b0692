package vn.motcua.feedback;

import java.time.Instant;
import java.util.Map;

/**
 * An applicant's rating of a handled dossier (one per dossier).
 *
 * @param agencyCode the dossier's competent agency
 * @param answers    the answer to each criterion, by the criterion's key
 * @param satisfied  no criterion answered "không hài lòng"
 * @param ratedBy    the applicant's account (ONLINE) or the officer who held out the tablet (COUNTER); null by SMS link
 */
public record Rating(String dossierCode, String agencyCode, String procedureCode, RatingChannel via,
                     Map<String, Satisfaction> answers, boolean satisfied, String comment, String ratedBy,
                     Instant ratedAt) {
}
