package vn.motcua.dossier;

import java.util.List;

import vn.motcua.platform.web.InvalidInputException;

/** What a person must fix before the dossier can go on; {@link #problems()} says it, one sentence each. */
public class InvalidDossierException extends InvalidInputException {

    public InvalidDossierException(List<String> problems) {
        super(problems);
    }
}
