package vn.motcua.platform.events;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again, while the application runs, the event publications whose listener failed: a Kafka broker that did
 * not acknowledge, a mail gateway or a postal service that was down when the listener ran. Without this they waited
 * for the next start ({@code republish-outstanding-events-on-restart}). Only failed publications are taken, never
 * one still being delivered, and only after {@code motcua.events.retry-after}, so that a broker that is down is
 * asked again once per interval, not in a loop; at most {@code motcua.events.retry-batch} go out at once.
 */
@Component
class FailedEventRetries {

    private final FailedEventPublications failed;
    private final ResubmissionOptions options;

    FailedEventRetries(FailedEventPublications failed,
            @Value("${motcua.events.retry-after:1m}") Duration retryAfter,
            @Value("${motcua.events.retry-batch:50}") int batch) {
        this.failed = failed;
        this.options = ResubmissionOptions.defaults().withMinAge(retryAfter).withBatchSize(batch).withMaxInFlight(batch);
    }

    @Scheduled(fixedDelayString = "${motcua.events.retry-after:1m}", initialDelayString = "${motcua.events.retry-after:1m}")
    void retryFailed() {
        failed.resubmit(options);
    }
}
