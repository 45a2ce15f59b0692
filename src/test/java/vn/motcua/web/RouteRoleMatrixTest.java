package vn.motcua.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import vn.motcua.identity.demo.DemoAccounts;
import vn.motcua.support.IntegrationTest;
import vn.motcua.web.RouteAccess.Route;

/**
 * Every route the application serves, asked by anonymous and by each of the seven roles, over real HTTP, with
 * addresses that cover each state a page can show. Nothing may answer 5xx; a GET answers the roles that
 * {@code route-access.txt} lets in (2xx/3xx) and turns every other role away (401/403/404 or the login page); other
 * methods turn away the roles not let in. A route the application serves without a decided rule fails the build.
 * {@code -Dmatrix.dump=1} prints every answer with its time.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteRoleMatrixTest {

    /**
     * Routes whose 5xx another branch fixes at the moment ("METHOD /pattern"). Only such routes may be listed, and the
     * integrator empties this set once those fixes are merged.
     */
    static final Set<String> KNOWN_500_ELSEWHERE = Set.of();

    @LocalServerPort int port;
    @Autowired List<RequestMappingHandlerMapping> mappings;
    @Autowired ApplicationContext context;

    Map<Route, Visitor.Body> routes;
    RouteAccess access;

    @BeforeAll
    void readRoutes() {
        routes = RouteAccess.appRoutes(mappings);
        access = RouteAccess.load();
    }

    @Test
    void everyRouteOfTheApplicationHasADecidedRule() {
        Set<Route> undecided = new TreeSet<>(routes.keySet());
        undecided.removeIf(access::decided);
        assertThat(undecided).as("routes the application serves with no rule: decide who may reach it and add it to "
                + "route-access.txt (src/test/resources)").isEmpty();
        Set<Route> gone = new TreeSet<>(access.routes());
        gone.removeAll(routes.keySet());
        assertThat(gone).as("rules in route-access.txt for routes the application no longer serves: remove them")
                .isEmpty();
    }

    @Test
    void everyRouteAnswersEveryRoleAsDecidedAndNeverWithAServerError() {
        RouteFixtures fixtures = RouteFixtures.of(context, port);
        Map<String, Visitor> visitors = new LinkedHashMap<>();
        for (String role : RouteAccess.ROLES) {
            visitors.put(role, role.equals(Visitor.ANONYMOUS) ? Visitor.anonymous(port)
                    : Visitor.signIn(port, role, DemoAccounts.PASSWORD));
        }
        List<String> failures = new ArrayList<>();
        int requests = 0;
        long start = System.nanoTime();
        // Reading first, then the methods that may change things (on their own set of dossiers).
        List<Route> ordered = new ArrayList<>(routes.keySet().stream().filter(Route::isGet).toList());
        ordered.addAll(routes.keySet().stream().filter(r -> !r.isGet()).toList());
        for (Route route : ordered) {
            for (String role : RouteAccess.ROLES) {
                List<String> paths = fixtures.paths(route, role);
                if (paths == null || paths.isEmpty()) {
                    failures.add(route + ": no address to request it with; add its samples to RouteFixtures.paths");
                    break;
                }
                // A role let in tries every state; one turned away tries a few (the door is the same for all).
                for (String path : access.allows(route, role) ? paths : spread(paths, 3)) {
                    Visitor visitor = visitors.get(role);
                    long t0 = System.nanoTime();
                    Visitor.Reply reply = route.isGet() ? visitor.get(path) : visitor.post(path, routes.get(route));
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    requests++;
                    if (System.getProperty("matrix.dump") != null) {
                        System.out.println("DUMP " + route + " | " + role + " | " + reply.status() + location(reply) + " | " + path + " | " + ms);
                    }
                    String problem = judge(route, role, reply);
                    if (problem != null) {
                        failures.add(route.method() + " " + path + " as " + role + ": " + problem);
                    }
                }
            }
        }
        System.out.printf("route × role matrix: %d routes, %d roles, %d requests (%d dossiers in the fixtures), "
                        + "%.1f s%n", routes.size(), RouteAccess.ROLES.size(), requests, fixtures.dossierCount(),
                (System.nanoTime() - start) / 1e9);
        assertThat(failures).as("answers against route-access.txt").isEmpty();
    }

    private String judge(Route route, String role, Visitor.Reply reply) {
        if (reply.status() >= 500) {
            return KNOWN_500_ELSEWHERE.contains(route.toString()) ? null
                    : "answered " + reply.status() + " " + abbreviate(reply.body());
        }
        if (!access.decided(route)) {
            return null; // the other test names it
        }
        if (access.allows(route, role)) {
            return !route.isGet() || reply.ok() ? null
                    : "expected 2xx/3xx, answered " + reply.status() + location(reply) + " " + abbreviate(reply.body());
        }
        return reply.denied() ? null
                : "expected to be turned away (401/403/404/login), answered " + reply.status() + location(reply);
    }

    private static List<String> spread(List<String> paths, int count) {
        if (paths.size() <= count) {
            return paths;
        }
        List<String> some = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            some.add(paths.get(i * (paths.size() - 1) / (count - 1)));
        }
        return some;
    }

    private static String location(Visitor.Reply reply) {
        return reply.location() == null ? "" : " → " + reply.location();
    }

    private static String abbreviate(String body) {
        String text = body.replaceAll("(?s)<head>.*?</head>", "").replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}
