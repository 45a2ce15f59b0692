package vn.motcua.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may reach each route, as decided in {@code route-access.txt}: named groups of roles, then one line per route
 * ({@code METHOD pattern group}). A role of the group gets its page or answer (2xx/3xx) for a GET; every other role
 * is turned away (401, 403, 404, or a redirect to the login page), for any method.
 */
public final class RouteAccess {

    public static final List<String> ROLES = List.of(Visitor.ANONYMOUS, "citizen", "business", "reception",
            "specialist", "leader", "agency-admin", "admin");
    private static final String FILE = "route-access.txt";

    /** A method and a path pattern as the handler mappings spell it. */
    public record Route(String method, String pattern) implements Comparable<Route> {

        public boolean api() {
            return pattern.startsWith("/api/");
        }

        public boolean isGet() {
            return method.equals("GET");
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }

        @Override
        public int compareTo(Route o) {
            int c = pattern.compareTo(o.pattern);
            return c != 0 ? c : method.compareTo(o.method);
        }
    }

    private final Map<Route, Set<String>> allowed;

    private RouteAccess(Map<Route, Set<String>> allowed) {
        this.allowed = allowed;
    }

    public static RouteAccess load() {
        try (InputStream in = RouteAccess.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing from the test resources");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static RouteAccess parse(String text) {
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        Map<Route, Set<String>> allowed = new TreeMap<>();
        int n = 0;
        for (String raw : text.split("\n")) {
            n++;
            String line = raw.replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] words = line.split("\\s+");
            if (words[0].equals("group")) {
                if (words.length < 3 || !words[2].equals("=")) {
                    throw new IllegalStateException(FILE + ":" + n + ": a group reads 'group name = role role ...'");
                }
                Set<String> roles = new LinkedHashSet<>();
                for (String role : Arrays.asList(words).subList(3, words.length)) {
                    roles.addAll(groups.containsKey(role) ? groups.get(role) : Set.of(role(role, n)));
                }
                groups.put(words[1], roles);
            } else {
                if (words.length != 3 || !groups.containsKey(words[2])) {
                    throw new IllegalStateException(FILE + ":" + n + ": a rule reads 'METHOD /pattern group' with a "
                            + "group named above: " + line);
                }
                if (allowed.put(new Route(words[0], words[1]), groups.get(words[2])) != null) {
                    throw new IllegalStateException(FILE + ":" + n + ": decided twice: " + line);
                }
            }
        }
        return new RouteAccess(allowed);
    }

    private static String role(String role, int line) {
        if (!ROLES.contains(role)) {
            throw new IllegalStateException(FILE + ":" + line + ": unknown role or group " + role);
        }
        return role;
    }

    public Set<Route> routes() {
        return allowed.keySet();
    }

    public boolean decided(Route route) {
        return allowed.containsKey(route);
    }

    public boolean allows(Route route, String role) {
        return allowed.getOrDefault(route, Set.of()).contains(role);
    }

    /**
     * Every route the application serves, from all its handler mappings (deduplicated), with how a request body is
     * sent to it. A mapping without a method answers any method: it is listed as GET.
     */
    public static Map<Route, Visitor.Body> appRoutes(List<RequestMappingHandlerMapping> mappings) {
        Map<Route, Visitor.Body> routes = new TreeMap<>();
        for (RequestMappingHandlerMapping mapping : mappings) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
                RequestMappingInfo info = e.getKey();
                List<String> methods = new ArrayList<>();
                info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
                if (methods.isEmpty()) {
                    methods.add(RequestMethod.GET.name());
                }
                for (String pattern : info.getPatternValues()) {
                    for (String method : methods) {
                        Visitor.Body body = body(pattern, info, e.getValue());
                        // Two handlers of one route that differ by content type: JSON is the one to try.
                        routes.merge(new Route(method, pattern), body,
                                (a, b) -> a == Visitor.Body.JSON || b == Visitor.Body.JSON ? Visitor.Body.JSON : a);
                    }
                }
            }
        }
        return routes;
    }

    private static Visitor.Body body(String pattern, RequestMappingInfo info, HandlerMethod handler) {
        boolean files = Arrays.stream(handler.getMethodParameters()).anyMatch(p ->
                MultipartFile.class.isAssignableFrom(p.getParameterType())
                        || MultipartHttpServletRequest.class.isAssignableFrom(p.getParameterType())
                        || (List.class.isAssignableFrom(p.getParameterType())
                        && p.getGenericParameterType().getTypeName().contains("MultipartFile")));
        boolean multipartOnly = info.getConsumesCondition().getConsumableMediaTypes().stream()
                .anyMatch(t -> t.isCompatibleWith(MediaType.MULTIPART_FORM_DATA))
                && info.getConsumesCondition().getConsumableMediaTypes().stream()
                .noneMatch(t -> t.isCompatibleWith(MediaType.APPLICATION_JSON));
        if (pattern.startsWith("/api/")) {
            return files || multipartOnly ? Visitor.Body.API_MULTIPART : Visitor.Body.JSON;
        }
        return files || multipartOnly ? Visitor.Body.MULTIPART : Visitor.Body.FORM;
    }
}
