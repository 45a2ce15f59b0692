package vn.motcua.organization;

import java.time.LocalDate;
import java.util.Set;

import vn.motcua.identity.Role;

/**
 * An official as an administrator enters them: the account (created when the username is new: full name, email and
 * phone are used only then) and the staff record.
 *
 * @param counterNumber the number of a counter of the agency; null for none
 * @param actingFrom    first day as acting leader; null (with {@code actingTo}) for none
 */
public record StaffChange(String username, String fullName, String email, String phone, String agencyCode,
                          String title, Integer counterNumber, Set<Role> roles, LocalDate actingFrom,
                          LocalDate actingTo) {
}
