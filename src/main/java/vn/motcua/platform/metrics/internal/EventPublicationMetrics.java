package vn.motcua.platform.metrics.internal;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.motcua.platform.metrics.DatabaseGauge;

/**
 * Spring Modulith's event publication registry (the outbox): events whose listeners have not all finished. A figure
 * that keeps growing means a listener fails again and again (a notification, the wallet, the read model, the postal
 * service).
 */
@Component
class EventPublicationMetrics {

    EventPublicationMetrics(MeterRegistry registry, JdbcClient jdbc) {
        DatabaseGauge.register(registry, "motcua.events.incomplete",
                "Event publications whose listener has not completed yet",
                () -> jdbc.sql("select count(*) from event_publication where completion_date is null")
                        .query(Long.class).single());
    }
}
