package vn.motcua.organization;

/** What an agency is in the two-level local government (since 1 July 2025). */
public enum AgencyKind {
    /** The province (or centrally-run city) People's Committee: the root of the tree. */
    PROVINCE,
    /** A department (sở) or a body of equal rank under the province. */
    DEPARTMENT,
    /** A unit under a department, such as a land registration office. */
    UNIT,
    /** A public-administration service centre, which receives dossiers and returns results. */
    SERVICE_CENTRE,
    /** A commune, ward or special zone People's Committee. */
    COMMUNE
}
