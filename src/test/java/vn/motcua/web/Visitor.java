package vn.motcua.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.json.JsonMapper;

/**
 * One person at the application over real HTTP, as a browser and an app would be: pages with a session cookie got by
 * signing in through the login form (with its CSRF token), the API with a bearer token. Anonymous has neither.
 */
public final class Visitor {

    public static final String ANONYMOUS = "anonymous";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How a request body is sent: a page's form (urlencoded or multipart, with the CSRF token), or API JSON. */
    public enum Body { FORM, MULTIPART, JSON, API_MULTIPART }

    public record Reply(int status, String location, String contentType, String body) {

        /** A redirect to the login page: how the pages turn away someone who is not signed in. */
        public boolean toLogin() {
            return status / 100 == 3 && location != null && location.contains("/dang-nhap");
        }

        public boolean ok() {
            return (status / 100 == 2 || status / 100 == 3) && !toLogin();
        }

        public boolean denied() {
            return status == 401 || status == 403 || status == 404 || toLogin();
        }
    }

    private final String name;
    private final int port;
    private final HttpClient client;
    private String csrf;
    private String token;

    private Visitor(String name, int port) {
        this.name = name;
        this.port = port;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public static Visitor anonymous(int port) {
        Visitor visitor = new Visitor(ANONYMOUS, port);
        visitor.csrf = visitor.csrfFrom("/dang-nhap");
        return visitor;
    }

    /** Signs in through the login form (a session) and through the token endpoint (a bearer token). */
    public static Visitor signIn(int port, String username, String password) {
        Visitor visitor = new Visitor(username, port);
        String loginCsrf = visitor.csrfFrom("/dang-nhap");
        Reply login = visitor.send(visitor.request("/dang-nhap").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(username) + "&password=" + enc(password)
                        + "&_csrf=" + enc(loginCsrf))).build());
        if (login.status() != 302 || login.location() == null || login.location().contains("/dang-nhap")) {
            throw new IllegalStateException("form sign-in failed for " + username + ": " + login.status() + " "
                    + login.location());
        }
        // Signing in makes a new CSRF token: take it from a page with a form (the header's sign-out button).
        visitor.csrf = visitor.csrfFrom("/");
        Reply token = visitor.send(HttpRequest.newBuilder(visitor.uri("/api/v1/auth/token"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")).build());
        if (token.status() != 200) {
            throw new IllegalStateException("token sign-in failed for " + username + ": " + token.body());
        }
        visitor.token = JSON.readTree(token.body()).get("access_token").asString();
        return visitor;
    }

    public String name() {
        return name;
    }

    /** The session cookie's value, for a browser that should be this visitor. */
    public java.util.Optional<java.net.HttpCookie> sessionCookie() {
        return ((CookieManager) client.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("SESSION") || c.getName().equals("JSESSIONID")).findFirst();
    }

    public Reply get(String path) {
        return send(request(path).GET().build());
    }

    public Reply post(String path, Body body) {
        HttpRequest.Builder request = request(path);
        return send(switch (body) {
            case FORM -> request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(csrf == null ? "" : "_csrf=" + enc(csrf))).build();
            case MULTIPART -> multipart(request, "_csrf", csrf);
            case JSON -> request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
            case API_MULTIPART -> multipart(request, "note", "");
        });
    }

    private HttpRequest multipart(HttpRequest.Builder request, String field, String value) {
        String boundary = "----matrix" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"\r\n\r\n"
                + (value == null ? "" : value) + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
        // The API is stateless: the bearer token, never the session, speaks for an app.
        return token != null && path.startsWith("/api/") ? builder.header("Authorization", "Bearer " + token) : builder;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private String csrfFrom(String page) {
        Reply reply = get(page);
        Matcher m = CSRF.matcher(reply.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on " + page + " for " + name + " (" + reply.status() + ")");
        }
        return m.group(1);
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            String type = response.headers().firstValue("Content-Type").orElse("");
            boolean text = type.startsWith("text/") || type.contains("json") || type.contains("xml") || type.isEmpty();
            return new Reply(response.statusCode(), response.headers().firstValue("Location").orElse(null), type,
                    text ? new String(response.body(), StandardCharsets.UTF_8) : "");
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
