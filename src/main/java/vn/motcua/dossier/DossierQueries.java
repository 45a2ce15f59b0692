package vn.motcua.dossier;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.internal.AssignmentRepository;
import vn.motcua.dossier.internal.Dossier;
import vn.motcua.dossier.internal.DossierRepository;
import vn.motcua.identity.Actor;
import vn.motcua.organization.Agency;
import vn.motcua.platform.security.GuessLimit;
import vn.motcua.platform.web.UserFacingException;

import static vn.motcua.dossier.DossierDueDates.VIETNAM;
import static vn.motcua.platform.text.Texts.blank;

/**
 * Reading dossiers: one dossier's view and files for whoever may see it, the inbox and lists, the dossier log, public
 * tracking, and the facts and files other modules act on.
 */
@Service
public class DossierQueries {

    private final DossierRepository dossiers;
    private final CatalogService catalog;
    private final GuessLimit guesses;
    private final DossierPolicies policies;
    private final DossierRouting routing;
    private final DossierViews views;
    private final DossierRefs refs;

    DossierQueries(DossierRepository dossiers, CatalogService catalog, GuessLimit guesses, DossierPolicies policies,
                   DossierRouting routing, DossierViews views, DossierRefs refs) {
        this.dossiers = dossiers;
        this.catalog = catalog;
        this.guesses = guesses;
        this.policies = policies;
        this.routing = routing;
        this.views = views;
        this.refs = refs;
    }

    public DossierView view(String code, Actor viewer) {
        return views.view(visible(code, viewer), viewer);
    }

    /**
     * Checks that the viewer may see the dossier, for a module that shows something of its own about it (payments,
     * shipments) and needs no view of it.
     *
     * @throws UserFacingException not found, alike for a dossier that does not exist and one the viewer may not see
     */
    public void requireVisible(String code, Actor viewer) {
        visible(code, viewer);
    }

    public byte[] fileContent(String code, long fileId, Actor viewer) {
        Dossier d = visible(code, viewer);
        return dossiers.fileContent(d.id(), fileId)
                .orElseThrow(() -> UserFacingException.notFound("dossier.fileNotFound"));
    }

    private Dossier visible(String code, Actor viewer) {
        return dossiers.findByCode(code).filter(x -> policies.maySee(x, viewer))
                .orElseThrow(() -> UserFacingException.notFound("dossier.notFound", code));
    }

    /**
     * The files of a dossier, for a module acting on one of its events (the applicant's data store takes the accepted
     * documents and the result), with the applicant's account; empty for a dossier without an account (a walk-in
     * applicant) or a draft.
     */
    public Optional<AcceptedFiles> acceptedFiles(String code) {
        Dossier d = dossiers.findByCode(code).filter(x -> x.owner() != null && x.status() != DossierStatus.DRAFT)
                .orElse(null);
        if (d == null) {
            return Optional.empty();
        }
        Procedure procedure = catalog.procedure(d.procedureCode()).orElse(null);
        List<AcceptedFile> files = dossiers.files(d.id()).stream().map(f -> new AcceptedFile(f.kind(),
                f.documentIndex(), procedure != null && f.documentIndex() != null
                && f.documentIndex() < procedure.documents().size()
                ? procedure.documents().get(f.documentIndex()).name() : null,
                f.fileName(), f.contentType(), f.sha256(), dossiers.fileContent(d.id(), f.id()).orElseThrow()))
                .toList();
        return Optional.of(new AcceptedFiles(d.owner(), d.procedureCode(), files));
    }

    /** The files of a dossier with the account of its applicant. */
    public record AcceptedFiles(String owner, String procedureCode, List<AcceptedFile> files) {
    }

    /** A submitted dossier's facts for a module acting on its behalf; empty for a draft or an unknown code. */
    public Optional<DossierFacts> facts(String code) {
        return dossiers.findByCode(code).filter(d -> d.status() != DossierStatus.DRAFT).map(refs::facts);
    }

    /** The applicant's own dossiers and drafts, newest first. */
    public List<DossierSummary> mine(Actor applicant) {
        return dossiers.search("owner = :owner", Map.of("owner", applicant.username()),
                "order by created_at desc limit 200").stream().map(views::summary).toList();
    }

    /**
     * An official's inbox: the pending dossiers now at their agency, soonest due first, optionally only those at a
     * step of their role, filtered by procedure, status and channel, and searched by code, name or ID number.
     */
    public List<DossierSummary> inbox(Actor official, InboxFilter filter) {
        requireOfficial(official);
        StringBuilder where = new StringBuilder("current_agency = :agency and status in (:statuses)");
        Map<String, Object> params = new HashMap<>();
        params.put("agency", official.agencyCode());
        params.put("statuses", (filter.status() == null ? DossierStatus.PENDING : Set.of(filter.status()))
                .stream().map(Enum::name).toList());
        if (!blank(filter.procedureCode())) {
            where.append(" and procedure_code = :procedure");
            params.put("procedure", filter.procedureCode());
        }
        if (filter.channel() != null) {
            where.append(" and channel = :channel");
            params.put("channel", filter.channel().name());
        }
        if (!blank(filter.query())) {
            where.append(" and (code ilike :q or applicant_name ilike :q or applicant_id_number = :exact)");
            params.put("q", "%" + filter.query().strip().replace("%", "") + "%");
            params.put("exact", filter.query().strip());
        }
        if (filter.assignedToMe()) {
            where.append(" and ").append(AssignmentRepository.assignedTo("me"));
            params.put("me", official.username());
        }
        List<Dossier> found = dossiers.search(where.toString(), params,
                "order by due_at nulls first, submitted_at limit 500");
        return found.stream()
                .filter(d -> !filter.mineOnly() || policies.isOnMyDesk(d, official))
                .map(views::summary).toList();
    }

    /** Dossiers an API client may list: an official's agency's, or an applicant's own. */
    public List<DossierSummary> list(Actor actor, DossierStatus status, String agency) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        if (actor.isOfficial()) {
            if (agency != null && !agency.equals(actor.agencyCode())) {
                throw new UserFacingException(HttpStatus.FORBIDDEN, "forbidden", "dossier.otherAgency");
            }
            where.append("(current_agency = :agency or receiving_agency = :agency or competent_agency = :agency)");
            params.put("agency", actor.agencyCode());
        } else {
            where.append("owner = :owner and status <> 'DRAFT'");
            params.put("owner", actor.username());
            if (agency != null) {
                where.append(" and competent_agency = :agency");
                params.put("agency", agency);
            }
        }
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status.name());
        }
        return dossiers.search(where.toString(), params, "order by id desc limit 500").stream()
                .map(views::summary).toList();
    }

    /** Dossiers the official's agency received in a period, oldest first: the rows of the dossier log (form 07). */
    public List<DossierView> receivedBetween(Actor official, LocalDate from, LocalDate to) {
        requireOfficial(official);
        return dossiers.search("""
                        receiving_agency = :agency and received_at >= :from and received_at < :to""",
                Map.of("agency", official.agencyCode(),
                        "from", Timestamp.from(from.atStartOfDay(VIETNAM).toInstant()),
                        "to", Timestamp.from(to.plusDays(1).atStartOfDay(VIETNAM).toInstant())),
                "order by received_at limit 5000").stream().map(d -> views.view(d, official)).toList();
    }

    /**
     * The public view of a dossier for whoever has its code and the last digits (at least four) of the applicant's
     * phone number. A wrong number answers exactly like an unknown code, and both count as a guess against the code
     * and the client's address ({@link GuessLimit}).
     *
     * @param client the client's address
     * @throws vn.motcua.platform.web.TooManyAttemptsException after too many wrong guesses, before looking
     */
    public Optional<Tracking> track(String code, String phoneDigits, String client) {
        return guesses.attempt("DOSSIER", code, client, () -> {
            if (blank(code) || phoneDigits == null || !phoneDigits.strip().matches("\\d{4,}")) {
                return Optional.empty();
            }
            String digits = phoneDigits.strip();
            return dossiers.findByCode(code.strip()).filter(d -> d.status() != DossierStatus.DRAFT)
                    .filter(d -> d.applicant().phone() != null
                            && d.applicant().phone().replaceAll("\\D", "").endsWith(digits))
                    .map(views::tracking);
        });
    }

    /**
     * The same public view for the dossier's own tracking link (the QR code of the receipt slip, the notices): its
     * code and its random key, compared in constant time. Nothing to guess, so it is not counted.
     */
    public Optional<Tracking> trackByKey(String code, String key) {
        if (blank(code) || blank(key)) {
            return Optional.empty();
        }
        return dossiers.findByCode(code.strip()).filter(d -> d.status() != DossierStatus.DRAFT)
                .filter(d -> dossiers.trackingKey(d.id()).map(k -> TrackingLinks.matches(k, key.strip()))
                        .orElse(false))
                .map(views::tracking);
    }

    /** Agencies that may decide a procedure: its listed agencies, or every commune for a commune-level one. */
    public List<Agency> possibleAgencies(Procedure procedure) {
        return routing.possibleAgencies(procedure);
    }

    private static void requireOfficial(Actor actor) {
        if (!actor.isOfficial()) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "forbidden", "dossier.forbidden");
        }
    }
}
