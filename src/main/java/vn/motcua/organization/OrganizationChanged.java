package vn.motcua.organization;

/** Agencies, counters or staff changed on this node; published in the changing transaction. */
public record OrganizationChanged(String what) {
}
