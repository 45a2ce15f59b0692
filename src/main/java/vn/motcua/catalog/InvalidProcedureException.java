package vn.motcua.catalog;

import java.util.List;

/** A procedure that breaks the catalog's rules; {@link #problems()} says how, one sentence each. */
public class InvalidProcedureException extends RuntimeException {

    private final List<String> problems;

    public InvalidProcedureException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
