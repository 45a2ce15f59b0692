package vn.motcua.platform.web;

import java.util.Locale;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What answers an error that no controller turned into a message: a refusal by a security filter or the firewall
 * (a path with {@code ;} or {@code //}), an error sent with {@code sendError}. The API answers in its own shape,
 * {@link ApiProblem problem details}, pages with the error page, both in the request's language; never Spring's English
 * defaults. A filter may leave a message for the person in {@link #MESSAGE}. Asked for directly, {@code /error}
 * answers 404 like any address that is no page.
 */
@Controller
public class ErrorPages implements ErrorController {

    /** A request attribute holding a message (already in the person's language) for the error page to show. */
    public static final String MESSAGE = ErrorPages.class.getName() + ".message";

    private final MessageSource messages;

    ErrorPages(MessageSource messages) {
        this.messages = messages;
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        HttpStatus status = status(request);
        String message = request.getAttribute(MESSAGE) instanceof String m ? m
                : messages.getMessage(messageKey(status), null, locale);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path && path.startsWith(request.getContextPath() + "/api/")) {
            return ApiProblem.response(status, error(status), message, path);
        }
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("message", message);
        return page;
    }

    private static HttpStatus status(HttpServletRequest request) {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            return HttpStatus.NOT_FOUND; // asked for directly: there is no error to show, so it is no page
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer c ? HttpStatus.resolve(c) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    // HttpStatus.resolve(413) is CONTENT_TOO_LARGE (RFC 9110's name), never the older PAYLOAD_TOO_LARGE.
    private static String messageKey(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED -> "error.unauthorized";
            case FORBIDDEN -> "error.forbidden";
            case NOT_FOUND -> "error.notFound";
            case METHOD_NOT_ALLOWED -> "error.methodNotAllowed";
            case CONTENT_TOO_LARGE -> "error.tooLarge";
            case UNSUPPORTED_MEDIA_TYPE -> "error.unsupportedMediaType";
            default -> status.is4xxClientError() ? "error.badRequest" : "error.server";
        };
    }

    private static String error(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED -> "unauthorized";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not_found";
            case METHOD_NOT_ALLOWED -> "method_not_allowed";
            case CONTENT_TOO_LARGE -> "too_large";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported_media_type";
            default -> status.is4xxClientError() ? "invalid_request" : "server_error";
        };
    }
}
