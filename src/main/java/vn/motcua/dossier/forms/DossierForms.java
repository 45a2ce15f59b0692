package vn.motcua.dossier.forms;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.RequiredDocument;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.DossierView.HistoryEntry;
import vn.motcua.dossier.TrackingLinks;
import vn.motcua.organization.Agency;
import vn.motcua.organization.OrganizationService;
import vn.motcua.platform.MotCuaProperties;
import vn.motcua.platform.web.UserFacingException;

/**
 * Fills the official forms from a dossier: which forms a dossier has at this point of its life, and each one's
 * data, taken from the dossier, its history, pauses and apologies. Rendering is {@link OfficialForms}'s.
 */
@Component
public class DossierForms {

    /** The forms of a single dossier, by number; 07 (the dossier log) covers a counter and a period. */
    public static final Set<String> NUMBERS = Set.of("01", "02", "03", "04", "05", "06");

    private final OfficialForms forms;
    private final TrackingLinks trackingLinks;
    private final OrganizationService organization;
    private final MotCuaProperties properties;
    private final Clock clock;

    DossierForms(OfficialForms forms, OrganizationService organization, MotCuaProperties properties,
                 TrackingLinks trackingLinks, Clock clock) {
        this.forms = forms;
        this.trackingLinks = trackingLinks;
        this.organization = organization;
        this.properties = properties;
        this.clock = clock;
    }

    /** The forms this dossier has now, in number order. */
    public List<String> available(DossierView d) {
        List<String> available = new ArrayList<>();
        boolean received = d.receivedAt() != null;
        if (received) {
            available.add("01");
        }
        if (!d.pauses().isEmpty()) {
            available.add("02");
        }
        if (d.status() == DossierStatus.REFUSED && !received) {
            available.add("03");
        }
        if (!d.apologies().isEmpty()) {
            available.add("04");
        }
        if (d.status() == DossierStatus.REFUSED && received) {
            available.add("05");
        }
        if (received) {
            available.add("06");
        }
        return available;
    }

    /**
     * The documents form 01 lists: those handed in as files, and those the dossier had to include (mandatory, or
     * required by its answers), which a received dossier has on paper. An optional document not handed in is left out.
     */
    static List<FormData.DocumentLine> handedIn(DossierView d, Procedure procedure) {
        if (procedure == null) {
            return List.of();
        }
        List<FormData.DocumentLine> lines = new ArrayList<>();
        for (int i = 0; i < procedure.documents().size(); i++) {
            RequiredDocument document = procedure.documents().get(i);
            Integer index = i;
            if (document.requiredFor(d.formData()) || d.files().stream()
                    .anyMatch(f -> !"RESULT".equals(f.kind()) && index.equals(f.documentIndex()))) {
                lines.add(new FormData.DocumentLine(document.name(), document.originals(), document.copies()));
            }
        }
        return lines;
    }

    public byte[] render(DossierView d, Procedure procedure, String number) {
        if (!available(d).contains(number)) {
            throw UserFacingException.notFound("dossier.form.notAvailable", number);
        }
        Map<String, Agency> agencies = organization.agenciesByCode();
        FormData.Applicant applicant = applicant(d);
        String tracking = trackingUrl(d.code());
        return switch (number) {
            case "01" -> forms.receiptSlip(new FormData.ReceiptSlip(issuer(d.receivingAgency(), agencies),
                    logNumber(d), d.code(), applicant, d.applicant().fullName(), d.procedureName(),
                    handedIn(d, procedure),
                    d.sets(), processingTime(d), d.receivedAt(), d.dueAt(), name(d.receivingAgency(), agencies),
                    logEntry(d), actorOf(d, "RECEIVE"), tracking));
            case "02" -> {
                DossierView.PauseInfo pause = d.pauses().getLast();
                HistoryEntry asked = last(d, "REQUEST_SUPPLEMENT");
                yield forms.supplementRequest(new FormData.SupplementRequest(issuer(asked == null ? d.receivingAgency()
                        : orElse(asked.agencyCode(), d.receivingAgency()), agencies), logNumber(d), d.code(),
                        pause.startedAt(), applicant, d.procedureName(), pause.items().stream()
                        .map(item -> new FormData.SupplementItem(item, pause.note())).toList(),
                        asked == null ? null : asked.actorName(), agencyPhone(d.receivingAgency(), agencies), tracking));
            }
            case "03" -> {
                HistoryEntry refused = last(d, "REFUSE");
                yield forms.refusal(new FormData.Refusal(issuer(d.receivingAgency(), agencies), logNumber(d), d.code(),
                        refused.at(), applicant, d.procedureName(), orElse(refused.note(), ""), refused.actorName(),
                        tracking));
            }
            case "04" -> {
                DossierView.ApologyInfo apology = d.apologies().getLast();
                HistoryEntry by = last(d, "APOLOGIZE");
                yield forms.apology(new FormData.Apology(issuer(d.competentAgency(), agencies), logNumber(d), d.code(),
                        apology.at(), applicant, d.procedureName(), d.receivedAt(), apology.previousDueAt(),
                        apology.reason(), apology.newDueAt(), apology.signerName() != null
                        ? new FormData.Signer(null, signingTitle(apology.signerTitle()), apology.signerName())
                        : signer(by), tracking));
            }
            case "05" -> {
                HistoryEntry stopped = last(d, "REFUSE");
                yield forms.stopNotice(new FormData.StopNotice(issuer(d.competentAgency(), agencies), logNumber(d),
                        d.code(), stopped.at(), applicant, d.procedureName(), d.receivedAt(),
                        orElse(stopped.note(), ""), signer(stopped), tracking));
            }
            case "06" -> forms.controlSheet(new FormData.ControlSheet(issuer(d.receivingAgency(), agencies), d.code(),
                    logNumber(d), applicant, d.procedureName(), name(d.competentAgency(), agencies), d.receivedAt(),
                    d.dueAt(), d.status() == DossierStatus.RETURNED ? d.finishedAt() : null, handOvers(d, agencies),
                    tracking));
            default -> throw UserFacingException.notFound("dossier.form.notAvailable", number);
        };
    }

    /**
     * The result document of a dossier laid out from what was decided: the competent agency as issuer, the approving
     * leader as signer, the procedure's result type from the catalog.
     */
    public byte[] resultDocument(DossierView d, Procedure procedure, String content, Instant at) {
        Map<String, Agency> agencies = organization.agenciesByCode();
        return forms.resultDocument(new FormData.ResultDocument(issuer(d.currentAgency(), agencies), d.code(), at,
                applicant(d), d.procedureName(), procedure == null ? null : procedure.result(), content,
                signer(last(d, "APPROVE"))));
    }

    /** Form 07: the dossier log of a counter's agency for a period. */
    public byte[] dossierLog(String agencyCode, String counterName, LocalDate from, LocalDate to,
                             List<DossierView> received) {
        Map<String, Agency> agencies = organization.agenciesByCode();
        List<FormData.LogRow> rows = new ArrayList<>();
        int no = 0;
        for (DossierView d : received) {
            rows.add(new FormData.LogRow(++no, d.code(), d.procedureName(), d.sets(), applicant(d),
                    name(d.competentAgency(), agencies), d.receivedAt(), d.dueAt(), firstAfterReception(d),
                    d.resultAt(), d.status() == DossierStatus.RETURNED ? d.finishedAt() : null, null));
        }
        return forms.dossierLog(new FormData.DossierLog(issuer(agencyCode, agencies), counterName,
                "01/" + from.getYear(), from, to, clock.instant(), rows));
    }

    private List<FormData.HandOver> handOvers(DossierView d, Map<String, Agency> agencies) {
        List<FormData.HandOver> rows = new ArrayList<>();
        List<HistoryEntry> history = d.history();
        for (int i = 0; i < history.size(); i++) {
            HistoryEntry h = history.get(i);
            if (!Set.of("RECEIVE", "FORWARD", "APPROVE", "SEND_BACK", "TRANSFER", "ISSUE_RESULT", "RETURN_RESULT")
                    .contains(h.action())) {
                continue;
            }
            HistoryEntry next = i + 1 < history.size() ? history.get(i + 1) : null;
            FormData.Timeliness timeliness = d.dueAt() == null ? null
                    : h.at().isAfter(d.legalDueAt() == null ? d.dueAt() : d.legalDueAt()) ? FormData.Timeliness.LATE
                    : FormData.Timeliness.ON_TIME;
            rows.add(new FormData.HandOver(name(orElse(h.agencyCode(), d.currentAgency()), agencies), h.at(),
                    h.actorName(), next == null ? null : next.actorName(), timeliness, h.note()));
        }
        return rows;
    }

    private Instant firstAfterReception(DossierView d) {
        return d.history().stream().filter(h -> "FORWARD".equals(h.action())).map(HistoryEntry::at).findFirst()
                .orElse(null);
    }

    private FormData.Issuer issuer(String agencyCode, Map<String, Agency> agencies) {
        Agency agency = agencies.get(agencyCode);
        if (agency == null) {
            return new FormData.Issuer(null, agencyCode, properties.placeName());
        }
        Agency parent = agency.parentCode() == null ? null : agencies.get(agency.parentCode());
        return new FormData.Issuer(parent == null ? null : parent.name(), agency.name(), properties.placeName());
    }

    private static FormData.Applicant applicant(DossierView d) {
        return new FormData.Applicant(d.applicant().fullName(), d.applicant().address(), d.applicant().phone(),
                d.applicant().email());
    }

    /** The official who took the action signs under the title of their staff record. */
    private FormData.Signer signer(HistoryEntry by) {
        String title = by == null || by.actor() == null ? null
                : organization.staffMember(by.actor()).map(s -> s.title()).orElse(null);
        return new FormData.Signer(null, signingTitle(title), by == null ? null : by.actorName());
    }

    /** A title as a signature block prints it, in capitals; the generic one when none is known. */
    private static String signingTitle(String title) {
        return title == null || title.isBlank() ? "LÃNH ĐẠO CƠ QUAN" : title.strip().toUpperCase(java.util.Locale.forLanguageTag("vi"));
    }

    private static String processingTime(DossierView d) {
        return d.processingDays() == 0 ? "Trong ngày làm việc" : d.processingDays() + " ngày làm việc";
    }

    private static String logNumber(DossierView d) {
        return d.code().substring(d.code().lastIndexOf('-') + 1);
    }

    private static FormData.LogEntry logEntry(DossierView d) {
        return new FormData.LogEntry("01/" + d.receivedAt().atZone(OfficialForms.ZONE).getYear(),
                Integer.parseInt(logNumber(d)));
    }

    private static String actorOf(DossierView d, String action) {
        HistoryEntry h = last(d, action);
        return h == null ? null : h.actorName();
    }

    private static HistoryEntry last(DossierView d, String action) {
        HistoryEntry found = null;
        for (HistoryEntry h : d.history()) {
            if (action.equals(h.action())) {
                found = h;
            }
        }
        return found;
    }

    private static String name(String code, Map<String, Agency> agencies) {
        Agency agency = agencies.get(code);
        return agency == null ? code : agency.name();
    }

    private static String agencyPhone(String code, Map<String, Agency> agencies) {
        Agency agency = agencies.get(code);
        return agency == null ? null : agency.phone();
    }

    /** The dossier's own tracking link, with its key: the QR code opens its status with nothing to type. */
    private String trackingUrl(String code) {
        return trackingLinks.of(code);
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
