package vn.motcua.feedback;

import java.util.Map;

/**
 * What a person filled in on the evaluation form, as typed: the answer to each criterion by its key
 * ({@code VERY_SATISFIED}, {@code SATISFIED} or {@code NOT_SATISFIED}) and an optional comment.
 */
public record RatingForm(Map<String, String> answers, String comment) {

    public RatingForm {
        answers = answers == null ? Map.of() : Map.copyOf(answers);
    }
}
