package vn.motcua.feedback;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.dossier.DossierFacts;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.DossierRef;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierView;
import vn.motcua.feedback.internal.RatingCriteria;
import vn.motcua.feedback.internal.RatingRepository;
import vn.motcua.identity.Actor;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Permission;
import vn.motcua.platform.web.UserFacingException;

/**
 * The way into satisfaction ratings. A dossier is rated once, after its result is ready or returned, on every
 * criterion of the evaluation form, always by its applicant: signed in, by the signed link of its result notice, or
 * on the counter's tablet that a reception officer of its agency opens for them, only for a dossier whose result was
 * handed over at the counter (the applicant is there). An official never rates: the applicant's own ways refuse
 * officials. Each rating is announced by {@link RatingGiven} in the same transaction.
 */
@Service
public class RatingService {

    /** A dossier may be rated once its result is ready. */
    static final Set<DossierStatus> RATEABLE = EnumSet.of(DossierStatus.RESULT_READY, DossierStatus.RETURNED);
    static final int MAX_COMMENT = 2000;

    private final RatingRepository repository;
    private final RatingCriteria criteria;
    private final RatingLinks links;
    private final DossierQueries dossiers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RatingService(RatingRepository repository, RatingCriteria criteria, RatingLinks links, DossierQueries dossiers,
                  ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.criteria = criteria;
        this.links = links;
        this.dossiers = dossiers;
        this.events = events;
        this.clock = clock;
    }

    public List<RatingCriterion> criteria() {
        return criteria.all();
    }

    // =================================================================== giving a rating

    /** The applicant rates their own dossier from its page. */
    @Transactional
    public Rating rateOnline(String dossierCode, RatingForm form, Actor applicant) {
        if (applicant.isOfficial()) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "forbidden", "rating.officialNotApplicant");
        }
        DossierFacts facts = ownDossier(dossierCode, applicant);
        return rate(facts, form, RatingChannel.ONLINE, applicant.username());
    }

    /**
     * Whoever holds the signed link of the result notice rates the dossier, without signing in.
     *
     * @param signedIn the account signed in on this browser, if any: an official is refused (403)
     */
    @Transactional
    public Rating rateByLink(String token, String dossierCode, RatingForm form, CurrentUser signedIn) {
        if (signedIn != null && signedIn.isStaff()) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "forbidden", "rating.officialNotApplicant");
        }
        DossierFacts facts = byLink(token, dossierCode);
        return rate(facts, form, RatingChannel.SMS, null);
    }

    /** The applicant rates on the counter's tablet, which a reception officer of the dossier's agency opened. */
    @Transactional
    public Rating rateAtCounter(String dossierCode, RatingForm form, Actor officer) {
        DossierFacts facts = atCounter(dossierCode, officer);
        return rate(facts, form, RatingChannel.COUNTER, officer.username());
    }

    private Rating rate(DossierFacts facts, RatingForm form, RatingChannel via, String by) {
        DossierRef ref = facts.ref();
        refuseUnless(RATEABLE.contains(facts.status()), "rating.notYet", ref.code());
        refuseUnless(repository.ofDossier(ref.code()).isEmpty(), "rating.already", ref.code());
        Map<String, Satisfaction> answers = answers(form);
        String comment = form.comment() == null || form.comment().isBlank() ? null : form.comment().strip();
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw UserFacingException.badRequest("rating.commentTooLong", MAX_COMMENT);
        }
        boolean satisfied = !answers.containsValue(Satisfaction.NOT_SATISFIED);
        Instant now = now();
        Rating rating = new Rating(ref.code(), ref.competentAgencyCode(), ref.procedureCode(), via, answers, satisfied,
                comment, by, now);
        // Two tablets or two tabs at the same moment: the unique constraint keeps the first.
        refuseUnless(repository.insertIfFirst(rating), "rating.already", ref.code());
        events.publishEvent(new RatingGiven(ref.code(), ref.competentAgencyCode(), ref.procedureCode(), via.name(),
                satisfied, now));
        return rating;
    }

    /** Every criterion answered with one of the three answers, in the form's order. */
    private Map<String, Satisfaction> answers(RatingForm form) {
        Map<String, Satisfaction> answers = new LinkedHashMap<>();
        for (RatingCriterion c : criteria.all()) {
            String given = form.answers().get(c.key());
            Satisfaction answer = null;
            if (given != null) {
                try {
                    answer = Satisfaction.valueOf(given.strip());
                } catch (IllegalArgumentException e) {
                    answer = null;
                }
            }
            if (answer == null) {
                throw UserFacingException.badRequest("rating.incomplete", c.labelVi());
            }
            answers.put(c.key(), answer);
        }
        return answers;
    }

    // =================================================================== what pages show

    /**
     * What a rating page shows of a dossier, to whoever may rate it: no personal data.
     *
     * @param rateable whether its result is ready or returned
     * @param rating   the rating already given, if any
     */
    public record Subject(String dossierCode, String procedureName, String agencyName, boolean rateable,
                          Rating rating) {

        public boolean open() {
            return rateable && rating == null;
        }
    }

    /** The dossier behind a rating link; not found for a link that is not genuine. */
    public Subject byLinkSubject(String token, String dossierCode) {
        return subject(byLink(token, dossierCode));
    }

    /** The dossier on the counter's tablet, for a reception officer of its agency. */
    public Subject counterSubject(String dossierCode, Actor officer) {
        return subject(atCounter(dossierCode, officer));
    }

    /**
     * The rating panel on the applicant's dossier page, from the view the page loaded (and checked its viewer against).
     */
    public ApplicantPanel applicantPanel(DossierView dossier) {
        return new ApplicantPanel(dossier.code(), repository.ofDossier(dossier.code()).orElse(null),
                RATEABLE.contains(dossier.status()), criteria.all());
    }

    /**
     * @param rating   the rating already given, if any
     * @param rateable whether the dossier's result is ready or returned
     * @param criteria the evaluation form's criteria, to show a rating and to ask for one
     */
    public record ApplicantPanel(String dossierCode, Rating rating, boolean rateable, List<RatingCriterion> criteria) {

        public boolean open() {
            return rateable && rating == null;
        }
    }

    /**
     * The panel on the official's dossier page, from the view the page loaded: the rating is shown to officials of the
     * dossier's competent agency; a reception officer of its agency is offered the counter's tablet while it may be
     * rated.
     */
    public OfficialPanel officialPanel(DossierView dossier, Actor viewer) {
        String agency = viewer.agencyCode();
        if (agency == null) {
            return new OfficialPanel(dossier.code(), null, false, false, false, criteria.all());
        }
        Rating rating = repository.ofDossier(dossier.code()).orElse(null);
        boolean rateable = RATEABLE.contains(dossier.status());
        boolean competent = agency.equals(dossier.competentAgency());
        boolean returnedAtCounter = dossier.status() == DossierStatus.RETURNED
                && "COUNTER".equals(dossier.returnMethod());
        boolean reception = viewer.roles().stream().anyMatch(r -> r.permissions().contains(Permission.RECEIVE_DOSSIER));
        boolean counter = reception && returnedAtCounter && (agency.equals(dossier.receivingAgency()) || competent);
        return new OfficialPanel(dossier.code(), competent ? rating : null, competent, rateable,
                counter && rateable && rating == null, criteria.all());
    }

    /**
     * @param rating      the rating, for officials of the competent agency
     * @param mayReadIt   whether the viewer works for the competent agency
     * @param rateable    whether the dossier's result is ready or returned
     * @param offerKiosk  whether to offer the counter's tablet
     * @param criteria    the evaluation form's criteria, to show the rating
     */
    public record OfficialPanel(String dossierCode, Rating rating, boolean mayReadIt, boolean rateable,
                                boolean offerKiosk, List<RatingCriterion> criteria) {
    }

    /** The rating of a dossier, for its applicant or an official of its competent agency. */
    public Optional<Rating> rating(String dossierCode, Actor viewer) {
        DossierFacts facts = dossiers.facts(dossierCode)
                .orElseThrow(() -> UserFacingException.notFound("dossier.notFound", dossierCode));
        boolean mayRead = viewer.isOfficial() ? viewer.agencyCode().equals(facts.ref().competentAgencyCode())
                : viewer.username().equals(facts.owner());
        if (!mayRead) {
            throw UserFacingException.notFound("dossier.notFound", dossierCode);
        }
        return repository.ofDossier(dossierCode);
    }

    // =================================================================== internals

    private Subject subject(DossierFacts facts) {
        DossierRef ref = facts.ref();
        return new Subject(ref.code(), ref.procedureName(), ref.competentAgencyName(), RATEABLE.contains(facts.status()),
                repository.ofDossier(ref.code()).orElse(null));
    }

    private DossierFacts ownDossier(String dossierCode, Actor applicant) {
        return dossiers.facts(dossierCode)
                .filter(f -> !applicant.isOfficial() && applicant.username().equals(f.owner()))
                .orElseThrow(() -> UserFacingException.notFound("dossier.notFound", dossierCode));
    }

    private DossierFacts byLink(String token, String dossierCode) {
        if (!links.valid(token, dossierCode)) {
            throw UserFacingException.notFound("rating.link.invalid");
        }
        return dossiers.facts(dossierCode).orElseThrow(() -> UserFacingException.notFound("rating.link.invalid"));
    }

    private DossierFacts atCounter(String dossierCode, Actor officer) {
        boolean reception = officer.isOfficial() && officer.roles().stream()
                .anyMatch(r -> r.permissions().contains(Permission.RECEIVE_DOSSIER));
        if (!reception) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "forbidden", "rating.counter.notReception");
        }
        DossierFacts facts = dossiers.facts(dossierCode)
                .filter(f -> officer.agencyCode().equals(f.ref().receivingAgencyCode())
                        || officer.agencyCode().equals(f.ref().competentAgencyCode()))
                .orElseThrow(() -> UserFacingException.notFound("dossier.notFound", dossierCode));
        // The tablet is for the applicant standing at the counter: only a result handed over there. Anyone else rates
        // online or by the link in the result notice, and no officer may rate in their stead.
        refuseUnless(facts.returnedAtCounter(), "rating.counter.notReturnedHere", dossierCode);
        return facts;
    }

    /** Now, to the microsecond the database keeps: the time an event carries is the time stored. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static void refuseUnless(boolean condition, String key, Object... args) {
        if (!condition) {
            throw new UserFacingException(HttpStatus.CONFLICT, "rating_refused", key, args);
        }
    }
}
