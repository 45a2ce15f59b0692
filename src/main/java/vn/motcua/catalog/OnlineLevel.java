package vn.motcua.catalog;

/** How much of a procedure can be done online. */
public enum OnlineLevel {
    /** Toàn trình: submitted, paid and returned online. */
    FULL,
    /** Một phần: submitted online, with some step at the counter. */
    PARTIAL,
    /** Information only: the applicant comes to the counter. */
    INFO;

    public boolean acceptsOnlineSubmission() {
        return this != INFO;
    }
}
