/**
 * Dossiers (hồ sơ): submission online and at the counter, codes, attachments, the lifecycle through the procedure's
 * process, deadlines and pauses, the official one-stop forms, tracking, and the events other modules listen to.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dossier",
        allowedDependencies = {"catalog", "identity", "organization", "platform", "result", "result :: signing", "workflow"})
package vn.motcua.dossier;
