package vn.motcua.population.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.motcua.dossier.DossierReceived;

/**
 * Marks a checked dossier as received when the dossier module says so (after its commit, redelivered until done), so
 * that MDSH6 counts it in the period and agency of its reception.
 */
@Component
class ReceivedDossiers {

    private final CheckRepository checks;

    ReceivedDossiers(CheckRepository checks) {
        this.checks = checks;
    }

    @ApplicationModuleListener
    void on(DossierReceived event) {
        checks.received(event.dossier().code(), event.dossier().receivingAgencyCode(), event.receivedAt());
    }
}
