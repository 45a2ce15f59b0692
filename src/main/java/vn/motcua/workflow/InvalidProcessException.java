package vn.motcua.workflow;

import java.util.List;

import vn.motcua.platform.web.InvalidInputException;

/** A process that breaks the rules; {@link #problems()} says how, one sentence each. */
public class InvalidProcessException extends InvalidInputException {

    public InvalidProcessException(List<String> problems) {
        super(problems);
    }
}
