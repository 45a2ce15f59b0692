package vn.motcua.identity;

import org.springframework.stereotype.Component;

/** Turns the signed-in person into an {@link Actor} on dossiers. */
@Component
public class Actors {

    private final Workplaces workplaces;

    Actors(Workplaces workplaces) {
        this.workplaces = workplaces;
    }

    /**
     * The signed-in person as an actor: officials carry the agency they work for. Only an official role (reception,
     * specialist, leader) makes one an official here: configuration rights (agency or province administrator) give
     * no sight of dossiers, which hold personal data.
     */
    public Actor of(CurrentUser user) {
        String agency = user.has(Permission.HANDLE_DOSSIER) ? workplaces.agencyOf(user.getUsername()).orElse(null)
                : null;
        return new Actor(user.getUsername(), user.fullName(), user.roles(), agency);
    }
}
