package vn.motcua.integration.nationalportal;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import vn.motcua.platform.metrics.DatabaseGauge;

/** The status sync's backlog: messages not accepted by the national portal yet, and those of them shown as failed. */
@Component
class StatusSyncMetrics {

    StatusSyncMetrics(MeterRegistry registry, StatusSyncRepository outbox) {
        DatabaseGauge.register(registry, "motcua.national.sync.backlog",
                "Status messages not accepted by the national portal yet", () -> outbox.backlog().count());
        DatabaseGauge.register(registry, "motcua.national.sync.failed",
                "Status messages not accepted within the retry window (still retried)",
                () -> outbox.backlog().failed());
    }
}
