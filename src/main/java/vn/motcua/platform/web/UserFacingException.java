package vn.motcua.platform.web;

import org.springframework.http.HttpStatus;

/**
 * An error a person caused (bad input, a missing record, a rule of the procedure), carrying the HTTP status and the
 * message key that explains it. Nothing is changed when one is thrown inside a transaction.
 */
public class UserFacingException extends RuntimeException {

    private final HttpStatus status;
    private final String error;
    private final String messageKey;
    private final transient Object[] arguments;

    public UserFacingException(HttpStatus status, String error, String messageKey, Object... arguments) {
        super(error + ": " + messageKey);
        this.status = status;
        this.error = error;
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public static UserFacingException notFound(String messageKey, Object... arguments) {
        return new UserFacingException(HttpStatus.NOT_FOUND, "not_found", messageKey, arguments);
    }

    public static UserFacingException badRequest(String messageKey, Object... arguments) {
        return new UserFacingException(HttpStatus.BAD_REQUEST, "invalid_request", messageKey, arguments);
    }

    public HttpStatus status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments;
    }
}
