package vn.motcua.dossier;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;

import vn.motcua.dossier.internal.Dossier;
import vn.motcua.dossier.internal.DossierRepository;
import vn.motcua.identity.Actor;
import vn.motcua.workflow.Deadlines;
import vn.motcua.workflow.ProcessDefinition;
import vn.motcua.workflow.ProcessService;
import vn.motcua.workflow.ProcessStep;
import vn.motcua.workflow.Timeliness;

/** How a dossier reads to someone: its full view with the actions open to them, a list row, its public tracking. */
@Component
class DossierViews {

    private final DossierRepository dossiers;
    private final ProcessService processes;
    private final Deadlines deadlines;
    private final DossierDueDates dueDates;
    private final DossierPolicies policies;
    private final DossierRefs refs;
    private final Clock clock;

    DossierViews(DossierRepository dossiers, ProcessService processes, Deadlines deadlines, DossierDueDates dueDates,
                 DossierPolicies policies, DossierRefs refs, Clock clock) {
        this.dossiers = dossiers;
        this.processes = processes;
        this.deadlines = deadlines;
        this.dueDates = dueDates;
        this.policies = policies;
        this.refs = refs;
        this.clock = clock;
    }

    DossierView view(Dossier d, Actor viewer) {
        ProcessDefinition process = processes.version(d.processId()).orElseThrow();
        String parentCode = d.parentId() == null ? null : dossiers.codeOf(d.parentId()).orElse(null);
        ProcessStep step = process.step(d.step());
        Instant stepDue = d.stepStartedAt() == null || d.status().isFinal() || d.status() == DossierStatus.RESULT_READY
                ? null : deadlines.stepDueAt(d.stepStartedAt(), d.processingDays(), step.timeShare(),
                d.competentAgency(), dueDates.pauses(d));
        return new DossierView(d.code(), d.status(), d.channel(), d.procedureCode(), d.procedureName(),
                d.processingDays(), d.receivingAgency(), d.competentAgency(), d.currentAgency(), d.step(), step.name(),
                stepDue, process.version(), d.applicant(), d.formData(), d.sets(), d.createdAt(), d.submittedAt(),
                d.receivedAt(), d.dueAt(), d.legalDueAt(), d.resultAt(), d.finishedAt(), timeliness(d),
                d.returnMethod(), parentCode, dossiers.children(d.id()).stream().map(Dossier::code).toList(),
                dossiers.files(d.id()), dossiers.history(d.id()), dossiers.pauses(d.id()), dossiers.apologies(d.id()),
                policies.actionsFor(d, viewer));
    }

    DossierSummary summary(Dossier d) {
        return new DossierSummary(d.id(), d.code(), d.status(), d.channel(), d.procedureCode(), d.procedureName(),
                d.applicant().fullName(), d.currentAgency(), d.step(), d.submittedAt(), d.receivedAt(), d.dueAt(),
                d.finishedAt(), timeliness(d));
    }

    Tracking tracking(Dossier d) {
        return new Tracking(d.code(), d.procedureName(), d.status(), refs.agencyName(d.competentAgency()),
                d.submittedAt(), d.receivedAt(), d.dueAt(), d.resultAt(), d.finishedAt(), timeliness(d));
    }

    /** As recorded when it finished; while pending, in time or overdue now (or as of its result). */
    private String timeliness(Dossier d) {
        if (d.timeliness() != null) {
            return d.timeliness();
        }
        if (d.dueAt() == null || d.status().isFinal()) {
            return null;
        }
        Instant end = d.status() == DossierStatus.RESULT_READY ? d.resultAt() : clock.instant();
        Timeliness t = d.status() == DossierStatus.RESULT_READY ? deadlines.classifyFinished(d.dueAt(), end)
                : deadlines.classifyPending(d.dueAt(), end, d.competentAgency());
        return t.name();
    }
}
