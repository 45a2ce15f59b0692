package vn.motcua.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import vn.motcua.catalog.CatalogChanged;
import vn.motcua.catalog.ProcedureAnnouncement;
import vn.motcua.platform.cluster.ClusterChange;
import vn.motcua.platform.cluster.ClusterChanges;
import vn.motcua.catalog.CatalogService;
import vn.motcua.certification.CertificationService;
import vn.motcua.population.PopulationFigures;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.Procedure;
import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencyKind;
import vn.motcua.organization.OrganizationService;
import vn.motcua.platform.web.UserFacingException;
import vn.motcua.reporting.internal.IndexCalculator;
import vn.motcua.reporting.internal.AnnouncementTimeliness;
import vn.motcua.reporting.internal.ProcedureProfile;
import vn.motcua.reporting.internal.ReadModel;
import vn.motcua.reporting.internal.ReportDossiers;
import vn.motcua.reporting.internal.ReportStore;
import vn.motcua.workflow.WorkingCalendar;

/**
 * The figures a province is judged by, read from the read model only: the service index of an agency (with the
 * agencies below it) or of the province, for any period; the agencies ranked; the monthly trend; the dossiers pending
 * now; and the dossiers behind a figure. Scopes are agency codes; {@code null} means the whole province.
 */
@Service
public class ReportingService {

    /** The longest period one question may cover. */
    public static final int MAX_DAYS = 5 * 366;
    private static final Logger log = LoggerFactory.getLogger(ReportingService.class);

    private final ReportStore store;
    private final ReadModel model;
    private final IndexCalculator calculator;
    private final CatalogService catalog;
    private final OrganizationService organization;
    private final MessageSource messages;
    private final ReportDossiers lines;
    private final Clock clock;
    private final CertificationService certifications;
    private final AnnouncementTimeliness timeliness;
    private final PopulationFigures population;
    private volatile List<ProcedureProfile> profiles;

    ReportingService(ReportStore store, ReadModel model, IndexCalculator calculator, CatalogService catalog,
                     OrganizationService organization, MessageSource messages, ReportDossiers lines, Clock clock,
                     CertificationService certifications, AnnouncementTimeliness timeliness,
                     PopulationFigures population) {
        this.certifications = certifications;
        this.timeliness = timeliness;
        this.population = population;
        this.store = store;
        this.model = model;
        this.calculator = calculator;
        this.catalog = catalog;
        this.organization = organization;
        this.messages = messages;
        this.lines = lines;
        this.clock = clock;
    }

    /** The service index of the agency (null: the province) over the days {@code from}–{@code to}. */
    public ServiceIndex index(String agencyCode, LocalDate from, LocalDate to, Locale locale) {
        checkPeriod(from, to);
        Scope scope = scope(agencyCode);
        return score(scope, from, to, store.sums(from, to, scope.codes()), locale);
    }

    /**
     * The agencies directly under the province (departments, communes and wards, with their units), each scored,
     * best first. One read of the sums serves them all.
     */
    public List<ServiceIndex> ranking(LocalDate from, LocalDate to, Locale locale) {
        checkPeriod(from, to);
        Map<String, Agency> byCode = organization.agenciesByCode();
        ReportStore.Sums all = store.sums(from, to, null);
        Set<String> withData = new HashSet<>();
        all.totals().forEach(row -> top(organization.currentSuccessor(row.agency()), byCode).ifPresent(withData::add));
        List<ServiceIndex> ranked = new ArrayList<>();
        for (Agency a : rankedAgencies()) {
            Scope scope = scope(a.code());
            if (scope.procedures().isEmpty() && !withData.contains(a.code())) {
                continue;
            }
            ranked.add(score(scope, from, to, all.of(Set.copyOf(scope.codes())), locale));
        }
        ranked.sort(Comparator.comparingDouble(ServiceIndex::total).reversed().thenComparing(ServiceIndex::agencyName));
        return ranked;
    }

    /** The index month by month, the last month being {@code last}: the trend lines. */
    public List<ServiceIndex> trend(String agencyCode, YearMonth last, int months, Locale locale) {
        Scope scope = scope(agencyCode);
        List<ServiceIndex> trend = new ArrayList<>();
        for (YearMonth m = last.minusMonths(months - 1L); !m.isAfter(last); m = m.plusMonths(1)) {
            trend.add(score(scope, m.atDay(1), m.atEndOfMonth(), store.sums(m.atDay(1), m.atEndOfMonth(), scope.codes()), locale));
        }
        return trend;
    }

    /** The sums of every measure by channel, for throughput by channel. */
    public Map<String, Figures> byChannel(String agencyCode, LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        Map<String, Figures> byChannel = new java.util.TreeMap<>();
        for (ReportStore.Row row : store.sums(from, to, scope(agencyCode).codes()).totals()) {
            if (!row.channel().isEmpty()) {
                byChannel.computeIfAbsent(row.channel(), c -> new Figures()).add(row.values());
            }
        }
        return byChannel;
    }

    /** Dossiers received and not ended, now. */
    public Pending pending(String agencyCode) {
        Scope scope = scope(agencyCode);
        return lines.pending(scope.codes(), clock.instant());
    }

    /** The figures a drill-down can open: each names the dossiers it counts. */
    public static final List<String> DRILL_DOWNS = List.of("RECEIVED", "RECEIVED_ONLINE", "HANDLED", "EARLY", "ON_TIME",
            "LATE", "REFUSED", "WITHDRAWN", "WAITING", "DIGITISED", "REUSED", "E_RESULTS", "FEE_PAID", "PAID_ONLINE",
            "RATINGS", "RATINGS_UNSATISFIED", "PENDING", "OVERDUE");

    /**
     * The dossiers behind a figure of the period (for PENDING and OVERDUE: now), newest first (for PENDING and OVERDUE:
     * the earliest due first, the ones that need action soonest), at most {@code limit}. Callers show them only to
     * officials who may see the agency.
     */
    public List<DossierLine> dossiers(String agencyCode, String figure, LocalDate from, LocalDate to, int limit) {
        return lines.lines(select(agencyCode, figure, from, to), Math.max(1, Math.min(limit, 10_000)));
    }

    /** How many dossiers are behind the figure: all of them, where {@link #dossiers} shows the first few. */
    public long countDossiers(String agencyCode, String figure, LocalDate from, LocalDate to) {
        return lines.count(select(agencyCode, figure, from, to));
    }

    /**
     * Every dossier behind the figure, in the order of {@link #dossiers}, read with a cursor so that a province's year
     * fits in little memory; for exports. Stops after {@code limit} lines.
     */
    @Transactional(readOnly = true)
    public void forEachDossier(String agencyCode, String figure, LocalDate from, LocalDate to, long limit,
                               Consumer<DossierLine> each) {
        lines.forEach(select(agencyCode, figure, from, to), limit, each);
    }

    /** The figure's rows of the read model, once the figure and the period are checked. */
    private ReportDossiers.Figure select(String agencyCode, String figure, LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        if (!DRILL_DOWNS.contains(figure)) {
            throw UserFacingException.badRequest("reporting.figure.unknown", figure);
        }
        Scope scope = scope(agencyCode);
        return new ReportDossiers.Figure(figure, from.atStartOfDay(WorkingCalendar.ZONE).toInstant(),
                to.plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant(), clock.instant(), scope.codes());
    }

    /** Replaces the read model with the fold of its whole event history; returns the subjects folded. */
    public int rebuild() {
        long start = System.nanoTime();
        int subjects = model.rebuild();
        log.info("Read model rebuilt from {} subjects in {} ms", subjects, (System.nanoTime() - start) / 1_000_000);
        return subjects;
    }

    /** The agencies scored in the ranking: those directly under the province, except its service centre. */
    public List<Agency> rankedAgencies() {
        Set<String> roots = new HashSet<>();
        organization.activeAgencies().stream().filter(a -> a.parentCode() == null).forEach(a -> roots.add(a.code()));
        return organization.activeAgencies().stream()
                .filter(a -> roots.contains(a.parentCode()) && a.kind() != AgencyKind.SERVICE_CENTRE).toList();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void forgetProcedures(CatalogChanged event) {
        profiles = null;
    }

    @EventListener
    void forgetProcedures(ClusterChange change) {
        if (change.is(ClusterChanges.CATALOG)) {
            profiles = null;
        }
    }

    // =================================================================== internals

    private record Scope(String agencyCode, String agencyName, List<String> codes, List<ProcedureProfile> procedures) {
    }

    private Scope scope(String agencyCode) {
        if (agencyCode == null || agencyCode.isBlank()) {
            return new Scope(null, messages.getMessage("reporting.province", null,
                    org.springframework.context.i18n.LocaleContextHolder.getLocale()), null, profiles());
        }
        List<Agency> tree = organization.subtree(agencyCode);
        if (tree.isEmpty()) {
            throw UserFacingException.notFound("reporting.agency.unknown", agencyCode);
        }
        // merged agencies count under their successor: an old dossier keeps its agency, its figures follow the merger
        List<String> codes = organization.reportingCodes(agencyCode);
        Set<String> set = Set.copyOf(codes);
        boolean includesCommune = tree.stream().anyMatch(a -> a.kind() == AgencyKind.COMMUNE);
        return new Scope(agencyCode, tree.getFirst().displayName(), codes,
                profiles().stream().filter(p -> p.decidedBy(set, includesCommune)).toList());
    }

    private static Optional<String> top(String code, Map<String, Agency> byCode) {
        for (Agency a = byCode.get(code); a != null; a = byCode.get(a.parentCode())) {
            Agency parent = a.parentCode() == null ? null : byCode.get(a.parentCode());
            if (parent != null && parent.parentCode() == null) {
                return Optional.of(a.code());
            }
            if (parent == null) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private ServiceIndex score(Scope scope, LocalDate from, LocalDate to, ReportStore.Sums sums, Locale locale) {
        Function<String, String> names = key -> messages.getMessage(key, null, key, locale);
        // MDSH3 counts the certification books of the scope's communes, which are not dossiers of the read model.
        long[] copies = certifications.tally(scope.codes(), from, to);
        // MDSH6 and MDSH7 count the population database's checks, kept by the population module.
        IndexCalculator.PopulationUse populationUse = new IndexCalculator.PopulationUse(
                population.matchedReceived(scope.codes(), from, to),
                population.connectedProcedures(scope.procedures().stream().map(ProcedureProfile::code).toList(),
                        scope.codes(), from, to));
        return calculator.score(scope.agencyCode(), scope.agencyName(), from, to, sums, copies, scope.procedures(),
                populationUse, names);
    }

    private List<ProcedureProfile> profiles() {
        List<ProcedureProfile> p = profiles;
        if (p == null) {
            Map<String, ProcedureAnnouncement> announced = catalog.announcements().stream()
                    .collect(java.util.stream.Collectors.toMap(ProcedureAnnouncement::code, a -> a));
            p = catalog.all().stream().map(procedure -> profile(procedure, announced.get(procedure.code()))).toList();
            profiles = p;
        }
        return p;
    }

    ProcedureProfile profile(Procedure p, ProcedureAnnouncement announcement) {
        boolean full = notBlank(p.name()) && notBlank(p.field()) && notBlank(p.processingTime())
                && !p.documents().isEmpty() && !p.applicantTypes().isEmpty() && !p.legalBasis().isEmpty()
                && notBlank(p.result()) && notBlank(p.steps()) && (!p.fees().isEmpty() || notBlank(p.feeNote()))
                && (notBlank(p.implementingAgency()) || !p.agencies().isEmpty());
        return new ProcedureProfile(p.code(), p.agencies(), p.level(),
                p.onlineLevel() != null && p.onlineLevel() != OnlineLevel.INFO, !p.free(), full,
                timeliness.announcedOnTime(announcement), timeliness.publishedOnTime(announcement));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static void checkPeriod(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            throw UserFacingException.badRequest("reporting.period.invalid");
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw UserFacingException.badRequest("reporting.period.tooLong");
        }
    }
}
