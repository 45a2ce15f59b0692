package vn.motcua.platform.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import vn.motcua.platform.database.DatabaseOutage;

/**
 * A request that failed because the database is out of reach ({@link DatabaseOutage#causedBy}: no connection within
 * the pool's timeout, a broken connection, a statement timeout) answers 503 with {@code Retry-After}: the API with
 * {@link ApiProblem problem details} ({@code unavailable}), pages with a page of their own saying that nothing was
 * sent. It wraps everything else, the session filter (sessions live in the database) and the security chain among
 * them, so a failure there is answered the same way; and the page is rendered here, without the session, the
 * signed-in person or the error dispatch, which would all reach for the database again.
 */
final class DatabaseUnavailablePages extends OncePerRequestFilter {

    /** What {@code Retry-After} says: an outage that ends by itself usually ends within this. */
    static final int RETRY_AFTER_SECONDS = 30;
    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailablePages.class);

    private final ApiErrorWriter api;
    private final ITemplateEngine templates;
    private final Site site;
    private final LocaleResolver locales;

    DatabaseUnavailablePages(ApiErrorWriter api, ITemplateEngine templates, LocaleResolver locales, Site site) {
        this.site = site;
        this.api = api;
        this.templates = templates;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!DatabaseOutage.causedBy(e) || response.isCommitted()) {
                throw e;
            }
            log.debug("{} {} answered 503: the database is out of reach", request.getMethod(),
                    request.getRequestURI(), e);
            unavailable(request, response);
        }
    }

    private void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.reset();
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        // A reading is simply not answered; a sending (a form, a submission) is also told that nothing was saved.
        boolean reading = HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
        String message = reading ? "error.unavailable" : "error.unavailable.notSaved";
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            api.write(request, response, HttpStatus.SERVICE_UNAVAILABLE.value(), "unavailable", message);
            return;
        }
        Locale locale = locales.resolveLocale(request);
        String page = templates.process("unavailable",
                new Context(locale, Map.of("base", request.getContextPath(), "message", message,
                        "placeName", site.placeName())));
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(page);
    }
}
