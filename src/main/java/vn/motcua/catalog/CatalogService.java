package vn.motcua.catalog;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import vn.motcua.platform.audit.AuditAction;
import vn.motcua.platform.audit.AuditTrail;
import vn.motcua.catalog.internal.CatalogRepository;
import vn.motcua.catalog.internal.CatalogRepository.Browse;
import vn.motcua.catalog.internal.ProcedureValidator;
import vn.motcua.catalog.search.ProcedureSearch;
import vn.motcua.organization.AgencyKind;
import vn.motcua.organization.OrganizationService;
import vn.motcua.platform.cache.LocalCache;
import vn.motcua.platform.cluster.ClusterChange;
import vn.motcua.platform.cluster.ClusterChanges;
import vn.motcua.platform.web.Paging;

/** The way into the catalog: read, browse and search procedures, and change them. */
@Service
public class CatalogService {

    private final CatalogRepository repository;
    private final ProcedureValidator validator;
    private final ProcedureSearch search;
    private final OrganizationService organization;
    private final ApplicationEventPublisher events;
    private final AuditTrail trail;
    private final ClusterChanges cluster;
    private final LocalCache<String, Optional<Procedure>> procedures = new LocalCache<>(Duration.ofMinutes(1), 10_000);

    CatalogService(CatalogRepository repository, ProcedureValidator validator, ProcedureSearch search,
                   OrganizationService organization, ApplicationEventPublisher events, AuditTrail trail,
                   ClusterChanges cluster) {
        this.cluster = cluster;
        this.trail = trail;
        this.repository = repository;
        this.validator = validator;
        this.search = search;
        this.organization = organization;
        this.events = events;
    }

    /** The procedure with this code; cached, since every dossier action reads its procedure. */
    public Optional<Procedure> procedure(String code) {
        return procedures.get(code, repository::find);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void forgetCachedProcedures(CatalogChanged event) {
        procedures.invalidateAll();
    }

    /** Every change of the catalog, saved or imported, reaches the other nodes when its transaction commits. */
    @EventListener
    void tellOtherNodes(CatalogChanged event) {
        cluster.announce(ClusterChanges.CATALOG);
    }

    @EventListener
    void forgetCachedProcedures(ClusterChange change) {
        if (change.is(ClusterChanges.CATALOG)) {
            procedures.invalidateAll();
        }
    }

    /** When and by what this procedure was announced and first published here. */
    public Optional<ProcedureAnnouncement> announcement(String code) {
        return repository.announcement(code);
    }

    /** Every procedure's announcement, for the service index's CKMB1 and CKMB2. */
    public List<ProcedureAnnouncement> announcements() {
        return repository.announcements();
    }

    public List<Procedure> all() {
        return repository.findAll();
    }

    /** A page of the whole catalog in code order; {@code page} counts from 0 (400 when out of reach). */
    public Page<Procedure> page(int page, int size) {
        return new Page<>(repository.findPage(new Paging(page, size).offset(), size), repository.count());
    }

    public List<SearchHit> search(String query, int limit) {
        return search.search(query, limit);
    }

    public List<ProcedureField> fields() {
        return repository.fields();
    }

    /** Procedures by field (slug), level, online level and agency, each optional; {@code page} counts from 0. */
    public Page<ProcedureSummary> browse(String fieldSlug, ProcedureLevel level, OnlineLevel onlineLevel,
                                         String agencyCode, int page, int size) {
        boolean commune = agencyCode != null && organization.agency(agencyCode)
                .map(a -> a.kind() == AgencyKind.COMMUNE).orElse(false);
        Browse filter = new Browse(fieldSlug, level, onlineLevel, agencyCode, commune);
        return new Page<>(repository.browse(filter, new Paging(page, size).offset(), size),
                repository.countBrowse(filter));
    }

    /** What is wrong with a procedure, in the given language; empty when it may be saved. */
    public List<String> problems(Procedure procedure, Locale locale) {
        return validator.problems(procedure, locale);
    }

    /**
     * Creates or replaces a procedure after checking it.
     *
     * @throws InvalidProcedureException listing every problem, when there is one; nothing is changed then
     */
    @Transactional
    public boolean save(Procedure procedure, Locale locale) {
        List<String> problems = validator.problems(procedure, locale);
        if (!problems.isEmpty()) {
            throw new InvalidProcedureException(problems);
        }
        boolean created = repository.save(procedure);
        events.publishEvent(new CatalogChanged(1));
        trail.changed(AuditAction.PROCEDURE_SAVED, procedure.code(), created ? "created" : "updated");
        return created;
    }

    /** A page of items and the total number of items on all pages. */
    public record Page<T>(List<T> items, int total) {
    }
}
