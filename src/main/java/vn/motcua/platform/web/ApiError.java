package vn.motcua.platform.web;

import java.util.List;

/**
 * The body of every API error: a stable code for programs and a message for people, in Vietnamese by default, and
 * for invalid input every problem found.
 */
public record ApiError(String error, String message, List<String> problems) {

    public ApiError(String error, String message) {
        this(error, message, null);
    }
}
