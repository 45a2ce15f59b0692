package vn.motcua.dossier.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.motcua.platform.metrics.DatabaseGauge;
import vn.motcua.platform.web.VietnamTime;

/**
 * The dossier figures an operator watches: what came in today and what is overdue now. Inter-agency parts (child
 * dossiers) are not counted again: each application counts once.
 */
@Component
class DossierMetrics {

    DossierMetrics(MeterRegistry registry, JdbcClient jdbc, Clock clock) {
        DatabaseGauge.register(registry, "motcua.dossiers.received.today",
                "Dossiers that came in today (Vietnam time), online or at a counter",
                () -> jdbc.sql("""
                                select count(*) from dossier
                                where parent_id is null and least(submitted_at, received_at) >= ?""")
                        .param(Timestamp.from(startOfToday(clock))).query(Long.class).single());
        // Waiting for the applicant's supplement stops the clock, and a dossier whose result is ready is done in time
        // or not already: only those in handling can be overdue now.
        DatabaseGauge.register(registry, "motcua.dossiers.overdue",
                "Dossiers in handling past their appointment",
                () -> jdbc.sql("""
                                select count(*) from dossier
                                where parent_id is null and status in ('RECEIVED', 'PROCESSING') and due_at < ?""")
                        .param(Timestamp.from(clock.instant())).query(Long.class).single());
    }

    private static Instant startOfToday(Clock clock) {
        return clock.instant().atZone(VietnamTime.ZONE).toLocalDate().atStartOfDay(VietnamTime.ZONE).toInstant();
    }
}
