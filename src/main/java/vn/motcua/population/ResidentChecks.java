package vn.motcua.population;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.dossier.DossierRef;
import vn.motcua.dossier.ResidentCheck;
import vn.motcua.identity.Actor;
import vn.motcua.platform.audit.AuditAction;
import vn.motcua.platform.audit.AuditOutcome;
import vn.motcua.platform.audit.AuditTrail;
import vn.motcua.population.LgspClient.Unreachable;
import vn.motcua.population.internal.CheckRepository;
import vn.motcua.population.internal.CheckRepository.Check;

/**
 * The applicant's identity checked against the national population database ({@link ResidentCheck} for the dossier
 * module): asked at submission and reception, kept per dossier, and while the LGSP is unreachable kept PENDING and
 * asked again every {@code retry-interval} after a growing delay, on one node at a time, until the
 * {@code retry-window} has passed; after that it stays pending, listed for officials, who may re-run it. Every
 * question to the register is on the audit trail as a read of the applicant's personal data.
 */
@Service
public class ResidentChecks implements ResidentCheck, SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ResidentChecks.class);

    private final LgspClient client;
    private final CheckRepository checks;
    private final PopulationProperties properties;
    private final AuditTrail audit;
    private final TransactionTemplate ownTransaction;
    private final MessageSource messages;
    private final Clock clock;

    ResidentChecks(LgspClient client, CheckRepository checks, PopulationProperties properties, AuditTrail audit,
                   PlatformTransactionManager transactions, MessageSource messages, Clock clock) {
        this.client = client;
        this.checks = checks;
        this.properties = properties;
        this.audit = audit;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (client.available()) {
            registrar.addFixedDelayTask(new FixedDelayTask(this::retryDue, properties.retryInterval(),
                    properties.retryInterval()));
        }
    }

    /** Whether the LGSP's population service is configured. */
    public boolean connected() {
        return client.available();
    }

    @Override
    public Optional<Verdict> lookUp(Identity identity) {
        if (!client.available() || !identity.complete()) {
            return Optional.empty();
        }
        Asked asked = ask(identity);
        // On record even when the submission that asked is refused and rolled back.
        ownTransaction.executeWithoutResult(status -> audited(identity, asked));
        return Optional.of(asked.verdict());
    }

    @Override
    public void keep(long dossierId, DossierRef dossier, Identity identity, Verdict verdict, String note,
                     String author) {
        Instant now = clock.instant();
        boolean pending = verdict.outcome() == Outcome.PENDING;
        boolean kept = checks.insert(dossierId, dossier.code(), dossier.procedureCode(),
                dossier.receivingAgencyCode(), identity, verdict, verdict.at(),
                pending ? now.plus(properties.retryDelay(1)) : null, pending ? "unreachable at submission" : null,
                note, note == null ? null : author);
        if (kept && note != null) {
            audit.record(AuditAction.POPULATION_CHECK_NOTED, dossier.code(),
                    AuditTrail.dataSubject(identity.username(), identity.idNumber()), AuditOutcome.OK,
                    verdict.outcome().name());
        }
    }

    @Override
    public String explain(Verdict verdict, Locale locale) {
        return switch (verdict.outcome()) {
            case MISMATCH -> message("population.mismatch", locale, verdict.mismatched().stream().sorted()
                    .map(p -> message("population.part." + p, locale)).collect(Collectors.joining(", ")));
            case NOT_FOUND -> message("population.notFound", locale);
            case PENDING -> message("population.pending", locale);
            case MATCH -> message("population.match", locale);
        };
    }

    /** Whether the verdicts come from the demo's sandbox. */
    public boolean sandbox() {
        return properties.sandbox();
    }

    /** The checks still pending of dossiers received at the official's agency, oldest first. */
    public List<Check> pending(Actor official) {
        return official.agencyCode() == null ? List.of() : checks.pending(List.of(official.agencyCode()), 200);
    }

    /** The verdict kept with a dossier, if it was checked. */
    public Optional<Check> ofDossier(String code) {
        return checks.byDossier(code);
    }

    /**
     * One round: asks the register again about the pending checks that are due, one after the other, up to the batch
     * size; never throws.
     *
     * @return how many were asked
     */
    public int retryDue() {
        if (!client.available()) {
            return 0;
        }
        int asked = 0;
        try {
            for (; asked < properties.batchSize(); asked++) {
                Instant now = clock.instant();
                Optional<Check> due = checks.claim(null, now, now.plus(properties.lease()));
                if (due.isEmpty()) {
                    break;
                }
                retry(due.get(), false);
            }
        } catch (RuntimeException e) {
            log.warn("Pending population checks could not be retried; the next round will", e);
        }
        return asked;
    }

    /**
     * An official's re-run of a dossier's pending check, now, whatever its back-off.
     *
     * @return the verdict after it: still PENDING when the LGSP is still unreachable
     */
    public Optional<Verdict> rerun(String dossierCode) {
        Optional<Check> check = checks.byDossier(dossierCode);
        if (check.isEmpty() || !client.available()) {
            return check.map(Check::verdict);
        }
        Instant now = clock.instant();
        Optional<Check> claimed = checks.claim(check.get().id(), now, now.plus(properties.lease()));
        claimed.ifPresent(c -> retry(c, true));
        return checks.byDossier(dossierCode).map(Check::verdict);
    }

    private void retry(Check check, boolean byOfficial) {
        Asked asked = ask(check.identity());
        audited(check.identity(), asked);
        if (byOfficial) {
            audit.changed(AuditAction.POPULATION_CHECK_RERUN, check.dossierCode(), asked.verdict().outcome().name());
        }
        if (asked.verdict().outcome() != Outcome.PENDING) {
            if (checks.resolve(check.id(), asked.verdict())) {
                log.info("Population check of dossier {}: {}", check.dossierCode(), asked.verdict().outcome());
            }
            return;
        }
        Instant now = clock.instant();
        int failures = check.attempts() + 1;
        boolean windowOver = now.isAfter(check.askedAt().plus(properties.retryWindow()));
        // Past the window it stays PENDING with no next attempt: listed for the officials, re-run by hand.
        checks.failed(check.id(), asked.error(), windowOver ? null : now.plus(properties.retryDelay(failures)));
        log.info("Population check of dossier {} still pending (attempt {}): {}", check.dossierCode(), failures,
                asked.error());
    }

    /** The register's answer about one identity, asked now; PENDING when no valid answer came. */
    Asked ask(Identity identity) {
        try {
            LgspMapping.Answer answer = client.check(identity);
            Instant at = clock.instant();
            if (!answer.found()) {
                return new Asked(new Verdict(Outcome.NOT_FOUND, null, at), null, answer);
            }
            return new Asked(new Verdict(answer.mismatched().isEmpty() ? Outcome.MATCH : Outcome.MISMATCH,
                    answer.mismatched(), at), null, answer);
        } catch (Unreachable e) {
            return new Asked(new Verdict(Outcome.PENDING, null, clock.instant()), e.getMessage(), null);
        }
    }

    private void audited(Identity identity, Asked asked) {
        audit.record(AuditAction.POPULATION_LOOKUP, "cccd:" + identity.idNumber().strip(),
                AuditTrail.dataSubject(identity.username(), identity.idNumber()),
                asked.verdict().outcome() == Outcome.PENDING ? AuditOutcome.FAILED : AuditOutcome.OK,
                asked.verdict().outcome().name());
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** @param error why no answer came, for PENDING; {@code answer} the register's, else null */
    record Asked(Verdict verdict, String error, LgspMapping.Answer answer) {
    }
}
