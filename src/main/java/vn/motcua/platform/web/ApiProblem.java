package vn.motcua.platform.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The body of every API error, RFC 9457 problem details ({@code application/problem+json}): a {@code type} URI per
 * stable code ({@link #TYPE_PREFIX}{@code <code>}), the status's {@code title}, the message for people as
 * {@code detail} (Vietnamese unless the request asks otherwise), the request's path as {@code instance}; and as
 * extension members the stable code ({@code error}), the message again ({@code message}, what clients read before
 * problem details) and, for invalid input, every problem found ({@code problems}).
 */
public final class ApiProblem {

    /** Followed by the stable code, e.g. {@code urn:motcua:problem:not_found}. */
    public static final String TYPE_PREFIX = "urn:motcua:problem:";

    private ApiProblem() {
    }

    public static ProblemDetail of(HttpStatusCode status, String error, String message, List<String> problems,
                                   String path) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
        problem.setType(URI.create(TYPE_PREFIX + error));
        problem.setInstance(instance(path));
        problem.setProperty("error", error);
        problem.setProperty("message", message);
        if (problems != null) {
            problem.setProperty("problems", problems);
        }
        return problem;
    }

    /** The answer of an API error, typed {@code application/problem+json} whatever the client accepts. */
    public static ResponseEntity<ProblemDetail> response(HttpStatusCode status, String error, String message,
                                                         List<String> problems, String path) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(of(status, error, message, problems, path));
    }

    public static ResponseEntity<ProblemDetail> response(HttpStatusCode status, String error, String message,
                                                         String path) {
        return response(status, error, message, null, path);
    }

    // A hostile path may not be a valid URI reference; the problem is still answered, without an instance.
    private static URI instance(String path) {
        if (path == null) {
            return null;
        }
        try {
            return URI.create(path);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
