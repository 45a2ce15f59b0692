package vn.motcua.organization.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.identity.AccountService;
import vn.motcua.identity.Role;
import vn.motcua.organization.AdminScope;
import vn.motcua.organization.Agency;
import vn.motcua.organization.Counter;
import vn.motcua.organization.OrganizationAdministration;
import vn.motcua.organization.OrganizationProblem;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffChange;
import vn.motcua.organization.StaffMember;
import vn.motcua.organization.transfer.OrganizationWorkbook.Parsed;
import vn.motcua.organization.transfer.OrganizationWorkbook.StaffLine;
import vn.motcua.platform.audit.AuditAction;
import vn.motcua.platform.audit.AuditTrail;
import vn.motcua.platform.cluster.ClusterChanges;
import vn.motcua.platform.web.UserFacingException;

/**
 * Import and export of the organisation as a workbook. An upload is kept and previewed: each row new, changed (with
 * the fields that change) or unchanged, and each rejected row with its reason. Applying it checks it again against
 * the organisation as it is then, and changes everything or, when any row is rejected, nothing.
 */
@Service
public class OrganizationImports {

    public enum Kind { NEW, CHANGED, UNCHANGED }

    /** One row's effect; {@code fields} are the headings of the columns that change. */
    public record Change(String sheet, int row, String key, Kind kind, List<String> fields) {
    }

    public record Rejection(String sheet, int row, String reason) {
    }

    public record Preview(UUID id, String fileName, List<Change> changes, List<Rejection> rejections) {
        public long count(Kind kind) {
            return changes.stream().filter(c -> c.kind() == kind).count();
        }

        public List<Change> shown() {
            return changes.stream().filter(c -> c.kind() != Kind.UNCHANGED).toList();
        }
    }

    /** {@code counters} are those the staff rows name at agencies that have no counter of that number yet. */
    private record Plan(List<Change> changes, List<Rejection> rejections, List<Agency> agencies,
                        List<Map.Entry<StaffChange, StaffMember>> staff, List<Counter> counters) {
    }

    private final OrganizationService organization;
    private final OrganizationAdministration admin;
    private final AccountService accounts;
    private final OrganizationImportRepository uploads;
    private final AuditTrail trail;
    private final MessageSource messages;
    private final Clock clock;

    OrganizationImports(OrganizationService organization, OrganizationAdministration admin, AccountService accounts,
                        OrganizationImportRepository uploads, AuditTrail trail, MessageSource messages, Clock clock) {
        this.organization = organization;
        this.admin = admin;
        this.accounts = accounts;
        this.uploads = uploads;
        this.trail = trail;
        this.messages = messages;
        this.clock = clock;
    }

    /** The agencies of the scope (tree order) and their officials, as one workbook. */
    public void export(AdminScope scope, OutputStream out) throws IOException {
        List<Agency> agencies = organization.agencies().stream().filter(a -> scope.covers(a.code())).toList();
        Map<Long, Integer> numbers = organization.allCounters().stream()
                .collect(Collectors.toMap(Counter::id, Counter::number));
        List<StaffLine> lines = new ArrayList<>();
        for (StaffMember s : organization.staffOf(agencies.stream().map(Agency::code).toList())) {
            var profile = accounts.profile(s.username());
            lines.add(new StaffLine(s.username(), profile.map(p -> p.fullName()).orElse(null),
                    profile.map(p -> p.email()).orElse(null), profile.map(p -> p.phone()).orElse(null),
                    s.agencyCode(), s.title(), s.counterId() == null ? null : numbers.get(s.counterId()),
                    accounts.roles(s.username()), s.actingFrom(), s.actingTo()));
        }
        OrganizationWorkbook.write(agencies, lines, out);
    }

    /** Keeps the upload and previews it; a file that is no workbook of this kind is refused at once. */
    @Transactional
    public Preview upload(AdminScope scope, String fileName, byte[] content, Locale locale) {
        Plan plan = plan(scope, OrganizationWorkbook.read(content), locale);
        UUID id = UUID.randomUUID();
        uploads.save(id, scope.username(), fileName == null ? "to-chuc.xlsx" : fileName, content, clock.instant());
        return new Preview(id, fileName, plan.changes(), plan.rejections());
    }

    /**
     * Applies the administrator's upload, all or nothing: when a row is rejected now, nothing changes and the
     * preview with its rejections is returned.
     */
    @Transactional
    public Preview apply(AdminScope scope, UUID id, Locale locale) {
        OrganizationImportRepository.Upload upload = uploads.findForUpdate(id, scope.username())
                .orElseThrow(() -> UserFacingException.notFound("org.import.notFound"));
        if (upload.applied()) {
            throw new OrganizationProblem("org.import.alreadyApplied");
        }
        Plan plan = plan(scope, OrganizationWorkbook.read(upload.content()), locale);
        Preview preview = new Preview(id, upload.fileName(), plan.changes(), plan.rejections());
        if (!plan.rejections().isEmpty()) {
            return preview;
        }
        Map<String, Agency> known = organization.agenciesByCode();
        plan.agencies().forEach(a -> known.put(a.code(), a));
        List<Agency> parentsFirst = new ArrayList<>(plan.agencies());
        parentsFirst.sort(java.util.Comparator.comparingInt(a -> depth(a, known)));
        for (Agency a : parentsFirst) {
            admin.saveImportedAgency(a);
        }
        if (!plan.counters().isEmpty()) {
            for (Counter c : plan.counters()) {
                admin.addImportedCounter(c.agencyCode(), c.number(), c.name());
            }
            // Planned again now that the counters exist: the staff records point at their real ids.
            plan = plan(scope, OrganizationWorkbook.read(upload.content()), locale);
        }
        for (Map.Entry<StaffChange, StaffMember> s : plan.staff()) {
            admin.applyImportedStaff(s.getKey(), s.getValue());
        }
        uploads.markApplied(id, clock.instant());
        trail.changed(AuditAction.ORGANIZATION_IMPORTED, "to-chuc/nhap/" + id, upload.fileName() + ": "
                + plan.agencies().size() + " agencies, " + plan.staff().size() + " staff");
        admin.announce(ClusterChanges.ORGANIZATION);
        return preview;
    }

    private static int depth(Agency a, Map<String, Agency> known) {
        int depth = 0;
        for (Agency p = known.get(a.parentCode()); p != null && depth <= known.size(); p = known.get(p.parentCode())) {
            depth++;
        }
        return depth;
    }

    private Plan plan(AdminScope scope, OrganizationWorkbook.Contents contents, Locale locale) {
        List<Change> changes = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        List<Agency> agencies = new ArrayList<>();
        List<Map.Entry<StaffChange, StaffMember>> staff = new ArrayList<>();
        Map<String, Agency> saved = organization.agenciesByCode();
        Map<String, Agency> known = new HashMap<>(saved);
        Map<String, Integer> firstRow = new HashMap<>();
        List<Parsed<Agency>> accepted = new ArrayList<>();
        for (Parsed<Agency> p : contents.agencies()) {
            if (p.problem() != null) {
                rejections.add(rejection(p, p.problem(), locale));
            } else if (p.value().code() != null && firstRow.putIfAbsent(p.value().code(), p.rowNumber()) != null) {
                rejections.add(rejection(p, new OrganizationProblem("org.import.duplicateCode", p.value().code(),
                        firstRow.get(p.value().code())), locale));
            } else {
                if (p.value().code() != null) {
                    known.put(p.value().code(), p.value());
                }
                accepted.add(p);
            }
        }
        for (Parsed<Agency> p : accepted) {
            Agency a = p.value();
            Agency before = a.code() == null ? null : saved.get(a.code());
            if (a.equals(before)) {
                changes.add(new Change(p.sheet(), p.rowNumber(), a.code(), Kind.UNCHANGED, List.of()));
                continue;
            }
            try {
                admin.checkAgency(scope, a, before, known);
                agencies.add(a);
                changes.add(new Change(p.sheet(), p.rowNumber(), a.code(), before == null ? Kind.NEW : Kind.CHANGED,
                        before == null ? List.of() : agencyFields(before, a)));
            } catch (UserFacingException e) {
                rejections.add(rejection(p, e, locale));
            }
        }
        Map<String, StaffMember> staffNow = organization.allStaff().stream()
                .collect(Collectors.toMap(StaffMember::username, Function.identity()));
        Map<String, List<Counter>> counters = organization.allCounters().stream()
                .collect(Collectors.groupingBy(Counter::agencyCode, Collectors.toCollection(ArrayList::new)));
        List<Counter> newCounters = new ArrayList<>();
        Map<Long, Integer> numbers = organization.allCounters().stream()
                .collect(Collectors.toMap(Counter::id, Counter::number));
        Map<String, Integer> firstStaffRow = new HashMap<>();
        for (Parsed<StaffChange> p : contents.staff()) {
            StaffChange c = p.value();
            if (p.problem() != null) {
                rejections.add(rejection(p, p.problem(), locale));
                continue;
            }
            if (c.username() != null && firstStaffRow.putIfAbsent(c.username(), p.rowNumber()) != null) {
                rejections.add(rejection(p, new OrganizationProblem("org.import.duplicateUsername", c.username(),
                        firstStaffRow.get(c.username())), locale));
                continue;
            }
            StaffMember before = c.username() == null ? null : staffNow.get(c.username());
            List<String> fields = before == null ? List.of() : staffFields(before, c, numbers);
            if (before != null && fields.isEmpty()) {
                changes.add(new Change(p.sheet(), p.rowNumber(), c.username(), Kind.UNCHANGED, List.of()));
                continue;
            }
            try {
                Counter created = newCounter(scope, c, known, counters, newCounters);
                if (created != null) {
                    changes.add(new Change(p.sheet(), p.rowNumber(), c.agencyCode() + " · " + created.name(), Kind.NEW,
                            List.of()));
                }
                StaffMember record = admin.checkStaff(scope, c, known,
                        counters.getOrDefault(c.agencyCode(), List.of()));
                staff.add(Map.entry(c, record));
                changes.add(new Change(p.sheet(), p.rowNumber(), c.username(), before == null ? Kind.NEW : Kind.CHANGED,
                        fields));
            } catch (UserFacingException e) {
                rejections.add(rejection(p, e, locale));
            }
        }
        // in the file's order: its agencies' sheet, then its staff sheet, row by row
        rejections.sort(java.util.Comparator.comparing((Rejection r) -> !r.sheet().equals(OrganizationWorkbook.AGENCIES))
                .thenComparingInt(Rejection::row));
        changes.sort(java.util.Comparator.comparing((Change c) -> !c.sheet().equals(OrganizationWorkbook.AGENCIES))
                .thenComparingInt(Change::row));
        return new Plan(changes, rejections, agencies, staff, newCounters);
    }

    /**
     * A province loads its counters with its staff: a row naming counter N of an agency of the scope that has none
     * of that number plans it ("Quầy N", renamed on the agency's page), once; a placeholder id stands for it until it
     * is created. Null when the counter exists or the row is refused anyway (the staff check says why).
     */
    private Counter newCounter(AdminScope scope, StaffChange c, Map<String, Agency> known,
                               Map<String, List<Counter>> counters, List<Counter> newCounters) {
        Integer number = c.counterNumber();
        if (number == null || number < 1 || number > 999 || c.agencyCode() == null
                || !known.containsKey(c.agencyCode()) || !scope.covers(c.agencyCode())) {
            return null;
        }
        List<Counter> atAgency = counters.computeIfAbsent(c.agencyCode(), k -> new ArrayList<>());
        if (atAgency.stream().anyMatch(k -> k.number() == number)) {
            return null;
        }
        Counter planned = new Counter(-1L - newCounters.size(), c.agencyCode(), number,
                messages.getMessage("org.import.counterName", new Object[]{number}, Locale.of("vi")));
        atAgency.add(planned);
        newCounters.add(planned);
        return planned;
    }

    private Rejection rejection(Parsed<?> p, UserFacingException e, Locale locale) {
        return new Rejection(p.sheet(), p.rowNumber(), messages.getMessage(e.messageKey(), e.arguments(), locale));
    }

    private static List<String> agencyFields(Agency b, Agency a) {
        String[] h = OrganizationWorkbook.AGENCY_COLUMNS;
        List<String> f = new ArrayList<>();
        diff(f, h[1], b.name(), a.name());
        diff(f, h[2], b.shortName(), a.shortName());
        diff(f, h[3], b.kind(), a.kind());
        diff(f, h[4], b.parentCode(), a.parentCode());
        diff(f, h[5], b.address(), a.address());
        diff(f, h[6], b.phone(), a.phone());
        diff(f, h[7], b.email(), a.email());
        diff(f, h[8], b.effectiveFrom(), a.effectiveFrom());
        diff(f, h[9], b.effectiveTo(), a.effectiveTo());
        diff(f, h[10], b.successorCode(), a.successorCode());
        return f;
    }

    private List<String> staffFields(StaffMember b, StaffChange c, Map<Long, Integer> numbers) {
        String[] h = OrganizationWorkbook.STAFF_COLUMNS;
        List<String> f = new ArrayList<>();
        diff(f, h[4], b.agencyCode(), c.agencyCode());
        diff(f, h[5], b.title(), c.title());
        diff(f, h[6], b.counterId() == null ? null : numbers.get(b.counterId()), c.counterNumber());
        diff(f, h[7], accounts.roles(b.username()), c.roles() == null ? EnumSet.noneOf(Role.class) : c.roles());
        diff(f, h[8], b.actingFrom(), c.actingFrom());
        diff(f, h[9], b.actingTo(), c.actingTo());
        return f;
    }

    private static void diff(List<String> fields, String heading, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            fields.add(heading);
        }
    }
}
