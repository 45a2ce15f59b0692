package vn.motcua.result.signing;

import vn.motcua.result.signing.Verdict.Status;

/** A verdict reached inside the checks; cheap because it carries no stack trace. */
final class SignatureFailure extends Exception {

    final Status status;

    SignatureFailure(Status status, String message) {
        super(message, null, false, false);
        this.status = status;
    }
}
