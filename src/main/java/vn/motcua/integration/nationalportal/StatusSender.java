package vn.motcua.integration.nationalportal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import vn.motcua.integration.nationalportal.StatusSyncRepository.Claimed;
import vn.motcua.platform.database.DatabaseOutage;

/**
 * Drains the status outbox to the national portal every {@code interval}: each round claims, for up to {@code batch}
 * dossiers, the first message not yet accepted (so a dossier's message n+1 is never sent before n is accepted, and one
 * dossier's trouble holds up no other), sends them in one signed request and marks accepted exactly the ids the answer
 * lists. Everything else, and a failed request (no answer, 5xx, an unsigned or malformed answer, a refusal), is a
 * failed attempt retried after a growing delay; past the retry window it shows as failed and is still retried. Rounds
 * follow each other while they deliver something, so a dossier's messages go out one after the other at once.
 * Nothing here throws at its caller.
 */
@Component
public class StatusSender implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(StatusSender.class);
    private static final int MAX_ERROR_LENGTH = 1000;
    /** Rounds in one run at most: each one advances every dossier by one message. */
    private static final int MAX_ROUNDS = 20;

    private final StatusSyncRepository outbox;
    private final NationalStatusGateway gateway;
    private final StatusSyncProperties settings;
    private final ObjectProvider<NationalCodes> nationalCodes;
    private final ObjectProvider<DatabaseOutage> outage;
    private final JsonMapper json;

    StatusSender(StatusSyncRepository outbox, NationalStatusGateway gateway, StatusSyncProperties settings,
                 ObjectProvider<NationalCodes> nationalCodes, ObjectProvider<DatabaseOutage> outage, JsonMapper json) {
        this.outbox = outbox;
        this.gateway = gateway;
        this.settings = settings;
        this.nationalCodes = nationalCodes;
        this.outage = outage;
        this.json = json;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!gateway.available()) {
            return;
        }
        registrar.addFixedDelayTask(new FixedDelayTask(() -> {
            DatabaseOutage o = outage.getIfAvailable();
            if (o == null || !o.resting()) {
                sendDue();
            }
        }, settings.interval(), settings.interval()));
    }

    /** What a run did. */
    public record Run(int sent, int accepted) {
    }

    /** Sends what is due, round after round while rounds deliver; never throws. */
    public Run sendDue() {
        int sent = 0;
        int accepted = 0;
        if (!gateway.available()) {
            return new Run(0, 0);
        }
        try {
            for (int round = 0; round < MAX_ROUNDS; round++) {
                List<Claimed> claimed = outbox.claimDue(settings.batch(), settings.lease());
                if (claimed.isEmpty()) {
                    break;
                }
                sent += claimed.size();
                int delivered = send(claimed);
                accepted += delivered;
                if (delivered == 0) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            log.warn("National portal status sync round stopped; it will go on at the next one", e);
        }
        return new Run(sent, accepted);
    }

    /** One request for the claimed messages. @return how many were accepted */
    private int send(List<Claimed> claimed) {
        List<ObjectNode> messages = new ArrayList<>();
        for (Claimed c : claimed) {
            ObjectNode m = (ObjectNode) json.readTree(c.payload());
            nationalCode(c.dossierCode()).ifPresent(code -> m.put(StatusMapping.NATIONAL_CODE, code));
            messages.add(m);
        }
        Set<String> accepted;
        try {
            accepted = gateway.sync(messages);
        } catch (NationalPortalException e) {
            log.info("National portal refused or missed {} status messages, will retry: {}", claimed.size(),
                    e.getMessage());
            claimed.forEach(c -> failed(c, e.getMessage()));
            return 0;
        }
        Set<UUID> ok = new HashSet<>();
        for (Claimed c : claimed) {
            if (accepted.contains(c.id().toString())) {
                ok.add(c.id());
            } else {
                failed(c, "not accepted by the national portal");
            }
        }
        outbox.markAccepted(ok);
        return ok.size();
    }

    private void failed(Claimed c, String error) {
        outbox.markFailed(c.id(), abbreviate(error), settings::retryDelay, settings.retryWindow());
    }

    private Optional<String> nationalCode(String dossierCode) {
        NationalCodes codes = nationalCodes.getIfAvailable();
        if (codes == null) {
            return Optional.empty();
        }
        return codes.of(dossierCode);
    }

    private static String abbreviate(String error) {
        return error == null ? null : error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
    }
}
