package vn.motcua.integration.nationalportal;

import java.net.http.HttpClient;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The national portal's status sync and reconciliation calls over HTTP ({@link StatusMapping} names the paths and
 * fields). Every request is signed ({@link NationalPortalSignatures}) and carries the bearer token if one is set; an
 * answer counts only with a valid signature of its body, a 2xx status and {@code error_code} 0. Anything else, and no
 * answer within the timeout, is a {@link NationalPortalException}.
 */
@Component
public class NationalStatusGateway {

    private final NationalPortalProperties properties;
    private final JsonMapper json;
    private final RestClient client;

    NationalStatusGateway(NationalPortalProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        if (!properties.configured()) {
            this.client = null;
            return;
        }
        // HTTP/1.1: a plain-http peer need not understand the HTTP/2 upgrade the JDK client would otherwise try.
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(properties.timeout()).build());
        requests.setReadTimeout(properties.timeout());
        RestClient.Builder builder = RestClient.builder().requestFactory(requests)
                .baseUrl(properties.url().toString().replaceAll("/+$", ""));
        if (properties.token() != null && !properties.token().isBlank()) {
            builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + properties.token());
        }
        this.client = builder.build();
    }

    /** Whether the connection is configured. */
    public boolean available() {
        return client != null;
    }

    /**
     * Sends status messages.
     *
     * @return the {@code MessageId}s the national portal accepted
     */
    public Set<String> sync(Iterable<ObjectNode> messages) {
        ObjectNode body = json.createObjectNode();
        body.put(StatusMapping.PROVINCE, properties.provinceCode());
        messages.forEach(body.putArray(StatusMapping.DATA)::add);
        JsonNode answer = call(StatusMapping.SYNC_PATH, body);
        JsonNode accepted = answer.get(StatusMapping.ACCEPTED);
        if (accepted == null || !accepted.isArray()) {
            throw new NationalPortalException("malformed answer: no " + StatusMapping.ACCEPTED + " list");
        }
        Set<String> ids = new HashSet<>();
        accepted.forEach(id -> ids.add(id.asString()));
        return ids;
    }

    /** The national portal's count per agency of the dossiers it received status messages for, dated that day. */
    public Map<String, Integer> reconciliation(LocalDate day) {
        ObjectNode body = json.createObjectNode();
        body.put(StatusMapping.PROVINCE, properties.provinceCode());
        body.put(StatusMapping.DAY, StatusMapping.DAY_FORMAT.format(day));
        JsonNode data = call(StatusMapping.RECONCILIATION_PATH, body).get(StatusMapping.DATA);
        if (data == null || !data.isArray()) {
            throw new NationalPortalException("malformed answer: no " + StatusMapping.DATA + " list");
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (JsonNode row : data) {
            JsonNode agency = row.get(StatusMapping.AGENCY);
            JsonNode count = row.get(StatusMapping.COUNT);
            if (agency == null || !agency.isString() || count == null || !count.canConvertToInt()) {
                throw new NationalPortalException("malformed answer: a row without agency or count");
            }
            counts.merge(agency.asString(), count.asInt(), Integer::sum);
        }
        return counts;
    }

    private JsonNode call(String path, ObjectNode body) {
        if (client == null) {
            throw new NationalPortalException("the national portal is not configured");
        }
        byte[] bytes = json.writeValueAsBytes(body);
        Answer answer;
        try {
            answer = client.post().uri(path)
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .header(NationalPortalSignatures.HEADER, NationalPortalSignatures.sign(properties.signingSecret(),
                            bytes))
                    .body(bytes)
                    .exchange((request, response) -> new Answer(response.getStatusCode().value(),
                            response.getHeaders().getFirst(NationalPortalSignatures.HEADER),
                            response.getBody().readAllBytes()), true);
        } catch (ResourceAccessException e) {
            throw new NationalPortalException("no answer: " + rootMessage(e), e);
        } catch (RestClientException e) {
            throw new NationalPortalException("request failed: " + rootMessage(e), e);
        }
        if (answer.status() / 100 != 2) {
            throw new NationalPortalException("national portal answered HTTP " + answer.status());
        }
        if (!NationalPortalSignatures.verify(properties.signingSecret(), answer.body(), answer.signature())) {
            throw new NationalPortalException("answer without a valid " + NationalPortalSignatures.HEADER);
        }
        JsonNode node;
        try {
            node = json.readTree(answer.body());
        } catch (JacksonException e) {
            throw new NationalPortalException("malformed answer: not JSON", e);
        }
        if (node == null || !node.isObject()) {
            throw new NationalPortalException("malformed answer: not a JSON object");
        }
        JsonNode code = node.get(StatusMapping.ERROR_CODE);
        if (code == null || !StatusMapping.OK.equals(code.asString())) {
            JsonNode message = node.get(StatusMapping.ERROR_MESSAGE);
            throw new NationalPortalException("refused (" + (code == null ? "no error_code" : code.asString())
                    + "): " + (message == null ? "" : message.asString()));
        }
        return node;
    }

    private record Answer(int status, String signature, byte[] body) {
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : " " + t.getMessage());
    }
}
