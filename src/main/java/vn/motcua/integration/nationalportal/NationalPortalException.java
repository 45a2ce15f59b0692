package vn.motcua.integration.nationalportal;

/** The national portal did not take a request: no answer, an error status, an unsigned or malformed answer. */
public class NationalPortalException extends RuntimeException {

    public NationalPortalException(String message) {
        super(message);
    }

    public NationalPortalException(String message, Throwable cause) {
        super(message, cause);
    }
}
