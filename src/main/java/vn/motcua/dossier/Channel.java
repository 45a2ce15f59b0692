package vn.motcua.dossier;

/** How a dossier reached the system. */
public enum Channel {
    /** Submitted on this portal. */
    ONLINE,
    /** Received on paper at a counter. */
    COUNTER,
    /** Sent by the public postal service. */
    POSTAL,
    /** Submitted on the National Public Service Portal and synchronised here. */
    NATIONAL_PORTAL
}
