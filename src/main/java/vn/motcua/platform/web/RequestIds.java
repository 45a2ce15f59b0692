package vn.motcua.platform.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id that every log line written while handling it carries ({@code requestId} in the MDC:
 * the human pattern shows it, the JSON formats have it as a field) and that the response names in
 * {@code X-Request-Id}, so that a person can quote it and an operator find the lines. An id a proxy or a client sent
 * is kept when it is short and plain ({@value #SANE}); anything else is replaced, so that no one writes into the logs
 * through it. The error page rendered after a failure keeps the request's id.
 */
public final class RequestIds extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    static final String SANE = "[A-Za-z0-9-]{1,64}";
    private static final Pattern SANE_ID = Pattern.compile(SANE);
    private static final String ATTRIBUTE = RequestIds.class.getName();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = (String) request.getAttribute(ATTRIBUTE);
        if (id == null) {
            id = idOf(request.getHeader(HEADER));
            request.setAttribute(ATTRIBUTE, id);
        }
        response.setHeader(HEADER, id);
        String outer = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            if (outer == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, outer);
            }
        }
    }

    /** The error page is a dispatch of its own, after the request's filters have ended: it needs the id again. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    /** So is the rest of an asynchronous request, on another thread. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    static String idOf(String sent) {
        return sent != null && SANE_ID.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
    }
}
