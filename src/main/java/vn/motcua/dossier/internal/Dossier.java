package vn.motcua.dossier.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.internal.DossierLifecycle.Transition;
import vn.motcua.workflow.ProcessDefinition;
import vn.motcua.workflow.ProcessStep;

/**
 * The dossier aggregate's root. Its status, step, deadlines and the end of its handling change only through the moves
 * below, each checked against {@link DossierLifecycle} before anything changes; a move that is not on the graph throws
 * {@link IllegalTransitionException} and leaves the dossier as it was. Each move answers the edge it took, whose event
 * the application service publishes. The repository (same package) reads and rebuilds the fields directly.
 */
public class Dossier {
    Long id;
    String code;
    DossierStatus status;
    Channel channel;
    String procedureCode;
    String procedureName;
    int processingDays;
    long processId;
    int step;
    Instant stepStartedAt;
    String receivingAgency;
    String competentAgency;
    String currentAgency;
    Long parentId;
    String owner;
    String createdBy;
    Applicant applicant;
    Map<String, String> formData = Map.of();
    int sets = 1;
    Instant submittedAt;
    Instant receivedAt;
    String receivedBy;
    Long counterId;
    Integer logEntry;
    Instant dueAt;
    Instant legalDueAt;
    Instant resultAt;
    Instant finishedAt;
    String timeliness;
    String returnMethod;
    String idempotencyKey;
    int version;
    Instant createdAt;

    /** How the dossier's dates are counted: on the competent agency's working-day calendar. */
    public interface DueDates {
        /** The legal due date counted from reception, the waits for the applicant left out. */
        Instant legalDueAt(Dossier dossier);

        /** Early, on time or late, for handling that ended at {@code finishedAt}. */
        String classifyFinished(Instant legalDueAt, Instant finishedAt);
    }

    Dossier() {
    }

    /** A new draft of a procedure, before anyone fills it in. */
    public static Dossier draft(Channel channel, String procedureCode, String procedureName, int processingDays,
                                long processId) {
        Dossier d = new Dossier();
        d.status = DossierStatus.DRAFT;
        d.channel = channel;
        d.procedureCode = procedureCode;
        d.procedureName = procedureName;
        d.processingDays = processingDays;
        d.processId = processId;
        return d;
    }

    /**
     * The child dossier of an inter-agency transfer: received at once by the target agency, due when its parent is.
     */
    public static Dossier transferredFrom(Dossier parent, String agency, long processId, String code, String officer,
                                         Instant now) {
        Dossier child = new Dossier();
        child.status = DossierStatus.RECEIVED;
        child.channel = parent.channel;
        child.procedureCode = parent.procedureCode;
        child.procedureName = parent.procedureName;
        child.processingDays = parent.processingDays;
        child.processId = processId;
        child.receivingAgency = agency;
        child.competentAgency = agency;
        child.currentAgency = agency;
        child.parentId = parent.id;
        child.owner = parent.owner;
        child.createdBy = officer;
        child.applicant = parent.applicant;
        child.formData = parent.formData;
        child.sets = parent.sets;
        child.submittedAt = now;
        child.receivedAt = now;
        child.receivedBy = officer;
        child.stepStartedAt = now;
        child.legalDueAt = parent.dueAt;
        child.dueAt = parent.dueAt;
        child.code = code;
        return child;
    }

    // ------------------------------------------------------------------ what a draft says (only while a draft)

    public void ownedBy(String username) {
        requireDraft();
        owner = username;
    }

    public void startedBy(String username) {
        requireDraft();
        createdBy = username;
    }

    public void describeApplicant(Applicant who) {
        requireDraft();
        applicant = who;
    }

    public void fillIn(Map<String, String> values) {
        requireDraft();
        formData = values;
    }

    /** The agency that decides it and the unit that receives it, where it also starts. */
    public void routeTo(String competent, String receiving) {
        requireDraft();
        competentAgency = competent;
        receivingAgency = receiving;
        currentAgency = receiving;
    }

    public void orderSets(int count) {
        requireDraft();
        sets = count;
    }

    /** The client's Idempotency-Key it was created with, and when it was sent. */
    public void sentAt(Instant at, String key) {
        requireDraft();
        submittedAt = at;
        idempotencyKey = key;
    }

    private void requireDraft() {
        if (status != DossierStatus.DRAFT) {
            throw new IllegalStateException("Dossier " + code + " is no longer a draft");
        }
    }

    // ------------------------------------------------------------------ moves along the lifecycle graph

    public Transition submit(String newCode, Instant now) {
        if (status != DossierLifecycle.SUBMISSION.from()) {
            throw new IllegalTransitionException(null, status, DossierStatus.SUBMITTED);
        }
        status = DossierStatus.SUBMITTED;
        code = newCode;
        submittedAt = now;
        return DossierLifecycle.SUBMISSION;
    }

    /** Received with a receipt slip: the first step starts and the legal time runs. */
    public Transition receive(String officer, Long counter, Integer logEntryNumber, Instant now, DueDates due) {
        Transition t = edge(DossierAction.RECEIVE, DossierStatus.RECEIVED);
        status = t.to();
        receivedAt = now;
        receivedBy = officer;
        counterId = counter;
        logEntry = logEntryNumber;
        step = 0;
        stepStartedAt = now;
        legalDueAt = due.legalDueAt(this);
        dueAt = legalDueAt;
        return t;
    }

    /** On to the process's next step ({@link DossierAction#FORWARD} or {@link DossierAction#APPROVE}). */
    public Transition forward(DossierAction how, ProcessDefinition process, Instant now) {
        if (how != DossierAction.FORWARD && how != DossierAction.APPROVE) {
            throw new IllegalArgumentException(how + " does not move a dossier forward");
        }
        Transition t = edge(how, DossierStatus.PROCESSING);
        ProcessStep next = process.step(step + 1);
        status = t.to();
        moveTo(step + 1, next, now);
        return t;
    }

    /** Back to the previous step: reception again when that is where it goes. */
    public Transition sendBack(ProcessDefinition process, Instant now) {
        int previous = step - 1;
        Transition t = edge(DossierAction.SEND_BACK, previous == 0 ? DossierStatus.RECEIVED : DossierStatus.PROCESSING);
        ProcessStep back = process.step(previous);
        status = t.to();
        moveTo(previous, back, now);
        return t;
    }

    private void moveTo(int position, ProcessStep at, Instant now) {
        step = position;
        stepStartedAt = now;
        currentAgency = at.agencyFor(receivingAgency, competentAgency);
    }

    /** Waits for the applicant; the status it had comes back with {@link #resume}. */
    public Transition requestSupplement() {
        Transition t = edge(DossierAction.REQUEST_SUPPLEMENT, DossierStatus.SUPPLEMENT_REQUESTED);
        status = t.to();
        return t;
    }

    /** The applicant sent what was asked for: the status before the request comes back, the dates move by the wait. */
    public Transition resume(DossierStatus resumed, DueDates due) {
        Transition t = edge(DossierAction.SUPPLEMENT, resumed);
        status = t.to();
        if (receivedAt != null) {
            Instant before = legalDueAt;
            legalDueAt = due.legalDueAt(this);
            dueAt = dueAt.plus(Duration.between(before, legalDueAt));
        }
        return t;
    }

    public Transition refuse(Instant now, DueDates due) {
        return finish(edge(DossierAction.REFUSE, DossierStatus.REFUSED), now, due);
    }

    public Transition issueResult(Instant now) {
        Transition t = edge(DossierAction.ISSUE_RESULT, DossierStatus.RESULT_READY);
        status = t.to();
        resultAt = now;
        return t;
    }

    /** Part of it goes to another agency as a child dossier; this one stays where it is, waiting for it. */
    public Transition transfer() {
        return edge(DossierAction.TRANSFER, DossierStatus.PROCESSING);
    }

    /** The result handed over at the counter, online, by post, or (a child's) back to the parent dossier. */
    public Transition returnResult(String method, Instant now, DueDates due) {
        Transition t = edge(DossierAction.RETURN_RESULT, DossierStatus.RETURNED);
        returnMethod = method;
        return finish(t, now, due);
    }

    /** A new appointment after an apology for the delay; the legal due date stays. */
    public Transition apologize(Instant newDueAt) {
        Transition t = edge(DossierAction.APOLOGIZE, status);
        dueAt = newDueAt;
        return t;
    }

    public Transition withdraw(Instant now, DueDates due) {
        return finish(edge(DossierAction.WITHDRAW, DossierStatus.WITHDRAWN), now, due);
    }

    private Transition finish(Transition t, Instant now, DueDates due) {
        status = t.to();
        finishedAt = now;
        if (legalDueAt != null) {
            timeliness = due.classifyFinished(legalDueAt, now);
        }
        return t;
    }

    /** The graph's edge for this move from where the dossier stands, checked before anything changes. */
    private Transition edge(DossierAction action, DossierStatus to) {
        return DossierLifecycle.edge(action, status, to)
                .orElseThrow(() -> new IllegalTransitionException(action, status, to));
    }

    // ------------------------------------------------------------------ reading

    public Long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public DossierStatus status() {
        return status;
    }

    public Channel channel() {
        return channel;
    }

    public String procedureCode() {
        return procedureCode;
    }

    public String procedureName() {
        return procedureName;
    }

    public int processingDays() {
        return processingDays;
    }

    public long processId() {
        return processId;
    }

    public int step() {
        return step;
    }

    public Instant stepStartedAt() {
        return stepStartedAt;
    }

    public String receivingAgency() {
        return receivingAgency;
    }

    public String competentAgency() {
        return competentAgency;
    }

    public String currentAgency() {
        return currentAgency;
    }

    public Long parentId() {
        return parentId;
    }

    public String owner() {
        return owner;
    }

    public Applicant applicant() {
        return applicant;
    }

    public Map<String, String> formData() {
        return formData;
    }

    public int sets() {
        return sets;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Long counterId() {
        return counterId;
    }

    public Integer logEntry() {
        return logEntry;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Instant legalDueAt() {
        return legalDueAt;
    }

    public Instant resultAt() {
        return resultAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public String timeliness() {
        return timeliness;
    }

    public String returnMethod() {
        return returnMethod;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
