package vn.motcua.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client of the API, signed in with a bearer token, as an app or another system would be. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private final String token;

    private ApiClient(int port, String token) {
        this.port = port;
        this.token = token;
    }

    public static ApiClient signIn(int port, String username, String password) {
        HttpResponse<String> response = Http.postJson(port, "/api/v1/auth/token",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("sign-in failed for " + username + ": " + response.body());
        }
        return new ApiClient(port, JSON.readTree(response.body()).get("access_token").asString());
    }

    /** A client without an account, as a member of the public. */
    public static ApiClient anonymous(int port) {
        return new ApiClient(port, null);
    }

    public String token() {
        return token;
    }

    public Response get(String path) {
        return send(base(path).GET().build());
    }

    /** A GET whose answer is a file: its bytes, after checking it answered 200. */
    public byte[] getBytes(String path) {
        try {
            HttpResponse<byte[]> response = http.send(base(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response postJson(String path, Object body) {
        return send(base(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    /** A multipart POST: {@code parts} maps part names to a JSON object (sent as JSON) or a {@link FilePart}. */
    public Response postMultipart(String path, Map<String, Object> parts, String idempotencyKey) {
        String boundary = "----motcua" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, Object> part : parts.entrySet()) {
                body.write(("--" + boundary + "\r\n").getBytes(StandardCharsets.UTF_8));
                if (part.getValue() instanceof FilePart file) {
                    body.write(("Content-Disposition: form-data; name=\"" + part.getKey() + "\"; filename=\""
                            + file.name() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n")
                            .getBytes(StandardCharsets.UTF_8));
                    body.write(file.content());
                } else {
                    body.write(("Content-Disposition: form-data; name=\"" + part.getKey()
                            + "\"\r\nContent-Type: application/json\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                    body.write(JSON.writeValueAsBytes(part.getValue()));
                }
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest.Builder request = base(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    private HttpRequest.Builder base(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record FilePart(String name, String contentType, byte[] content) {

        /** A small real one-page PDF showing the name, so that the content check parses it as a PDF. */
        public static FilePart pdf(String name) {
            return new FilePart(name, "application/pdf", TestData.realPdf(name));
        }

        /** Only a PDF's header, without a page: what the content check must refuse. */
        public static FilePart brokenPdf(String name) {
            return new FilePart(name, "application/pdf",
                    ("%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n" + name).getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    public record Response(int status, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    public static Map<String, Object> parts() {
        return new LinkedHashMap<>();
    }
}
