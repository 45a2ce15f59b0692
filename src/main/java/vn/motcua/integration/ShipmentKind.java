package vn.motcua.integration;

/** What the postal service is asked to do for a dossier. */
public enum ShipmentKind {
    /** Pick up the paper documents at the applicant's address and bring them to the receiving agency. */
    PICKUP,
    /** Deliver the result to an address. */
    DELIVERY
}
