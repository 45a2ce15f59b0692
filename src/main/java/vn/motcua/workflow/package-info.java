/**
 * Workflow: the process definitions of procedures (steps, roles, durations), the working-day calendar (weekends,
 * public holidays including the lunar ones, make-up working days, per agency) and deadlines: the one place where a
 * dossier's due date and its timeliness (early, on time, late; in time, due soon, overdue) are defined.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workflow",
        allowedDependencies = {"catalog", "identity", "organization", "platform"})
package vn.motcua.workflow;
