package vn.motcua.platform.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses control characters in what a request sends, before any controller sees it: NUL and the other C0/C1
 * controls in parameter names and values, in multipart part names, and in the {@code Idempotency-Key}. A NUL would
 * otherwise reach PostgreSQL (which answers with an error, a 500) and the others have no business in a form.
 * Line breaks are allowed in values sent in a form body (textareas), normalised to LF by {@link #lineBreaks()};
 * in URL query parameters and names, where a line break is never typed, they are refused too. Fields that must be
 * a single line are checked by the module that owns them (the dossier form checks its fields by type).
 */
final class InputGuard implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Set<String> inUrl = queryNames(request.getQueryString());
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String name = parameter.getKey();
            refuseUnless(isClean(name, false), name);
            // A parameter in the URL never holds a line break; a form body's textarea may.
            for (String value : parameter.getValue()) {
                refuseUnless(value == null || isClean(value, !inUrl.contains(name)), name);
            }
        }
        if (request instanceof MultipartHttpServletRequest multipart) {
            multipart.getMultiFileMap().keySet().forEach(name -> refuseUnless(isClean(name, false), name));
        }
        String key = request.getHeader("Idempotency-Key");
        refuseUnless(key == null || isClean(key, false), "Idempotency-Key");
        return true;
    }

    private static Set<String> queryNames(String query) {
        return queryParameters(query).keySet();
    }

    /** The parameters of a URL's query string, decoded (a malformed escape is kept as it was), in their order. */
    static Map<String, List<String>> queryParameters(String query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int at = pair.indexOf('=');
                parameters.computeIfAbsent(decoded(at < 0 ? pair : pair.substring(0, at)), name -> new ArrayList<>())
                        .add(at < 0 ? "" : decoded(pair.substring(at + 1)));
            }
        }
        return parameters;
    }

    private static String decoded(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /** No control character, except line breaks and tabs where allowed. */
    static boolean isClean(String text, boolean lineBreaksAllowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineBreak = c == '\n' || c == '\r' || c == '\t';
            if ((Character.getType(c) == Character.CONTROL && !(lineBreaksAllowed && lineBreak))
                    || Character.isSurrogate(c) && !validSurrogate(text, i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean validSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }

    private static void refuseUnless(boolean clean, String name) {
        if (!clean) {
            throw UserFacingException.badRequest("error.controlCharacters", printable(name));
        }
    }

    /** The name as it may be shown back: controls replaced, length capped. */
    private static String printable(String name) {
        String shown = name.codePoints().map(c -> Character.getType(c) == Character.CONTROL ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return shown.length() > 60 ? shown.substring(0, 60) + "…" : shown;
    }

    /** Rewrites CRLF and lone CR in parameter values to LF, so a textarea's text is stored one way. */
    static OncePerRequestFilter lineBreaks() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                chain.doFilter(new LfParameters(request), response);
            }
        };
    }

    private static final class LfParameters extends HttpServletRequestWrapper {

        LfParameters(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            return lf(super.getParameter(name));
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = super.getParameterValues(name);
            return values == null ? null : Arrays.stream(values).map(LfParameters::lf).toArray(String[]::new);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> normalised = new LinkedHashMap<>();
            super.getParameterMap().forEach((name, values) -> normalised.put(name,
                    Arrays.stream(values).map(LfParameters::lf).toArray(String[]::new)));
            return Collections.unmodifiableMap(normalised);
        }

        private static String lf(String value) {
            return value == null || value.indexOf('\r') < 0 ? value : value.replace("\r\n", "\n").replace('\r', '\n');
        }
    }
}
