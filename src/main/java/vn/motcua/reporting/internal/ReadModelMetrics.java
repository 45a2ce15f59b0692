package vn.motcua.reporting.internal;

import java.sql.Timestamp;
import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.motcua.platform.metrics.DatabaseGauge;

/**
 * How far the reports' read model is behind: the facts appended and not folded yet, and the age of the oldest of
 * them (0 when none waits). The folder keeps both near zero; a growing age means it is stuck.
 */
@Component
class ReadModelMetrics {

    ReadModelMetrics(MeterRegistry registry, JdbcClient jdbc, Clock clock) {
        DatabaseGauge.register(registry, "motcua.reporting.unfolded",
                "Report facts appended and not folded into the read model yet",
                () -> jdbc.sql("select count(*) from report_event where not folded").query(Long.class).single());
        DatabaseGauge.register(registry, "motcua.reporting.lag", "Age of the oldest report fact not folded yet",
                "seconds", () -> jdbc.sql("""
                                select coalesce(extract(epoch from (? - min(at))), 0) from report_event
                                where not folded""")
                        .param(Timestamp.from(clock.instant())).query(Double.class).single());
    }
}
