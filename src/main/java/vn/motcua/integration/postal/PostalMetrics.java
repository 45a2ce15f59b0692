package vn.motcua.integration.postal;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import vn.motcua.platform.metrics.DatabaseGauge;

/** The postal backlog: shipments asked for and not booked with the postal service yet (first try or retry). */
@Component
class PostalMetrics {

    PostalMetrics(MeterRegistry registry, ShipmentRepository shipments) {
        DatabaseGauge.register(registry, "motcua.postal.backlog",
                "Postal shipments requested and not booked yet", shipments::unbooked);
    }
}
