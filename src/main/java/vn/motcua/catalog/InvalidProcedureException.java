package vn.motcua.catalog;

import java.util.List;

import vn.motcua.platform.web.InvalidInputException;

/** A procedure that breaks the catalog's rules; {@link #problems()} says how, one sentence each. */
public class InvalidProcedureException extends InvalidInputException {

    public InvalidProcedureException(List<String> problems) {
        super(problems);
    }
}
