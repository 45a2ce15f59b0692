package vn.motcua.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A conditional requirement: a document or form field is required when the answer to another form field is one of
 * the given values (the rental contract when residence is "Chỗ ở hợp pháp do thuê, mượn, ở nhờ"). Written in the
 * workbook and the editor as {@code residenceBasis = value one | value two}.
 *
 * @param field  key of the form field whose answer decides
 * @param values the answers that make it required
 */
public record RequiredWhen(String field, List<String> values) {

    public RequiredWhen {
        field = Text.trim(field);
        values = values == null ? List.of() : values.stream().map(Text::trim).filter(v -> v != null).toList();
    }

    /** Whether the answers make it required. */
    public boolean holds(Map<String, String> answers) {
        String answer = answers == null || field == null ? null : answers.get(field);
        return answer != null && values.contains(answer.strip());
    }

    /** The condition read from its written form; null when blank. Text without "=" is kept as a field key alone. */
    public static RequiredWhen parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        int equals = text.indexOf('=');
        if (equals < 0) {
            return new RequiredWhen(text, List.of());
        }
        return new RequiredWhen(text.substring(0, equals), Arrays.asList(text.substring(equals + 1).split("\\|")));
    }

    /** The written form, read back by {@link #parse}. */
    public String text() {
        return field + " = " + String.join(" | ", values);
    }
}
