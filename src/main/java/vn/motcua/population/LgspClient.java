package vn.motcua.population;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.motcua.dossier.ResidentCheck.Identity;
import vn.motcua.platform.http.CallFailures;
import vn.motcua.platform.security.HmacSignatures;

/**
 * The LGSP's population database service over HTTP: an OAuth2 client-credentials token, kept until shortly before
 * it expires and fetched again once when the service answers 401, then one POST per check ({@link LgspMapping}).
 * No answer within the timeout, a 5xx, an answer that is not the register's, or one without its valid signature when
 * the LGSP signs, is a {@link Unreachable} failure the caller keeps as PENDING and retries.
 */
@Component
public class LgspClient {

    /** A token this close to its expiry is fetched again rather than sent. */
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);

    private final PopulationProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final RestClient client;
    private volatile Token token;

    LgspClient(PopulationProperties properties, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        if (!properties.configured()) {
            this.client = null;
            return;
        }
        // HTTP/1.1: a plain-http peer need not understand the HTTP/2 upgrade the JDK client would otherwise try.
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(properties.timeout()).build());
        requests.setReadTimeout(properties.timeout());
        this.client = RestClient.builder().requestFactory(requests).build();
    }

    public boolean available() {
        return client != null;
    }

    /**
     * Asks the register about one identity.
     *
     * @throws Unreachable when no valid answer came
     */
    public LgspMapping.Answer check(Identity identity) {
        String requestId = UUID.randomUUID().toString();
        Map<String, Object> body = LgspMapping.request(identity, requestId, properties.clientId());
        Reply reply = post(body, bearer(false));
        if (reply.status() == HttpStatus.UNAUTHORIZED.value() && properties.tokenUrl() != null) {
            reply = post(body, bearer(true)); // the token was revoked or expired early: one fresh one
        }
        if (reply.status() < 200 || reply.status() > 299) {
            throw new Unreachable("LGSP answered HTTP " + reply.status());
        }
        if (properties.signingSecret() != null && !properties.signingSecret().isBlank()
                && !HmacSignatures.verify(properties.signingSecret(), reply.body(), reply.signature())) {
            throw new Unreachable("LGSP answer without a valid " + LgspMapping.SIGNATURE_HEADER);
        }
        try {
            return LgspMapping.answer(parse(reply.body()));
        } catch (LgspMapping.MalformedAnswer e) {
            throw new Unreachable("LGSP answer is not the register's: " + e.getMessage());
        }
    }

    private Reply post(Map<String, Object> body, String bearer) {
        try {
            RestClient.RequestBodySpec request = client.post()
                    .uri(properties.url().toString().replaceAll("/+$", "") + LgspMapping.CHECK_PATH)
                    .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON);
            if (bearer != null) {
                request.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
            }
            return request.body(body).exchange((req, response) -> new Reply(response.getStatusCode().value(),
                    response.getBody().readAllBytes(), response.getHeaders().getFirst(LgspMapping.SIGNATURE_HEADER)));
        } catch (RuntimeException e) {
            throw new Unreachable(CallFailures.describe(e, properties.timeout()));
        }
    }

    /** The bearer token to send, fetched when there is none, it is about to expire, or {@code fresh} is asked. */
    private synchronized String bearer(boolean fresh) {
        if (properties.tokenUrl() == null) {
            return null;
        }
        Instant now = clock.instant();
        Token current = token;
        if (fresh || current == null || now.plus(EXPIRY_MARGIN).isAfter(current.expiresAt())) {
            current = fetchToken(now);
            token = current;
        }
        return current.value();
    }

    private Token fetchToken(Instant now) {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", properties.clientId());
        form.add("client_secret", properties.clientSecret());
        Reply reply;
        try {
            reply = client.post().uri(properties.tokenUrl()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .accept(MediaType.APPLICATION_JSON).body(form)
                    .exchange((req, response) -> new Reply(response.getStatusCode().value(),
                            response.getBody().readAllBytes(), null));
        } catch (RuntimeException e) {
            throw new Unreachable("token: " + CallFailures.describe(e, properties.timeout()));
        }
        if (reply.status() != 200) {
            throw new Unreachable("LGSP token endpoint answered HTTP " + reply.status());
        }
        JsonNode body = parse(reply.body());
        JsonNode value = body.path(LgspMapping.ACCESS_TOKEN);
        if (!value.isString() || value.asString().isBlank()) {
            throw new Unreachable("LGSP token endpoint answered without " + LgspMapping.ACCESS_TOKEN);
        }
        long seconds = body.path(LgspMapping.EXPIRES_IN).isNumber() ? body.path(LgspMapping.EXPIRES_IN).asLong() : 300;
        return new Token(value.asString(), now.plusSeconds(Math.max(1, seconds)));
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode node = json.readTree(body == null || body.length == 0 ? "null".getBytes() : body);
            if (node == null || !node.isObject()) {
                throw new Unreachable("LGSP did not answer a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new Unreachable("LGSP did not answer in JSON");
        }
    }

    private record Token(String value, Instant expiresAt) {
    }

    private record Reply(int status, byte[] body, String signature) {
    }

    /** No valid answer from the LGSP: the check stays PENDING and is asked again. */
    public static final class Unreachable extends RuntimeException {
        public Unreachable(String message) {
            super(message);
        }
    }
}
