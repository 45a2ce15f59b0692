package vn.motcua.catalog.national;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import vn.motcua.catalog.CatalogChanged;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureAnnouncement;
import vn.motcua.catalog.ProcedureLevel;
import vn.motcua.catalog.RequiredDocument;
import vn.motcua.catalog.internal.CatalogRepository;
import vn.motcua.catalog.internal.ProcedureValidator;
import vn.motcua.catalog.national.NationalCatalogClient.Fetched;
import vn.motcua.catalog.national.NationalCatalogPreviewRepository.Stored;
import vn.motcua.catalog.national.NationalDifference.Change;
import vn.motcua.catalog.national.NationalDifference.Entry;
import vn.motcua.catalog.national.NationalDifference.Kind;
import vn.motcua.platform.audit.AuditAction;
import vn.motcua.platform.audit.AuditTrail;
import vn.motcua.platform.security.Hashes;
import vn.motcua.platform.web.VietnamTime;

/**
 * Imports procedures from the national procedure database in two steps: a fetch is stored as a preview and shown as
 * a difference against the catalog; "Áp dụng" applies exactly that preview, all of it in one transaction, once. The
 * national side owns a procedure's published content (name, field, level, deciding agency, time, documents,
 * applicants, requirements, legal basis, result, steps, announcing decision and dates); the province keeps what it
 * configured: its deciding agencies, online level, fee schedule and fee note, online form, each document's template
 * and condition, and the process (which lives in the workflow, untouched here).
 */
@Service
public class NationalCatalogImports {

    /** A preview older than this is not applied: the national side may have changed since. */
    static final Duration PREVIEW_LIFETIME = Duration.ofHours(1);
    static final int MAX_CODES = 100;

    private final NationalCatalogClient client;
    private final NationalCatalogPreviewRepository previews;
    private final CatalogRepository catalog;
    private final ProcedureValidator validator;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final AuditTrail trail;

    NationalCatalogImports(NationalCatalogClient client, NationalCatalogPreviewRepository previews,
                           CatalogRepository catalog, ProcedureValidator validator, JsonMapper json,
                           ApplicationEventPublisher events, AuditTrail trail) {
        this.client = client;
        this.previews = previews;
        this.catalog = catalog;
        this.validator = validator;
        this.json = json;
        this.events = events;
        this.trail = trail;
    }

    public boolean configured() {
        return client.configured();
    }

    /** The codes typed one per line (or separated by commas or spaces), once each. */
    static List<String> codes(String text) throws NationalCatalogException {
        List<String> codes = Arrays.stream(text == null ? new String[0] : text.split("[\\s,;]+"))
                .map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (codes.size() > MAX_CODES) {
            throw new NationalCatalogException("national.catalog.tooManyCodes", MAX_CODES);
        }
        for (String code : codes) {
            if (!code.matches("\\d\\.\\d{6}")) {
                throw new NationalCatalogException("national.catalog.badCode", code);
            }
        }
        return codes;
    }

    /**
     * Fetches the procedures with these codes, or of this field when no code is given, and stores the preview.
     *
     * @throws NationalCatalogException when nothing was asked, or the fetch failed; nothing is stored then
     */
    public UUID preview(String codeText, String fieldCode, String user, Locale locale) throws NationalCatalogException {
        List<String> codes = codes(codeText);
        String field = fieldCode == null ? "" : fieldCode.strip();
        Fetched fetched;
        String request;
        if (!codes.isEmpty()) {
            fetched = client.byCodes(codes);
            request = String.join(", ", codes);
        } else if (!field.isEmpty() && field.length() <= 50 && field.matches("[\\p{L}\\p{N}._-]+")) {
            fetched = client.byField(field);
            request = "MaLinhVuc " + field;
        } else {
            throw new NationalCatalogException(field.isEmpty() ? "national.catalog.nothingAsked" : "national.catalog.badField");
        }
        String content = json.writeValueAsString(fetched.procedures());
        UUID id = UUID.randomUUID();
        String hash = compare(fetched.procedures(), fetched.unknown(), locale).hash;
        previews.save(id, request, hash, content, fetched.unknown(), fetched.duplicates(), user);
        trail.changed(AuditAction.NATIONAL_CATALOG_FETCHED, "nhap-quoc-gia/" + id,
                request + ": " + fetched.procedures().size() + " found, " + fetched.unknown().size() + " unknown");
        return id;
    }

    /** A stored preview against the catalog as it is now. */
    public Optional<NationalDifference> difference(UUID id, Locale locale) {
        return previews.find(id).map(stored -> difference(stored, locale));
    }

    private NationalDifference difference(Stored stored, Locale locale) {
        Comparison c = compare(read(stored.procedures()), stored.unknown(), locale);
        boolean stale = !c.hash.equals(stored.contentHash())
                || stored.createdAt().plus(PREVIEW_LIFETIME).isBefore(previews.now());
        return new NationalDifference(stored.id(), stored.request(), stored.contentHash(), c.entries, stored.unknown(),
                stored.duplicates(), stored.createdBy(), stored.createdAt(), stored.appliedAt(), stale);
    }

    /**
     * Applies the preview with this id if it is still what the administrator saw ({@code hash}): all its new and
     * changed procedures in one transaction, or none.
     *
     * @return how many procedures were created or changed
     * @throws NationalCatalogException when the preview is unknown, applied already, too old, or no longer matches
     *                                  the catalog; nothing is changed then
     */
    @Transactional(rollbackFor = Exception.class)
    public int apply(UUID id, String hash, String user, Locale locale) throws NationalCatalogException {
        Stored stored = previews.lock(id).orElseThrow(() -> new NationalCatalogException("national.catalog.preview.notFound"));
        if (stored.appliedAt() != null) {
            throw new NationalCatalogException("national.catalog.preview.applied",
                    VietnamTime.DATE_TIME.format(stored.appliedAt()));
        }
        NationalDifference difference = difference(stored, locale);
        if (difference.stale() || !stored.contentHash().equals(hash)) {
            throw new NationalCatalogException("national.catalog.preview.stale");
        }
        int applied = 0;
        for (Entry e : difference.entries()) {
            if (e.kind() != Kind.NEW && e.kind() != Kind.CHANGED) {
                continue;
            }
            catalog.save(e.merged());
            NationalProcedure n = e.national();
            catalog.announce(e.code(), n.decisionNumber(), n.decisionDate(), n.effectiveDate());
            trail.changed(AuditAction.NATIONAL_CATALOG_APPLIED, e.code(), e.kind() == Kind.NEW ? "created"
                    : "updated: " + e.changes().stream().map(Change::field).collect(Collectors.joining(", ")));
            applied++;
        }
        previews.applied(id, user);
        if (applied > 0) {
            events.publishEvent(new CatalogChanged(applied));
        }
        return applied;
    }

    private List<NationalProcedure> read(String content) {
        return json.readValue(content, new TypeReference<List<NationalProcedure>>() {
        });
    }

    private record Comparison(List<Entry> entries, String hash) {
    }

    /** The difference, and a hash of the fetched content and of the catalog rows it was compared with. */
    private Comparison compare(List<NationalProcedure> fetched, List<String> unknown, Locale locale) {
        Map<String, Procedure> local = catalog.findAll().stream()
                .collect(Collectors.toMap(Procedure::code, Function.identity()));
        Map<String, ProcedureAnnouncement> announced = catalog.announcements().stream()
                .collect(Collectors.toMap(ProcedureAnnouncement::code, Function.identity()));
        List<Entry> entries = new ArrayList<>();
        List<Object> baseline = new ArrayList<>();
        for (NationalProcedure n : fetched) {
            Procedure before = local.get(n.code());
            ProcedureAnnouncement announcement = announced.get(n.code());
            baseline.add(before == null ? "-" : before);
            baseline.add(announcement == null ? "-" : announcement);
            Procedure merged = merge(before, n.procedure());
            List<String> problems = validator.problems(merged, locale);
            List<Change> changes = before == null ? List.of() : changes(before, announcement, merged, n);
            Kind kind = !problems.isEmpty() ? Kind.INVALID
                    : before == null ? Kind.NEW : changes.isEmpty() ? Kind.UNCHANGED : Kind.CHANGED;
            entries.add(new Entry(n.code(), n.procedure().name(), kind, changes, problems, merged, n));
        }
        String hash = Hashes.sha256Hex(json.writeValueAsString(fetched) + "\n" + String.join(",", unknown) + "\n"
                + json.writeValueAsString(baseline));
        return new Comparison(entries, hash);
    }

    /** The national content with what the province configured kept (see the class comment). */
    static Procedure merge(Procedure local, Procedure national) {
        if (local == null) {
            // A commune-level procedure without agencies is done by every commune; the national agency codes of a
            // province-level one must be this province's agencies (the validator says when they are not).
            List<String> agencies = national.level() == ProcedureLevel.COMMUNE ? List.of() : national.agencies();
            return new Procedure(national.code(), national.name(), national.field(), national.level(),
                    national.implementingAgency(), agencies, national.onlineLevel(), national.processingDays(),
                    national.processingTime(), national.fees(), national.feeNote(), national.documents(),
                    national.applicantTypes(), national.requirements(), national.legalBasis(), national.result(),
                    national.steps(), List.of());
        }
        List<RequiredDocument> documents = national.documents().stream().map(d -> local.documents().stream()
                .filter(l -> l.name().equals(d.name())).findFirst()
                .map(l -> new RequiredDocument(d.name(), d.originals(), d.copies(), d.mandatory(),
                        l.template() != null ? l.template() : d.template(), l.requiredWhen(),
                        l.heldByState() || d.heldByState())) // the province's "Nhà nước đã có" is its own too
                .orElse(d)).toList();
        return new Procedure(local.code(), or(national.name(), local.name()), or(national.field(), local.field()),
                national.level() != null ? national.level() : local.level(),
                or(national.implementingAgency(), local.implementingAgency()), local.agencies(), local.onlineLevel(),
                national.processingDays() >= 0 ? national.processingDays() : local.processingDays(),
                or(national.processingTime(), local.processingTime()), local.fees(), local.feeNote(),
                documents.isEmpty() ? local.documents() : documents,
                national.applicantTypes().isEmpty() ? local.applicantTypes() : national.applicantTypes(),
                or(national.requirements(), local.requirements()),
                national.legalBasis().isEmpty() ? local.legalBasis() : national.legalBasis(),
                or(national.result(), local.result()), or(national.steps(), local.steps()), local.formFields());
    }

    private static String or(String value, String otherwise) {
        return value != null ? value : otherwise;
    }

    private static List<Change> changes(Procedure before, ProcedureAnnouncement announcement, Procedure after,
                                        NationalProcedure n) {
        List<Change> changes = new ArrayList<>();
        change(changes, "name", before.name(), after.name());
        change(changes, "field", before.field(), after.field());
        change(changes, "level", before.level(), after.level());
        change(changes, "implementingAgency", before.implementingAgency(), after.implementingAgency());
        change(changes, "processingDays", before.processingDays(), after.processingDays());
        change(changes, "processingTime", before.processingTime(), after.processingTime());
        change(changes, "documents", documents(before), documents(after));
        change(changes, "applicantTypes", before.applicantTypes(), after.applicantTypes());
        change(changes, "requirements", before.requirements(), after.requirements());
        change(changes, "legalBasis", String.join("\n", before.legalBasis()), String.join("\n", after.legalBasis()));
        change(changes, "result", before.result(), after.result());
        change(changes, "steps", before.steps(), after.steps());
        ProcedureAnnouncement a = announcement == null ? new ProcedureAnnouncement(n.code(), null, null, null, null) : announcement;
        change(changes, "decisionNumber", a.decisionNumber(), n.decisionNumber());
        change(changes, "decisionDate", day(a.decisionDate()), day(n.decisionDate()));
        change(changes, "effectiveDate", day(a.effectiveDate()), day(n.effectiveDate()));
        return changes;
    }

    private static String documents(Procedure p) {
        // "•" a mandatory document, "◦" an optional one; originals/copies (the page's legend says so)
        return p.documents().stream().map(d -> (d.mandatory() ? "• " : "◦ ") + d.name() + " (" + d.originals() + "/"
                + d.copies() + ")").collect(Collectors.joining("\n"));
    }

    private static String day(LocalDate day) {
        return day == null ? null : VietnamTime.DATE.format(day);
    }

    private static void change(List<Change> changes, String field, Object before, Object after) {
        String b = before == null ? "" : before.toString();
        String a = after == null ? "" : after.toString();
        if (!Objects.equals(b, a)) {
            changes.add(new Change(field, b, a));
        }
    }
}
