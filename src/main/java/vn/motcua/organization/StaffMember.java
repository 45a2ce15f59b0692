package vn.motcua.organization;

/** Where an official works: their agency, title and, for reception officers, their counter. */
public record StaffMember(String username, String agencyCode, String title, Long counterId) {
}
