package vn.motcua.workflow;

import java.time.Instant;
import java.util.Objects;

/**
 * A time the clock of a dossier stood still: from the request for a supplement until the applicant supplied it.
 *
 * @param to when the clock started again; null while the pause lasts
 */
public record Pause(Instant from, Instant to) {

    public Pause {
        Objects.requireNonNull(from, "from");
        if (to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("A pause cannot end (" + to + ") before it starts (" + from + ")");
        }
    }

    public static Pause since(Instant from) {
        return new Pause(from, null);
    }

    public boolean isOpen() {
        return to == null;
    }
}
