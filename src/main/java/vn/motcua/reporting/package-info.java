/**
 * Reporting: a read model of counts per agency, procedure, channel and day, fed only by the events of the dossier,
 * payment, result and feedback modules and rebuilt from its own event history; the service index of Decision
 * 766/QĐ-TTg computed from it for any agency and period; the leaders' dashboard, the public transparency page and the
 * Excel exports.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting",
        allowedDependencies = {"catalog", "certification", "dossier", "feedback", "identity", "integration",
                "organization", "payment", "platform", "population", "workflow"})
package vn.motcua.reporting;
