package vn.motcua.integration.nationalportal;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.motcua.dossier.DossierIntake;
import vn.motcua.dossier.InvalidDossierException;
import vn.motcua.dossier.Upload;
import vn.motcua.integration.nationalportal.NationalIntakeRepository.Intake;
import vn.motcua.integration.nationalportal.NationalPortalClient.DocumentTooLarge;
import vn.motcua.platform.audit.AuditAction;
import vn.motcua.platform.audit.AuditOutcome;
import vn.motcua.platform.audit.AuditTrail;
import vn.motcua.platform.web.UserFacingException;

/**
 * The one way in for dossiers from the National Public Service Portal, pulled or pushed. Each national dossier is
 * recorded once (its national code is unique) and waits until it is taken in: its documents fetched (only from under
 * the national portal's URL, signed, size-limited), then in ONE transaction our dossier created (checked like an
 * online submission), the record marked RECEIVED and its acknowledgement put in the outbox. A dossier this province
 * cannot take (procedure, agency, a document failing the check) is REFUSED with the reason, acknowledged the same way.
 * A fetch that fails leaves the dossier waiting for a later round, after a growing delay; it is never given up.
 */
@Service
public class NationalIntake implements NationalCodes {

    private static final Logger log = LoggerFactory.getLogger(NationalIntake.class);
    /** Reasons go back to the national portal, and are listed for the administrator, in Vietnamese. */
    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final int MAX_ERROR = 1000;

    private final NationalIntakeRepository intakes;
    private final NationalPortalClient client;
    private final IntakeMapping mapping;
    private final NationalIntakeProperties properties;
    private final DossierIntake dossiers;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final TransactionTemplate transactions;
    private final JsonMapper json;

    NationalIntake(NationalIntakeRepository intakes, NationalPortalClient client, IntakeMapping mapping,
                   NationalIntakeProperties properties, DossierIntake dossiers, AuditTrail audit,
                   MessageSource messages, TransactionTemplate transactions, JsonMapper json) {
        this.intakes = intakes;
        this.client = client;
        this.mapping = mapping;
        this.properties = properties;
        this.dossiers = dossiers;
        this.audit = audit;
        this.messages = messages;
        this.transactions = transactions;
        this.json = json;
    }

    /**
     * Where a national dossier stands after it was handed to us.
     *
     * @param state     WAITING, RECEIVED or REFUSED
     * @param localCode our dossier's code once RECEIVED
     * @param duplicate whether it had been handed to us before
     */
    public record Outcome(String nationalCode, String state, String localCode, String reason, boolean duplicate) {
    }

    public boolean available() {
        return client.available();
    }

    @Override
    public Optional<String> of(String dossierCode) {
        return intakes.nationalCode(dossierCode);
    }

    /**
     * Takes a national dossier (already read by {@link IntakeMapping#read}) from a pull or a push: records it once,
     * then tries to take it in at once unless another node is doing so.
     */
    public Outcome take(NationalDossier d, String payload, String source) {
        boolean fresh = intakes.insertIfNew(d, payload, source);
        Intake row = intakes.find(d.nationalCode()).orElseThrow();
        if (fresh || "WAITING".equals(row.state())) {
            intakes.claimDue(d.nationalCode(), properties.lease(), null).ifPresent(this::handle);
            row = intakes.find(d.nationalCode()).orElseThrow();
        }
        return new Outcome(row.nationalCode(), row.state(), row.dossierCode(), row.reason(), !fresh);
    }

    /** Asks the national portal for new dossiers and takes each in; a malformed one is skipped, never applied. */
    public int pull() {
        if (!available()) {
            return 0;
        }
        JsonNode answer = client.post(IntakeMapping.PULL_PATH,
                mapping.pullRequest(client.provinceCode(), properties.batchSize()));
        JsonNode data = answer.path(IntakeMapping.DATA);
        if (!data.isArray()) {
            throw new NationalPortalException("the national portal's answer has no data list");
        }
        int taken = 0;
        for (JsonNode node : data) {
            NationalDossier d;
            try {
                d = mapping.read(node);
            } catch (UserFacingException e) {
                log.warn("National portal pull: a malformed dossier was skipped ({} {})", e.messageKey(),
                        List.of(e.arguments()));
                continue;
            }
            try {
                take(d, node.toString(), "PULL");
                taken++;
            } catch (RuntimeException e) { // one dossier's trouble does not hold up the others: retried next pull
                log.warn("National portal pull: dossier {} could not be taken in now", d.nationalCode(), e);
            }
        }
        return taken;
    }

    /** One round over the waiting dossiers that are due, up to the batch size; answers how many were tried. */
    public int retryDue() {
        if (!available()) {
            return 0;
        }
        Instant round = intakes.now();
        for (int tried = 0; tried < properties.batchSize(); tried++) {
            Optional<Intake> next = intakes.claimDue(null, properties.lease(), round);
            if (next.isEmpty()) {
                return tried;
            }
            handle(next.get());
        }
        return properties.batchSize();
    }

    private void handle(Intake row) {
        NationalDossier d;
        try {
            d = mapping.read(json.readTree(row.payload()));
        } catch (JacksonException | UserFacingException e) {
            refuse(row, message("nationalPortal.intake.refused.malformed"));
            return;
        }
        URI base = client.base();
        for (NationalDossier.Document document : d.documents()) {
            if (!IntakeMapping.under(base, document.url())) {
                refuse(row, message("nationalPortal.intake.refused.url", document.fileName()));
                return;
            }
        }
        try {
            transactions.executeWithoutResult(status -> {
                if (!intakes.lockWaiting(row.id())) {
                    return; // decided by another node meanwhile
                }
                DossierIntake.Taken taken = dossiers.fromNationalPortal(mapping.newDossier(d), d.nationalCode(),
                        () -> fetch(d), VIETNAMESE);
                intakes.decide(row.id(), true, taken.dossierId(), taken.code(), null,
                        mapping.acknowledgement(d.nationalCode(), taken.code(), true, null));
                audit.record(AuditAction.NATIONAL_DOSSIER_RECEIVED, taken.code(),
                        AuditTrail.dataSubject(null, d.holder().idNumber()), AuditOutcome.OK,
                        "MaHoSo " + d.nationalCode());
            });
            log.info("National dossier {} received", d.nationalCode());
        } catch (InvalidDossierException e) {
            refuse(row, String.join(" ", e.problems()));
        } catch (DocumentTooLarge e) {
            refuse(row, message("nationalPortal.intake.refused.tooLarge", e.maxBytes() / (1024 * 1024)));
        } catch (RuntimeException e) {
            int failures = row.attempts() + 1;
            log.info("National dossier {} not taken in yet (attempt {}), will retry: {}", d.nationalCode(), failures,
                    e.getMessage());
            if (!(e instanceof NationalPortalException)) {
                log.warn("National dossier {}: unexpected failure", d.nationalCode(), e);
            }
            intakes.markFailed(row.id(), abbreviate(e.getMessage()), properties.retryDelay(failures));
        }
    }

    private List<Upload> fetch(NationalDossier d) {
        List<Upload> uploads = new ArrayList<>();
        for (NationalDossier.Document document : d.documents()) {
            byte[] content = client.document(URI.create(document.url()), properties.maxDocumentSize().toBytes());
            uploads.add(new Upload(document.documentIndex(), document.fileName(), content, false));
        }
        return uploads;
    }

    private void refuse(Intake row, String reason) {
        transactions.executeWithoutResult(status -> {
            if (!intakes.lockWaiting(row.id())) {
                return;
            }
            intakes.decide(row.id(), false, null, null, reason,
                    mapping.acknowledgement(row.nationalCode(), null, false, reason));
            audit.record(AuditAction.NATIONAL_DOSSIER_REFUSED, row.nationalCode(),
                    AuditTrail.dataSubject(null, row.applicantId()), AuditOutcome.OK, abbreviate(reason));
        });
        log.info("National dossier {} refused: {}", row.nationalCode(), reason);
    }

    /** One round over the acknowledgements owed, up to the batch size; answers how many were sent. */
    public int sendAcknowledgements() {
        if (!available()) {
            return 0;
        }
        int sent = 0;
        Instant round = intakes.now();
        for (int tried = 0; tried < properties.batchSize(); tried++) {
            Optional<NationalIntakeRepository.Ack> next = intakes.claimAck(properties.lease(), round);
            if (next.isEmpty()) {
                break;
            }
            NationalIntakeRepository.Ack ack = next.get();
            try {
                client.post(IntakeMapping.ACK_PATH, ack.body());
                intakes.ackSent(ack.id());
                sent++;
            } catch (RuntimeException e) {
                log.info("Acknowledgement of national dossier {} not sent (attempt {}), will retry: {}",
                        ack.nationalCode(), ack.attempts() + 1, e.getMessage());
                intakes.ackFailed(ack.id(), abbreviate(e.getMessage()), properties.retryDelay(ack.attempts() + 1));
            }
        }
        return sent;
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, VIETNAMESE);
    }

    private static String abbreviate(String text) {
        return text == null ? null : text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
    }
}
