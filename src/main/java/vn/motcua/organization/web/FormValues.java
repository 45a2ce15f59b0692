package vn.motcua.organization.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import vn.motcua.identity.Role;
import vn.motcua.organization.AgencyKind;
import vn.motcua.organization.OrganizationProblem;

/** Values typed into the organisation's forms, read with a Vietnamese message when they are not what they should be. */
final class FormValues {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private FormValues() {
    }

    static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A date as the date input sends it (yyyy-mm-dd) or as a person types it (dd/mm/yyyy); null when blank. */
    static LocalDate date(String s) {
        String t = text(s);
        if (t == null) {
            return null;
        }
        try {
            return t.contains("/") ? LocalDate.parse(t, DAY) : LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw new OrganizationProblem("org.badDate", t);
        }
    }

    static AgencyKind kind(String s) {
        try {
            return AgencyKind.valueOf(String.valueOf(text(s)));
        } catch (IllegalArgumentException e) {
            throw new OrganizationProblem("org.agency.badKind", String.valueOf(s));
        }
    }

    static Integer number(String s) {
        String t = text(s);
        if (t == null) {
            return null;
        }
        try {
            return Integer.valueOf(t);
        } catch (NumberFormatException e) {
            throw new OrganizationProblem("org.counter.badNumber");
        }
    }

    static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names == null ? List.<String>of() : names) {
            try {
                roles.add(Role.valueOf(name.strip()));
            } catch (IllegalArgumentException e) {
                throw new OrganizationProblem("org.staff.badRole", name);
            }
        }
        return roles;
    }
}
