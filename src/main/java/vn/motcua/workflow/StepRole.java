package vn.motcua.workflow;

import vn.motcua.identity.Role;

/** Who does a step. */
public enum StepRole {
    RECEPTION(Role.RECEPTION), SPECIALIST(Role.SPECIALIST), LEADER(Role.LEADER);

    private final Role role;

    StepRole(Role role) {
        this.role = role;
    }

    public Role role() {
        return role;
    }
}
