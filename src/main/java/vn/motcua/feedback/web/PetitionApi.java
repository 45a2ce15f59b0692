package vn.motcua.feedback.web;

import java.time.Instant;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.feedback.NewPetition;
import vn.motcua.feedback.Petition;
import vn.motcua.feedback.PetitionSenders;
import vn.motcua.feedback.PetitionStatus;
import vn.motcua.feedback.PetitionTracking;
import vn.motcua.identity.CurrentUser;
import vn.motcua.platform.MotCuaProperties;
import vn.motcua.platform.web.UserFacingException;

/** Petitions as JSON: sent by anyone (an app, the national portal), followed with the number and the phone. */
@RestController
class PetitionApi {

    private final PetitionSenders petitions;
    private final String publicUrl;

    PetitionApi(PetitionSenders petitions, MotCuaProperties properties) {
        this.petitions = petitions;
        this.publicUrl = properties.publicUrl();
    }

    /** What the sender needs back: the number to follow it with, and when the answer is due. */
    record Receipt(String number, PetitionStatus status, String agencyCode, Instant answerDueAt, String trackingUrl) {
    }

    /** The request body; {@code consentToPublish} may be left out (no consent). */
    record PetitionBody(String name, String phone, String email, String procedureCode, String dossierCode,
                        String agencyCode, String content, Boolean consentToPublish) {
    }

    /**
     * {@code {"name","phone","email","procedureCode","dossierCode","agencyCode","content","consentToPublish"}} → 201
     * with the number; 400 with every problem (in Vietnamese) and nothing stored.
     */
    @PostMapping("/api/v1/petitions")
    ResponseEntity<Receipt> submit(@RequestBody PetitionBody body, @AuthenticationPrincipal CurrentUser user,
                                   Locale locale) {
        NewPetition petition = new NewPetition(body.name(), body.phone(), body.email(), body.procedureCode(),
                body.dossierCode(), body.agencyCode(), body.content(), Boolean.TRUE.equals(body.consentToPublish()));
        Petition p = petitions.submit(petition, user == null ? null : user.getUsername(), locale);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new Receipt(p.number(), p.status(), p.agencyCode(), p.due().answerBy(),
                        publicUrl + petitions.trackingPath(p.number())));
    }

    /**
     * For whoever has the number and the last four digits of the sender's phone (or their email): a few wrong tries per
     * number and per address, then 429 with {@code Retry-After}; or the petition's own key ({@code ?key=}).
     */
    @GetMapping("/api/v1/petitions/{number}")
    PetitionTracking track(@PathVariable String number, @RequestParam(required = false) String phone,
                           @RequestParam(required = false) String email, @RequestParam(required = false) String key,
                           HttpServletRequest request) {
        return petitions.tracking(number, key != null ? key : phone != null ? phone : email, request.getRemoteAddr())
                .orElseThrow(() -> UserFacingException.notFound("petition.notFound", number));
    }
}
