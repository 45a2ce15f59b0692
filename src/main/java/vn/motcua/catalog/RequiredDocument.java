package vn.motcua.catalog;

import java.util.Map;

/**
 * A document the applicant brings or uploads (thành phần hồ sơ).
 *
 * @param template    name of the official form for it, when there is one
 * @param requiredWhen when an optional document becomes required, or null
 * @param heldByState  "Nhà nước đã có": the national population database holds it (a residence confirmation), so
 *                     it is not asked for when the applicant's identity check there matches
 */
public record RequiredDocument(String name, int originals, int copies, boolean mandatory, String template,
                               RequiredWhen requiredWhen, Boolean heldByState) {

    public RequiredDocument {
        name = Text.trim(name);
        template = Text.trim(template);
        // A boxed flag so that catalogs written before it (JSON without the field) still read: absent is false.
        heldByState = Boolean.TRUE.equals(heldByState);
    }

    public RequiredDocument(String name, int originals, int copies, boolean mandatory, String template) {
        this(name, originals, copies, mandatory, template, null, false);
    }

    public RequiredDocument(String name, int originals, int copies, boolean mandatory, String template,
                            RequiredWhen requiredWhen) {
        this(name, originals, copies, mandatory, template, requiredWhen, false);
    }

    /** Whether a dossier with these form answers must include it. */
    public boolean requiredFor(Map<String, String> answers) {
        return mandatory || requiredWhen != null && requiredWhen.holds(answers);
    }
}
