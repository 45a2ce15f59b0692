package vn.motcua.catalog;

import java.util.List;

/**
 * A field of a procedure's online application form.
 *
 * @param key     identifier of the value in the dossier's form data
 * @param profile the applicant profile value that pre-fills it (fullName, idNumber, ...), or null
 */
public record FormField(String key, String label, FieldType type, boolean required, List<String> options,
                        String profile) {

    public FormField {
        key = Text.trim(key);
        label = Text.trim(label);
        profile = Text.trim(profile);
        options = options == null ? List.of() : options.stream().map(Text::trim).filter(o -> o != null).toList();
    }
}
