package vn.motcua.audit.web;

import static vn.motcua.platform.text.Texts.blank;
import static vn.motcua.platform.text.Texts.blankToNull;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditProperties;
import vn.motcua.audit.AuditQuery;
import vn.motcua.audit.AuditService;
import vn.motcua.audit.Verification;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.organization.Agency;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffMember;
import vn.motcua.platform.audit.AuditAction;
import vn.motcua.platform.audit.AuditOutcome;
import vn.motcua.platform.audit.AuditTrail;
import vn.motcua.platform.web.UserFacingException;
import vn.motcua.platform.web.VietnamTime;

/**
 * The back office's audit page ({@code /quan-tri/nhat-ky}): search by account, subject, action and days, the newest
 * entries first; the same search as CSV; and the integrity check of every chain. A province administrator sees the
 * whole trail, an agency administrator the entries of officials of their agency and those below it. Exporting and
 * checking are themselves put on the trail.
 */
@Controller
class AuditAdminPage {

    static final int PAGE = 200;
    static final int EXPORT_LIMIT = 100_000;

    private final AuditService audit;
    private final AuditTrail trail;
    private final AuditProperties properties;
    private final OrganizationService organization;
    private final MessageSource messages;
    private final Clock clock;

    AuditAdminPage(AuditService audit, AuditTrail trail, AuditProperties properties, OrganizationService organization,
                   MessageSource messages, Clock clock) {
        this.clock = clock;
        this.audit = audit;
        this.trail = trail;
        this.properties = properties;
        this.organization = organization;
        this.messages = messages;
    }

    @GetMapping("/quan-tri/nhat-ky")
    String search(@RequestParam(name = "taiKhoan", required = false) String account,
                  @RequestParam(name = "doiTuong", required = false) String subject,
                  @RequestParam(name = "thaoTac", required = false) String action,
                  @RequestParam(name = "tu", required = false) String from,
                  @RequestParam(name = "den", required = false) String to,
                  @AuthenticationPrincipal CurrentUser user, Model model) {
        AuditQuery query = query(account, subject, action, from, to, user);
        model.addAttribute("entries", audit.search(query, PAGE));
        model.addAttribute("limit", PAGE);
        model.addAttribute("q", query);
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("agencies", organization.agenciesByCode());
        model.addAttribute("enabled", properties.enabled());
        return "audit/admin";
    }

    @GetMapping("/quan-tri/nhat-ky/xuat.csv")
    void export(@RequestParam(name = "taiKhoan", required = false) String account,
                @RequestParam(name = "doiTuong", required = false) String subject,
                @RequestParam(name = "thaoTac", required = false) String action,
                @RequestParam(name = "tu", required = false) String from,
                @RequestParam(name = "den", required = false) String to,
                @AuthenticationPrincipal CurrentUser user, HttpServletResponse response) throws IOException {
        AuditQuery query = query(account, subject, action, from, to, user);
        trail.record(AuditAction.AUDIT_EXPORTED, null, null, AuditOutcome.OK, describe(query));
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename("nhat-ky-" + LocalDate.now(clock.withZone(VietnamTime.ZONE)) + ".csv").build().toString());
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        writer.write('\uFEFF'); // so that Excel reads the Vietnamese as UTF-8
        try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader("id", "stream", "seq", "at",
                "actor", "roles", "agency", "action", "subject", "data_subject", "client", "outcome", "detail",
                "prev_hash", "hash").get())) {
            audit.export(query, EXPORT_LIMIT, e -> print(csv, e));
        }
    }

    @PostMapping("/quan-tri/nhat-ky/kiem-tra")
    String verify(RedirectAttributes redirect, Locale locale) {
        Verification result = audit.verify();
        trail.record(AuditAction.AUDIT_VERIFIED, null, null, result.intact() ? AuditOutcome.OK : AuditOutcome.FAILED,
                result.toString());
        redirect.addFlashAttribute("verificationOk", result.intact()); // flash attributes go to the session table: plain values
        redirect.addFlashAttribute("verificationText", result.intact()
                ? messages.getMessage("audit.verify.ok", new Object[]{result.checked()}, locale)
                : messages.getMessage("audit.verify.broken", new Object[]{result.stream(), result.seq(),
                result.entryId() == null ? "—" : result.entryId(), result.problem()}, locale));
        return "redirect:/quan-tri/nhat-ky";
    }

    private AuditQuery query(String account, String subject, String action, String from, String to, CurrentUser user) {
        LocalDate start = date(from);
        LocalDate end = date(to);
        if (start != null && end != null && end.isBefore(start)) {
            throw UserFacingException.badRequest("audit.invalid.period");
        }
        String code = blankToNull(action);
        if (code != null && Arrays.stream(AuditAction.values()).noneMatch(a -> a.name().equals(code))) {
            throw UserFacingException.badRequest("audit.invalid.action", code);
        }
        return new AuditQuery(blankToNull(account), blankToNull(subject), code,
                start, end, scope(user));
    }

    /** Null (everything) for a province administrator; else the agencies of the administrator's subtree. */
    private List<String> scope(CurrentUser user) {
        if (user.roles().contains(Role.PROVINCE_ADMIN)) {
            return null;
        }
        return organization.staffMember(user.getUsername()).map(StaffMember::agencyCode)
                .map(code -> organization.subtree(code).stream().map(Agency::code).toList()).orElse(List.of());
    }

    private static LocalDate date(String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw UserFacingException.badRequest("audit.invalid.date", value);
        }
    }

    private static String describe(AuditQuery q) {
        return "account=" + q.account() + " subject=" + q.subject() + " action=" + q.action() + " from=" + q.from()
                + " to=" + q.to();
    }

    private static void print(CSVPrinter csv, AuditEntry e) {
        try {
            csv.printRecord(e.id(), e.stream(), e.seq(), e.at(), e.actor(), e.roles(), e.agencyCode(), e.action(),
                    e.subject(), e.dataSubject(), e.client(), e.outcome(), e.detail(), e.prevHash(), e.hash());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
