package vn.motcua.platform.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/** Writes the API's error shape, {@link ApiProblem problem details}, outside of controllers (security filters). */
@Component
public class ApiErrorWriter {

    private final MessageSource messages;
    private final JsonMapper json;
    private final LocaleResolver locales;

    ApiErrorWriter(MessageSource messages, JsonMapper json, LocaleResolver locales) {
        this.messages = messages;
        this.json = json;
        this.locales = locales;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, int status, String error,
                      String messageKey) throws IOException {
        String message = messages.getMessage(messageKey, null, messageKey, locales.resolveLocale(request));
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        // Boot's JsonMapper carries Spring's ProblemDetail mix-in: the extension members sit at the top level.
        json.writeValue(response.getOutputStream(),
                ApiProblem.of(HttpStatusCode.valueOf(status), error, message, null, request.getRequestURI()));
    }
}
