package vn.motcua.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A real HTTP client of the pages that keeps cookies as a browser does and shows redirects instead of following
 * them, for what only the wire shows: cookies, sessions, where a redirect goes.
 */
public final class PageClient {

    private final int port;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String lastCsrf;

    public PageClient(int port) {
        this.port = port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public CookieManager cookies() {
        return cookies;
    }

    /** A GET; {@code headers} are name, value pairs. Remembers the page's CSRF token, if it has a form. */
    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<String> response = send(request.build());
        String body = response.body();
        int at = body.indexOf("name=\"_csrf\" value=\"");
        if (at >= 0) {
            int start = at + "name=\"_csrf\" value=\"".length();
            lastCsrf = body.substring(start, body.indexOf('"', start));
        }
        return response;
    }

    /** A form POST with the CSRF token of the last page that had one. */
    public HttpResponse<String> post(String path, Map<String, String> form, String... headers) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (lastCsrf != null) {
            fields.put("_csrf", lastCsrf);
        }
        String body = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** A file of a multipart form: the field's name, the file's name, its type and bytes. */
    public record FilePart(String field, String fileName, String contentType, byte[] content) {
    }

    /** A multipart form POST (as a page's upload form sends it) with the CSRF token of the last page that had one. */
    public HttpResponse<String> postMultipart(String path, Map<String, String> form, FilePart... files) {
        String boundary = "----motcua" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (lastCsrf != null) {
            fields.put("_csrf", lastCsrf);
        }
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        for (FilePart file : files) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field()
                    + "\"; filename=\"" + file.fileName() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** Opens the login page and signs in with it; the answer is the redirect after the form. */
    public HttpResponse<String> signIn(String username, String password, String... headers) {
        get("/dang-nhap", headers);
        return post("/dang-nhap", Map.of("username", username, "password", password), headers);
    }

    private URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : "http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
