package vn.motcua.platform.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.core.JacksonException;

/**
 * Turns errors that people cause into a clear message: {@link ApiProblem problem details} for the API, the error
 * page for everything else. The message is in the request's language (Vietnamese unless asked otherwise).
 */
@RestControllerAdvice
class ErrorHandling {

    private final MessageSource messages;

    ErrorHandling(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(UserFacingException.class)
    Object userFacing(UserFacingException e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        if (e instanceof TooManyAttemptsException wait) {
            response.setHeader("Retry-After", String.valueOf(wait.retryAfterSeconds()));
        }
        return respond(request, response, e.status(), e.error(),
                messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
    }

    @ExceptionHandler(InvalidInputException.class)
    Object invalidInput(InvalidInputException e, HttpServletRequest request, HttpServletResponse response) {
        String message = String.join(" ", e.problems());
        if (isApi(request)) {
            return ApiProblem.response(HttpStatus.BAD_REQUEST, "invalid_request", message, e.problems(),
                    request.getRequestURI());
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        ModelAndView page = new ModelAndView("error");
        page.setStatus(HttpStatus.BAD_REQUEST);
        page.addObject("status", 400);
        page.addObject("message", message);
        return page;
    }

    @ExceptionHandler(org.springframework.dao.OptimisticLockingFailureException.class)
    Object concurrentChange(Exception e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        return respond(request, response, HttpStatus.CONFLICT, "conflict",
                messages.getMessage("error.conflict", null, locale));
    }

    /**
     * Input a controller could not read: an unreadable body or JSON part (a program's mistake or a tampered form),
     * a missing or mistyped parameter, a multipart body that is not one.
     */
    @ExceptionHandler({HttpMessageNotReadableException.class, ServletRequestBindingException.class,
            MissingServletRequestPartException.class, MethodArgumentTypeMismatchException.class,
            JacksonException.class, MultipartException.class})
    Object badRequest(Exception e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        // A string refused while a JSON body was read (PlainJsonText) says which field, through the wrappers.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof UserFacingException refused) {
                return userFacing(refused, request, response, locale);
            }
            if (cause instanceof InvalidFileNameException) {
                return badFileName(e, request, response, locale);
            }
        }
        return respond(request, response, HttpStatus.BAD_REQUEST, "invalid_request",
                messages.getMessage("error.badRequest", null, locale));
    }

    /** A file name the multipart parser refuses (a NUL in it): the upload is refused, nothing is stored. */
    @ExceptionHandler(InvalidFileNameException.class)
    Object badFileName(Exception e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        return respond(request, response, HttpStatus.BAD_REQUEST, "invalid_request",
                messages.getMessage("error.controlCharacters", new Object[] {"filename"}, locale));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(Exception e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        return respond(request, response, HttpStatus.CONTENT_TOO_LARGE, "too_large",
                messages.getMessage("error.tooLarge", null, locale));
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private static Object respond(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                                  String error, String message) {
        if (isApi(request)) {
            return ApiProblem.response(status, error, message, request.getRequestURI());
        }
        response.setStatus(status.value());
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("message", message);
        return page;
    }
}
