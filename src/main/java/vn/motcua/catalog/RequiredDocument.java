package vn.motcua.catalog;

import java.util.Map;

/**
 * A document the applicant brings or uploads (thành phần hồ sơ).
 *
 * @param template    name of the official form for it, when there is one
 * @param requiredWhen when an optional document becomes required, or null
 */
public record RequiredDocument(String name, int originals, int copies, boolean mandatory, String template,
                               RequiredWhen requiredWhen) {

    public RequiredDocument {
        name = Text.trim(name);
        template = Text.trim(template);
    }

    public RequiredDocument(String name, int originals, int copies, boolean mandatory, String template) {
        this(name, originals, copies, mandatory, template, null);
    }

    /** Whether a dossier with these form answers must include it. */
    public boolean requiredFor(Map<String, String> answers) {
        return mandatory || requiredWhen != null && requiredWhen.holds(answers);
    }
}
