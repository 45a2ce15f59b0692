package vn.motcua.integration.web;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.motcua.identity.CurrentUser;
import vn.motcua.integration.PostalService;
import vn.motcua.integration.Shipment;
import vn.motcua.integration.ShipmentStatus;
import vn.motcua.integration.postal.PostalGateway;
import vn.motcua.platform.web.UserFacingException;

/**
 * The postal API: a dossier's shipments for whoever may see the dossier, and the postal service's status callback.
 */
@RestController
class PostalApi {

    static final String TOKEN_HEADER = "X-Postal-Token";

    private final PostalService postal;
    private final JsonMapper json;

    PostalApi(PostalService postal, JsonMapper json) {
        this.postal = postal;
        this.json = json;
    }

    record Items<T>(List<T> items) {
    }

    /** What the callback answers: the shipment's status now, and whether this report was new. */
    record StatusAnswer(String trackingNumber, ShipmentStatus status, Instant statusAt, boolean recorded) {
    }

    @GetMapping("/api/v1/dossiers/{code}/postal")
    Items<Shipment> shipments(@PathVariable String code, @AuthenticationPrincipal CurrentUser user) {
        return new Items<>(postal.shipments(code, user));
    }

    /**
     * The postal service reports a status: {@code {"trackingNumber","status","at","note"}} with the shared secret in
     * {@code X-Postal-Token}. Wrong or missing secret: 401 and nothing changes (checked before the body is read);
     * unknown tracking number: 404; the same status at the same time again: 200, recorded once.
     */
    @PostMapping("/api/v1/postal/status")
    StatusAnswer status(@RequestHeader(name = TOKEN_HEADER, required = false) String token,
                        @RequestBody(required = false) String body) {
        if (!postal.callbackAuthentic(token)) {
            throw new UserFacingException(HttpStatus.UNAUTHORIZED, "unauthorized", "postal.callback.unauthorized");
        }
        JsonNode report;
        try {
            report = json.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (JacksonException e) {
            throw UserFacingException.badRequest("error.badRequest");
        }
        String at = text(report, "at");
        Instant when = PostalGateway.instant(at);
        if (at != null && when == null) {
            throw UserFacingException.badRequest("postal.callback.badTime", at);
        }
        PostalService.Reported reported = postal.statusReported(text(report, "trackingNumber"),
                text(report, "status"), when, text(report, "note"));
        Shipment shipment = reported.shipment();
        return new StatusAnswer(shipment.trackingNumber(), shipment.status(), shipment.statusAt(),
                reported.recorded());
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.path(field);
        return value.isString() || value.isNumber() ? value.asString() : null;
    }
}
