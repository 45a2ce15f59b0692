package vn.motcua.integration.nationalportal;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The national portal's status sync and reconciliation calls ({@link StatusMapping} names the paths and fields), over
 * the one signed HTTP client of the national portal ({@link NationalPortalClient}): an answer counts only with a
 * valid signature of its body, a 2xx status and {@code error_code} 0. Anything else, and no answer within the timeout,
 * is a {@link NationalPortalException}.
 */
@Component
public class NationalStatusGateway {

    private final NationalPortalProperties properties;
    private final NationalPortalClient portal;
    private final JsonMapper json;

    NationalStatusGateway(NationalPortalProperties properties, NationalPortalClient portal, JsonMapper json) {
        this.properties = properties;
        this.portal = portal;
        this.json = json;
    }

    /** Whether the connection is configured. */
    public boolean available() {
        return portal.available();
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
        if (!portal.available()) {
            throw new NationalPortalException("the national portal is not configured");
        }
        return portal.post(path, json.writeValueAsString(body));
    }
}
