package vn.motcua.notification.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import vn.motcua.platform.database.DatabaseOutage;

/**
 * Sends due deliveries every {@code motcua.notification.dispatch.interval} on every application node. Claiming skips
 * rows another node holds, so each delivery is sent by one node; a failure is retried later with a growing delay,
 * and given up as FAILED after the maximum number of attempts.
 */
@Component
public class DeliveryDispatcher implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);
    private static final int MAX_ERROR_LENGTH = 1000;

    private final DeliveryRepository deliveries;
    private final Map<NotificationChannel, Sender> senders = new EnumMap<>(NotificationChannel.class);
    private final NotificationProperties.Dispatch policy;
    private final DatabaseOutage outage;

    DeliveryDispatcher(DeliveryRepository deliveries, List<Sender> senders, NotificationProperties properties,
                       DatabaseOutage outage) {
        this.deliveries = deliveries;
        this.outage = outage;
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        this.policy = properties.dispatch();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        // While the database is out of reach the round is skipped (DatabaseOutage logs the outage once).
        registrar.addFixedDelayTask(new FixedDelayTask(() -> {
            if (!outage.resting()) {
                dispatchOnce();
            }
        }, policy.interval(), policy.interval()));
    }

    /**
     * One round: sends due deliveries one after the other, up to the batch size, before returning. Each is claimed
     * just before it is sent, so that the lease only has to outlast one send.
     *
     * @return how many deliveries were handled (sent, failed, retried later or skipped)
     */
    public int dispatchOnce() {
        for (int handled = 0; handled < policy.batchSize(); handled++) {
            Optional<Delivery> next = deliveries.claimNext(policy.lease());
            if (next.isEmpty()) {
                return handled;
            }
            dispatch(next.get());
        }
        return policy.batchSize();
    }

    private void dispatch(Delivery delivery) {
        Sender sender = senders.get(delivery.channel());
        Optional<String> unavailable = sender.unavailable();
        if (unavailable.isPresent()) {
            deliveries.markSkipped(delivery.id(), unavailable.get());
            return;
        }
        String messageId;
        try {
            messageId = sender.send(delivery);
        } catch (Exception e) {
            failed(delivery, describe(e));
            return;
        }
        deliveries.markSent(delivery.id(), messageId);
    }

    private void failed(Delivery delivery, String error) {
        int failures = delivery.attempts() + 1;
        if (failures >= policy.maxAttempts()) {
            log.warn("{} notification {} for dossier {} failed for good after {} attempts: {}", delivery.channel(),
                    delivery.id(), delivery.dossierCode(), failures, error);
            deliveries.markFailed(delivery.id(), error);
        } else {
            log.info("{} notification {} failed (attempt {}), will retry: {}", delivery.channel(), delivery.id(),
                    failures, error);
            deliveries.markRetry(delivery.id(), error, policy.retryDelay(failures));
        }
    }

    private static String describe(Exception e) {
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        return error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
    }
}
