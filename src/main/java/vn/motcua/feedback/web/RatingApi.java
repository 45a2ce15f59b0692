package vn.motcua.feedback.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.dossier.DossierQueries;
import vn.motcua.feedback.Rating;
import vn.motcua.feedback.RatingForm;
import vn.motcua.feedback.RatingService;
import vn.motcua.identity.Actors;
import vn.motcua.identity.CurrentUser;
import vn.motcua.platform.web.UserFacingException;

/** A dossier's rating as JSON: given by its applicant (in an app), read by them or its competent agency. */
@RestController
class RatingApi {

    private final Actors actors;
    private final RatingService ratings;
    private final DossierQueries dossiers;

    RatingApi(Actors actors, RatingService ratings, DossierQueries dossiers) {
        this.actors = actors;
        this.ratings = ratings;
        this.dossiers = dossiers;
    }

    /** {@code {"answers": {"<criterion>": "VERY_SATISFIED|SATISFIED|NOT_SATISFIED", ...}, "comment"}}. */
    record RatingBody(Map<String, String> answers, String comment) {
    }

    @PostMapping("/api/v1/dossiers/{code}/rating")
    ResponseEntity<Rating> rate(@PathVariable String code, @RequestBody RatingBody body,
                                @AuthenticationPrincipal CurrentUser user) {
        Rating rating = ratings.rateOnline(code, new RatingForm(body.answers(), body.comment()), actors.of(user));
        return ResponseEntity.status(HttpStatus.CREATED).body(rating);
    }

    @GetMapping("/api/v1/dossiers/{code}/rating")
    Rating rating(@PathVariable String code, @AuthenticationPrincipal CurrentUser user) {
        return ratings.rating(code, actors.of(user))
                .orElseThrow(() -> UserFacingException.notFound("rating.none", code));
    }
}
