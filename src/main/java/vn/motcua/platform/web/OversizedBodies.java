package vn.motcua.platform.web;

import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A form whose body is over the upload limit fails where its parameters are first read (the CSRF check, in the
 * security chain), outside Spring MVC; the error page would then fail the same way on reading them, and the server's
 * own English page would show. This answers such a request 413, and lets its error page read the query string only.
 */
final class OversizedBodies extends OncePerRequestFilter {

    private static final String UNREADABLE = OversizedBodies.class.getName() + ".unreadable";

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            chain.doFilter(request.getAttribute(UNREADABLE) != null ? new QueryOnly(request) : request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            if (!tooLarge(e) || response.isCommitted()) {
                throw e;
            }
            request.setAttribute(UNREADABLE, Boolean.TRUE);
            response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
        }
    }

    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SizeException || t instanceof MaxUploadSizeExceededException) {
                return true;
            }
        }
        return false;
    }

    /** The request as its error page sees it: the parameters of its URL, no body. */
    private static final class QueryOnly extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters;

        QueryOnly(HttpServletRequest request) {
            super(request);
            Map<String, String[]> map = new LinkedHashMap<>();
            InputGuard.queryParameters(request.getQueryString())
                    .forEach((name, values) -> map.put(name, values.toArray(String[]::new)));
            this.parameters = Collections.unmodifiableMap(map);
        }

        @Override
        public String getContentType() {
            return null; // not multipart any more: nothing tries to read the parts again
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters.get(name);
        }

        @Override
        public Collection<Part> getParts() {
            return List.of();
        }

        @Override
        public Part getPart(String name) {
            return null;
        }
    }
}
