package vn.motcua.platform.web;

import java.util.List;

/**
 * Input a person must correct, with every problem as a sentence in their language. Answered with 400: the JSON
 * error carries the list as {@code problems}; pages show it next to the form. Nothing was changed.
 */
public class InvalidInputException extends RuntimeException {

    private final List<String> problems;

    public InvalidInputException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
