package vn.motcua.integration.nationalportal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.motcua.platform.audit.AuditAction;
import vn.motcua.platform.audit.AuditTrail;

/**
 * The administrator's list of national dossiers: received, waiting for their documents (with the attempts) and
 * refused (with the reason), each with its acknowledgement's state; personal data masked. In demo mode it links to
 * the national portal's sandbox.
 */
@Controller
class NationalIntakePages {

    static final int LIMIT = 200;
    private static final Set<String> STATES = Set.of("WAITING", "RECEIVED", "REFUSED");

    private final NationalIntakeRepository intakes;
    private final NationalPortalProperties properties;
    private final AuditTrail audit;
    private final String sandboxUrl;

    NationalIntakePages(NationalIntakeRepository intakes, NationalPortalProperties properties, AuditTrail audit,
                        @Value("${" + NationalPortalSandbox.URL_PROPERTY + ":}") String sandboxUrl) {
        this.intakes = intakes;
        this.properties = properties;
        this.audit = audit;
        this.sandboxUrl = sandboxUrl;
    }

    /** One national dossier as listed, its applicant masked. */
    record Row(String nationalCode, String procedureCode, String agencyCode, String applicant, String idNumber,
               String source, String state, String reason, String dossierCode, int attempts, String lastError,
               Instant nextAttemptAt, Instant receivedAt, Instant decidedAt, String ack, int ackAttempts,
               String ackError) {
    }

    @GetMapping("/quan-tri/lien-thong/ho-so-den")
    String list(@RequestParam(name = "trangThai", defaultValue = "") String state, Model model, Locale locale) {
        String chosen = STATES.contains(state) ? state : null;
        List<Row> rows = intakes.latest(chosen, LIMIT).stream().map(NationalIntakePages::row).toList();
        audit.record(AuditAction.NATIONAL_INTAKE_VIEWED, "/quan-tri/lien-thong/ho-so-den", null,
                vn.motcua.platform.audit.AuditOutcome.OK, chosen);
        model.addAttribute("rows", rows);
        model.addAttribute("state", chosen == null ? "" : chosen);
        model.addAttribute("states", List.of("RECEIVED", "WAITING", "REFUSED"));
        model.addAttribute("limit", LIMIT);
        model.addAttribute("configured", properties.configured());
        boolean sandbox = !sandboxUrl.isBlank() && properties.url() != null
                && properties.url().toString().equals(sandboxUrl);
        model.addAttribute("sandboxUrl", sandbox ? sandboxUrl + "/" : null);
        return "integration/national-intake";
    }

    private static Row row(NationalIntakeRepository.Intake i) {
        String ack = i.ackSentAt() != null ? "SENT" : i.ackAttempts() == null ? "NONE"
                : i.ackAttempts() > 0 ? "FAILING" : "PENDING";
        return new Row(i.nationalCode(), i.procedureCode(), i.agencyCode(), maskName(i.applicantName()),
                maskId(i.applicantId()), i.source(), i.state(), i.reason(), i.dossierCode(), i.attempts(),
                i.lastError(), i.nextAttemptAt(), i.receivedAt(), i.decidedAt(), ack,
                i.ackAttempts() == null ? 0 : i.ackAttempts(), i.ackError());
    }

    /** "Nguyễn Văn An" as "N*** V*** A***": enough to tell dossiers apart, not to identify the person. */
    static String maskName(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        StringBuilder masked = new StringBuilder();
        for (String word : name.strip().split("\\s+")) {
            masked.append(masked.isEmpty() ? "" : " ").append(word.codePoints().limit(1)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)).append("***");
        }
        return masked.toString();
    }

    /** An identification number with only its last three digits shown. */
    static String maskId(String id) {
        if (id == null || id.isBlank()) {
            return "";
        }
        String s = id.strip();
        return s.length() <= 3 ? "***" : "*".repeat(s.length() - 3) + s.substring(s.length() - 3);
    }
}
