package vn.motcua.integration.events;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.core.ConditionalEventListener;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends each selected domain event to its Kafka topic, keyed by the dossier code, as Spring Modulith's externalisation
 * does: the event publication registry stores the publication with the business change, and it is completed only
 * when the broker acknowledged the record (a failed or unsent one is sent again at the next start).
 * <p>
 * Unlike Modulith's own asynchronous externaliser, this one hands events over in commit order, right after each
 * commit, to one sending thread: the records of one dossier then reach its partition in the order they happened
 * (the idempotent producer keeps that order through retries). The request never waits for the broker.
 */
public class KafkaEventExternalizer implements ConditionalEventListener, DisposableBean {

    private final EventExternalizationConfiguration configuration;
    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("kafka-events-sender").daemon().factory());
    // Completing a publication writes to the database: not on the producer's network thread.
    private final ExecutorService completion = Executors.newVirtualThreadPerTaskExecutor();

    KafkaEventExternalizer(EventExternalizationConfiguration configuration, KafkaTemplate<String, String> kafka,
                           JsonMapper json) {
        this.configuration = configuration;
        this.kafka = kafka;
        this.json = json;
    }

    @Override
    public boolean supports(Object event) {
        return configuration.supports(event);
    }

    /** Returns at once; the publication completes when the broker acknowledges, and fails when it does not. */
    @TransactionalEventListener
    public CompletableFuture<Void> externalize(Object event) {
        RoutingTarget target = configuration.determineTarget(event);
        String payload = json.writeValueAsString(configuration.map(event));
        return CompletableFuture.supplyAsync(() -> kafka.send(target.getTarget(), target.getKey(), payload), sender)
                .thenCompose(sent -> sent)
                .thenApplyAsync(acknowledged -> null, completion);
    }

    /** Hands over what is queued before the producer closes; what is still unacknowledged goes again next start. */
    @Override
    public void destroy() throws InterruptedException {
        sender.shutdown();
        sender.awaitTermination(10, TimeUnit.SECONDS);
        kafka.flush();
        kafka.destroy();
        completion.shutdown();
    }
}
