package vn.motcua.organization.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import vn.motcua.identity.Role;
import vn.motcua.organization.Counter;
import vn.motcua.organization.StaffChange;
import vn.motcua.organization.StaffMember;

/** The official editor's fields, as typed. */
public class StaffForm {

    public String username, fullName, email, phone, agencyCode, title, counterNumber, actingFrom, actingTo;
    public List<String> roles = new ArrayList<>();

    static StaffForm of(StaffMember s, Set<Role> roles, List<Counter> counters) {
        StaffForm f = new StaffForm();
        f.username = s.username();
        f.agencyCode = s.agencyCode();
        f.title = s.title();
        f.counterNumber = counters.stream().filter(c -> s.counterId() != null && c.id() == s.counterId())
                .map(c -> String.valueOf(c.number())).findFirst().orElse(null);
        f.actingFrom = s.actingFrom() == null ? null : s.actingFrom().toString();
        f.actingTo = s.actingTo() == null ? null : s.actingTo().toString();
        roles.forEach(r -> f.roles.add(r.name()));
        return f;
    }

    public boolean has(Role role) {
        return roles.contains(role.name());
    }

    StaffChange toChange() {
        return new StaffChange(FormValues.text(username), FormValues.text(fullName), FormValues.text(email),
                FormValues.text(phone), FormValues.text(agencyCode), FormValues.text(title),
                FormValues.number(counterNumber), FormValues.roles(roles), FormValues.date(actingFrom),
                FormValues.date(actingTo));
    }
}
