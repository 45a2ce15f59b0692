package vn.motcua.organization;

import java.time.LocalDate;

/**
 * Where an official works: their agency, title and, for reception officers, their counter.
 *
 * @param actingFrom first day the official acts as leader ("quyền trưởng / phụ trách"); null when not acting
 * @param actingTo   last day of that period, included
 */
public record StaffMember(String username, String agencyCode, String title, Long counterId, LocalDate actingFrom,
                          LocalDate actingTo) {

    public StaffMember(String username, String agencyCode, String title, Long counterId) {
        this(username, agencyCode, title, counterId, null, null);
    }

    /** Whether the acting period covers the day. */
    public boolean actingOn(LocalDate day) {
        return actingFrom != null && actingTo != null && !day.isBefore(actingFrom) && !day.isAfter(actingTo);
    }
}
