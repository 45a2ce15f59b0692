package vn.motcua.platform.http;

import java.time.Duration;

/**
 * What an administrator reads of a call to an outside system that failed (the postal service, the national portal,
 * the LGSP): "no answer within …" when it timed out, else the failure and its root cause.
 */
public final class CallFailures {

    private CallFailures() {
    }

    public static String describe(Exception e, Duration timeout) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.http.HttpTimeoutException || cause instanceof java.net.SocketTimeoutException
                    || cause instanceof java.util.concurrent.TimeoutException) {
                return "no answer within " + (timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s"
                        : timeout.toMillis() + " ms") + " (timed out)";
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage()
                + (root == e ? "" : " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")");
    }
}
