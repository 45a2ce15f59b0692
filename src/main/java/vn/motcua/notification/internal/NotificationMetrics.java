package vn.motcua.notification.internal;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.motcua.platform.metrics.DatabaseGauge;

/** The notification backlog: emails and SMS queued for applicants and not sent yet (including those retried). */
@Component
class NotificationMetrics {

    NotificationMetrics(MeterRegistry registry, JdbcClient jdbc) {
        DatabaseGauge.register(registry, "motcua.notifications.backlog",
                "Notifications queued and not sent yet",
                () -> jdbc.sql("select count(*) from notification_delivery where status = 'PENDING'")
                        .query(Long.class).single());
    }
}
