package vn.motcua.dossier;

import java.time.Instant;
import java.util.List;

/**
 * What an action needs besides its name.
 *
 * @param note         the officer's or applicant's note; the reason for a refusal or an apology
 * @param items        what to add or correct, for a supplement request (form 02)
 * @param targetAgency the agency of an inter-agency transfer
 * @param newDueAt     the new appointment of an apology (form 04)
 * @param returnMethod how the result is returned: COUNTER, ONLINE or POST
 * @param signerName   who signs the apology (form 04) when not the leader issuing it; {@code signerTitle} their title
 * @param nextAssignee the official of the next step a forward or an approval assigns the dossier to; null for nobody
 */
public record ActionRequest(String note, List<String> items, String targetAgency, Instant newDueAt,
                            String returnMethod, String signerName, String signerTitle, String nextAssignee) {

    /** Without a named signer: an apology then is signed by the leader who issues it. */
    public ActionRequest(String note, List<String> items, String targetAgency, Instant newDueAt, String returnMethod) {
        this(note, items, targetAgency, newDueAt, returnMethod, null, null, null);
    }

    public ActionRequest(String note, List<String> items, String targetAgency, Instant newDueAt, String returnMethod,
                         String signerName, String signerTitle) {
        this(note, items, targetAgency, newDueAt, returnMethod, signerName, signerTitle, null);
    }

    public ActionRequest {
        items = items == null ? List.of() : items.stream().filter(i -> i != null && !i.isBlank()).map(String::strip).toList();
    }

    public static ActionRequest note(String note) {
        return new ActionRequest(note, List.of(), null, null, null);
    }
}
