package vn.motcua.workflow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.identity.CurrentUser;
import vn.motcua.organization.OrganizationService;
import vn.motcua.platform.audit.AuditAction;
import vn.motcua.platform.audit.AuditTrail;
import vn.motcua.platform.cache.LocalCache;
import vn.motcua.platform.cluster.ClusterChange;
import vn.motcua.platform.cluster.ClusterChanges;
import vn.motcua.workflow.process.ProcessRepository;

/**
 * The way into processes: the current version of a procedure's process (a sensible default is created the first
 * time a procedure without one is used), a given version, and saving an edited process as a new version.
 */
@Service
public class ProcessService {

    private final ProcessRepository repository;
    private final AuditTrail trail;
    private final OrganizationService organization;
    private final MessageSource messages;
    private final AdministrationScope scope;
    private final TransactionTemplate ownTransaction;
    private final ClusterChanges cluster;
    private final LocalCache<String, ProcessDefinition> latest = new LocalCache<>(Duration.ofMinutes(1), 10_000);
    private final LocalCache<Long, Optional<ProcessDefinition>> versions = new LocalCache<>(Duration.ofDays(1), 50_000);

    ProcessService(ProcessRepository repository, OrganizationService organization, MessageSource messages,
                   PlatformTransactionManager transactions, AdministrationScope scope, AuditTrail trail,
                   ClusterChanges cluster) {
        this.cluster = cluster;
        this.trail = trail;
        this.repository = repository;
        this.scope = scope;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.organization = organization;
        this.messages = messages;
    }

    /** The process new dossiers of this procedure follow. */
    public ProcessDefinition current(String procedureCode) {
        // The default is created in a transaction of its own: it must exist whatever becomes of the caller's.
        return latest.get(procedureCode, code -> repository.latest(code)
                .orElseGet(() -> ownTransaction.execute(tx -> repository.latest(code)
                        .orElseGet(() -> repository.insert(code, defaultSteps(), "system")))));
    }

    /** A version of a process. Versions never change once saved, so they are cached. */
    public Optional<ProcessDefinition> version(long processId) {
        return versions.get(processId, repository::find);
    }

    public List<Integer> versions(String procedureCode) {
        return repository.versions(procedureCode);
    }

    /**
     * Saves the steps as a new version, fees due before the result is returned and an online dossier moved on at
     * reception; dossiers already started keep the version they have.
     *
     * @throws InvalidProcessException listing every problem; nothing is saved then
     */
    @Transactional
    public ProcessDefinition save(String procedureCode, List<ProcessStep> steps, CurrentUser editor, Locale locale) {
        return save(procedureCode, steps, PaymentStage.BEFORE_RETURN, editor, locale);
    }

    /**
     * Saves the steps and when fees must be paid as a new version, an online dossier moved on at reception
     * ({@link ProcessDefinition#ADVANCE_ON_RECEPTION_BY_DEFAULT}); dossiers already started keep the version they have.
     *
     * @param paymentStage null means {@link PaymentStage#BEFORE_RETURN}
     * @param editor       the administrator; refused (403) outside their scope ({@link AdministrationScope})
     * @throws InvalidProcessException listing every problem; nothing is saved then
     */
    @Transactional
    public ProcessDefinition save(String procedureCode, List<ProcessStep> steps, PaymentStage paymentStage,
                                  CurrentUser editor, Locale locale) {
        return save(procedureCode, steps, paymentStage, ProcessDefinition.ADVANCE_ON_RECEPTION_BY_DEFAULT, editor,
                locale);
    }

    /**
     * Saves the steps, when fees must be paid and whether reception's receiving an online dossier moves it on to
     * step 1 at once, as a new version; dossiers already started keep the version they have.
     *
     * @throws InvalidProcessException listing every problem; nothing is saved then
     */
    @Transactional
    public ProcessDefinition save(String procedureCode, List<ProcessStep> steps, PaymentStage paymentStage,
                                  boolean advanceOnReception, CurrentUser editor, Locale locale) {
        scope.requireMayEditProcess(procedureCode, editor);
        String username = editor.getUsername();
        List<String> problems = problems(steps, locale);
        if (!problems.isEmpty()) {
            throw new InvalidProcessException(problems);
        }
        ProcessDefinition saved = repository.insert(procedureCode, steps,
                paymentStage == null ? PaymentStage.BEFORE_RETURN : paymentStage, advanceOnReception, username);
        latest.invalidateAll();
        cluster.announce(ClusterChanges.PROCESS);
        trail.changed(AuditAction.PROCESS_SAVED, procedureCode, "version " + saved.version()
                + (advanceOnReception ? ", advance on reception" : ""));
        return saved;
    }

    /** A new version saved on another node; versions themselves never change, so only "the latest" is dropped. */
    @EventListener
    void forgetLatest(ClusterChange change) {
        if (change.is(ClusterChanges.PROCESS)) {
            latest.invalidateAll();
        }
    }

    /** Reception at the receiving unit, examination by a specialist, approval by a leader, issue of the result. */
    public static List<ProcessStep> defaultSteps() {
        return List.of(
                new ProcessStep("Tiếp nhận hồ sơ", StepRole.RECEPTION, StepPlace.RECEIVING, null, 10,
                        EnumSet.of(StepAction.FORWARD, StepAction.REQUEST_SUPPLEMENT, StepAction.REFUSE)),
                new ProcessStep("Thẩm định, xử lý hồ sơ", StepRole.SPECIALIST, StepPlace.COMPETENT, null, 55,
                        EnumSet.of(StepAction.FORWARD, StepAction.SEND_BACK, StepAction.REQUEST_SUPPLEMENT,
                                StepAction.REFUSE, StepAction.TRANSFER)),
                new ProcessStep("Phê duyệt kết quả", StepRole.LEADER, StepPlace.COMPETENT, null, 25,
                        EnumSet.of(StepAction.APPROVE, StepAction.SEND_BACK, StepAction.REFUSE)),
                new ProcessStep("Phát hành kết quả", StepRole.SPECIALIST, StepPlace.COMPETENT, null, 10,
                        EnumSet.of(StepAction.ISSUE_RESULT, StepAction.SEND_BACK)));
    }

    List<String> problems(List<ProcessStep> steps, Locale locale) {
        List<String> problems = new ArrayList<>();
        if (steps.size() < 2) {
            problems.add(message("process.invalid.tooFew", locale));
            return problems;
        }
        ProcessStep first = steps.getFirst();
        if (first.role() != StepRole.RECEPTION || first.place() != StepPlace.RECEIVING) {
            problems.add(message("process.invalid.firstStep", locale));
        }
        int total = 0;
        for (int i = 0; i < steps.size(); i++) {
            ProcessStep step = steps.get(i);
            total += step.timeShare();
            if (step.name() == null || step.name().isBlank()) {
                problems.add(message("process.invalid.name", locale, i + 1));
            }
            if (step.actions().isEmpty()) {
                problems.add(message("process.invalid.noActions", locale, i + 1));
            }
            if (step.place() == StepPlace.AGENCY
                    && (step.agencyCode() == null || organization.agency(step.agencyCode()).isEmpty())) {
                problems.add(message("process.invalid.agency", locale, i + 1, step.agencyCode()));
            }
            if (i == steps.size() - 1 && !step.allows(StepAction.ISSUE_RESULT)) {
                problems.add(message("process.invalid.lastStep", locale));
            }
            if (i < steps.size() - 1 && !step.allows(StepAction.FORWARD) && !step.allows(StepAction.APPROVE)
                    && !step.allows(StepAction.ISSUE_RESULT)) {
                problems.add(message("process.invalid.deadEnd", locale, i + 1));
            }
        }
        if (total != 100) {
            problems.add(message("process.invalid.shares", locale, total));
        }
        return problems;
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
