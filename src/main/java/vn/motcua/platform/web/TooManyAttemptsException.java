package vn.motcua.platform.web;

import java.time.Duration;

import org.springframework.http.HttpStatus;

/**
 * Too many wrong guesses: the person waits before trying again. Answered as 429 with a {@code Retry-After} header and
 * a message that says how long to wait.
 */
public class TooManyAttemptsException extends UserFacingException {

    private final Duration retryAfter;

    public TooManyAttemptsException(Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, "too_many_attempts", "lookup.tooManyAttempts",
                Math.max(1, (retryAfter.toSeconds() + 59) / 60));
        this.retryAfter = retryAfter;
    }

    /** How long to wait, in whole seconds, at least one. */
    public long retryAfterSeconds() {
        return Math.max(1, retryAfter.toSeconds() + (retryAfter.toMillisPart() > 0 ? 1 : 0));
    }
}
