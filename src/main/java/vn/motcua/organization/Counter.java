package vn.motcua.organization;

/** A reception counter (quầy) where officials receive dossiers and return results. */
public record Counter(long id, String agencyCode, int number, String name) {
}
