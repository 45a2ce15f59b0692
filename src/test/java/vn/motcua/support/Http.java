package vn.motcua.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP against the running application, for what must be seen on the wire (tokens, headers). */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private Http() {
    }

    public static HttpResponse<String> get(int port, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** A JSON POST; {@code headers} are name, value pairs. */
    public static HttpResponse<String> postJson(int port, String path, String json, String... headers) {
        return post(port, path, "application/json", json, headers);
    }

    /** A form POST (application/x-www-form-urlencoded) with the body as given, no cookie, no CSRF token. */
    public static HttpResponse<String> post(int port, String path, String form, String... headers) {
        return post(port, path, "application/x-www-form-urlencoded", form, headers);
    }

    private static HttpResponse<String> post(int port, String path, String contentType, String body,
                                             String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
