package vn.motcua.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import vn.motcua.platform.security.HmacSignatures;

/**
 * What {@link Peers#NATIONAL_PORTAL} answers as the national portal does: every answer signed ({@code X-Signature},
 * HMAC-SHA256 of the body under {@link Peers#NATIONAL_PORTAL_SECRET}). A stub made with {@link #accepting()} answers a
 * status sync by accepting every {@code MessageId} of the request; {@link #signed(String)} signs a fixed body;
 * {@link #unsigned(String)} sends it without a signature.
 */
public final class NationalPortalPeer implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "national-portal-answers";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Accepts every message of the request. */
    public static ResponseDefinitionBuilder accepting() {
        return aResponse().withStatus(200).withTransformers(NAME).withTransformerParameter("accept", true);
    }

    public static ResponseDefinitionBuilder signed(String body) {
        return aResponse().withStatus(200).withBody(body).withTransformers(NAME);
    }

    public static ResponseDefinitionBuilder unsigned(String body) {
        return aResponse().withStatus(200).withBody(body).withTransformers(NAME)
                .withTransformerParameter("unsigned", true);
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        ResponseDefinition stub = event.getResponseDefinition();
        Parameters p = stub.getTransformerParameters() == null ? Parameters.empty() : stub.getTransformerParameters();
        String body = stub.getBody();
        if (Boolean.TRUE.equals(p.get("accept"))) {
            List<String> ids = new ArrayList<>();
            JsonNode data = JSON.readTree(event.getRequest().getBodyAsString()).get("data");
            if (data != null) {
                data.forEach(m -> ids.add(m.get("MessageId").asString()));
            }
            ObjectNode answer = JSON.createObjectNode().put("error_code", "0").put("message", "OK");
            ids.forEach(answer.putArray("accepted")::add);
            body = JSON.writeValueAsString(answer);
        }
        ResponseDefinitionBuilder out = ResponseDefinitionBuilder.like(stub).but().withBody(body)
                .withHeader("Content-Type", "application/json");
        if (!Boolean.TRUE.equals(p.get("unsigned")) && body != null) {
            out.withHeader(HmacSignatures.HEADER,
                    HmacSignatures.sign(Peers.NATIONAL_PORTAL_SECRET, body));
        }
        return out.build();
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
