package vn.motcua.feedback;

/** Where a rating was given: the applicant's dossier page, the link in the result notice, or the counter's tablet. */
public enum RatingChannel {
    /** Signed in, from the applicant's own dossier page. */
    ONLINE,
    /** From the signed link in the SMS or email result notice, without signing in. */
    SMS,
    /** On the tablet at the counter, opened by a reception officer. */
    COUNTER
}
