package vn.motcua.integration.nationalportal;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.motcua.platform.security.HmacSignatures;
import vn.motcua.platform.web.UserFacingException;

/**
 * The national portal pushes a dossier: {@code POST /api/v1/national-portal/dossiers}, one national dossier signed in
 * {@code X-Signature}. No or a wrong signature: 401; not a national dossier: 400 saying what is wrong; nothing is
 * recorded in either case. Taken in: 202 with our code; already handed to us: 200 with where it stands; refused: 422
 * with the reason (also sent back by acknowledgement). Waiting for its documents: 202 without our code yet.
 */
@RestController
class NationalIntakeApi {

    /** A national dossier is a form's data and its documents' addresses: far less than this. */
    static final int MAX_BODY = 1024 * 1024;

    private final NationalIntake intake;
    private final IntakeMapping mapping;
    private final NationalPortalProperties properties;
    private final JsonMapper json;

    NationalIntakeApi(NationalIntake intake, IntakeMapping mapping, NationalPortalProperties properties,
                      JsonMapper json) {
        this.intake = intake;
        this.mapping = mapping;
        this.properties = properties;
        this.json = json;
    }

    @PostMapping("/api/v1/national-portal/dossiers")
    ResponseEntity<Map<String, Object>> push(
            @RequestHeader(name = HmacSignatures.HEADER, required = false) String signature,
            HttpServletRequest request) throws IOException {
        // Read at most MAX_BODY before anything else: the route is public, and a dossier's documents come by URL.
        byte[] bytes = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            throw new UserFacingException(HttpStatus.CONTENT_TOO_LARGE, "too-large", "nationalPortal.intake.tooLarge");
        }
        if (!intake.available() || !HmacSignatures.verify(properties.signingSecret(), bytes, signature)) {
            throw new UserFacingException(HttpStatus.UNAUTHORIZED, "unauthorized",
                    "nationalPortal.intake.unsigned");
        }
        JsonNode node;
        try {
            node = json.readTree(bytes);
        } catch (JacksonException e) {
            throw UserFacingException.badRequest("nationalPortal.intake.malformed.json");
        }
        NationalDossier d = mapping.read(node);
        NationalIntake.Outcome outcome = intake.take(d, node.toString(), "PUSH");
        HttpStatus status = switch (outcome.state()) {
            case "REFUSED" -> HttpStatus.UNPROCESSABLE_CONTENT;
            default -> outcome.duplicate() ? HttpStatus.OK : HttpStatus.ACCEPTED;
        };
        String result = switch (outcome.state()) {
            case "RECEIVED" -> IntakeMapping.RECEIVED;
            case "REFUSED" -> IntakeMapping.REFUSED;
            default -> "CHO_XU_LY";
        };
        return ResponseEntity.status(status)
                .body(mapping.pushAnswer(outcome.nationalCode(), outcome.localCode(), result, outcome.reason()));
    }
}
