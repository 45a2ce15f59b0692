package vn.motcua.feedback.web;

import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.motcua.dossier.DossierPanel;
import vn.motcua.dossier.DossierView;
import vn.motcua.feedback.RatingService;
import vn.motcua.identity.Actor;

/**
 * The satisfaction rating on a submitted dossier's pages ({@code feedback/rating}): the applicant rates there or reads
 * their rating; officials of the competent agency read it, and a reception officer may open the counter's tablet.
 */
@Component
@Order(300)
class RatingPanel implements DossierPanel {

    private final RatingService ratings;

    RatingPanel(RatingService ratings) {
        this.ratings = ratings;
    }

    @Override
    public Optional<Shown> show(DossierView dossier, Actor viewer, Page page) {
        return switch (page) {
            case DRAFT -> Optional.empty();
            case APPLICANT -> {
                RatingService.ApplicantPanel panel = ratings.applicantPanel(dossier);
                yield panel.rateable() || panel.rating() != null
                        ? Optional.of(new Shown(Place.BELOW_DOCUMENTS, "feedback/rating", "applicant", panel))
                        : Optional.empty();
            }
            case OFFICIAL -> {
                RatingService.OfficialPanel panel = ratings.officialPanel(dossier, viewer);
                yield panel.rating() != null || panel.rateable() && (panel.mayReadIt() || panel.offerKiosk())
                        ? Optional.of(new Shown(Place.BELOW_DOCUMENTS, "feedback/rating", "official", panel))
                        : Optional.empty();
            }
        };
    }
}
