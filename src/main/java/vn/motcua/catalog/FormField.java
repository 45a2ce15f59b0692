package vn.motcua.catalog;

import java.util.List;
import java.util.Map;

/**
 * A field of a procedure's online application form.
 *
 * @param key          identifier of the value in the dossier's form data
 * @param profile      the applicant profile value that pre-fills it (fullName, idNumber, ...), or null
 * @param requiredWhen when an optional field becomes required, or null
 */
public record FormField(String key, String label, FieldType type, boolean required, List<String> options,
                        String profile, RequiredWhen requiredWhen) {

    public FormField {
        key = Text.trim(key);
        label = Text.trim(label);
        profile = Text.trim(profile);
        options = options == null ? List.of() : options.stream().map(Text::trim).filter(o -> o != null).toList();
    }

    public FormField(String key, String label, FieldType type, boolean required, List<String> options,
                     String profile) {
        this(key, label, type, required, options, profile, null);
    }

    /** Whether a dossier with these form answers must fill it in. */
    public boolean requiredFor(Map<String, String> answers) {
        return required || requiredWhen != null && requiredWhen.holds(answers);
    }
}
