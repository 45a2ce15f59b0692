package vn.motcua.platform.web;

/** The body of every API error: a stable code for programs and a message for people, in Vietnamese by default. */
public record ApiError(String error, String message) {
}
