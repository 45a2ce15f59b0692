package vn.motcua.population;

import java.time.Instant;
import java.util.List;

import vn.motcua.dossier.ResidentCheck.Outcome;

/**
 * What an official reads of a dossier's population check ({@code population/panel :: panel}).
 *
 * @param connected        whether the LGSP is configured at all; without it, only "not connected" is shown
 * @param outcome          the verdict, null when the dossier was not checked
 * @param explanation      the verdict in words (what did not match)
 * @param at               when the register answered, or for PENDING when it was asked
 * @param nextAttemptAt    for PENDING, when it is asked again; null once past the retry window
 * @param heldDocuments    on MATCH, the documents taken from the population database instead of asked for
 * @param mayRerun         whether the viewer may ask again now (a pending check)
 * @param sandbox          whether the verdict comes from the demo's sandbox, not the real register
 */
public record CheckPanel(String code, boolean connected, Outcome outcome, String explanation, Instant at,
                         int attempts, Instant nextAttemptAt, String note, String notedBy, List<String> heldDocuments,
                         boolean mayRerun, boolean sandbox) {
}
