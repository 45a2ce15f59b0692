package vn.motcua.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventExternalizationConfiguration;

import vn.motcua.dossier.DossierSubmitted;
import vn.motcua.integration.events.KafkaEventExternalizer;
import vn.motcua.support.IntegrationTest;

/** Kafka is off unless configured: the demo and the shared test application neither send nor try to connect. */
@IntegrationTest
class EventsStayHomeByDefaultTest {

    @Autowired ApplicationContext context;
    @Autowired EventExternalizationConfiguration externalization;
    @Autowired JdbcClient jdbc;

    @Test
    void nothingIsExternalisedAndNoKafkaClientRuns() {
        assertThat(context.getEnvironment().getProperty("motcua.events.kafka.enabled", Boolean.class, false)).isFalse();
        assertThat(context.getBeansOfType(KafkaEventExternalizer.class)).isEmpty();
        assertThat(externalization.supports(new DossierSubmitted(null, Instant.EPOCH))).isFalse();
        // Spring Boot's producer factory and admin exist but stay idle: no Kafka client thread was ever started.
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .noneMatch(name -> name.startsWith("kafka-producer-network-thread")
                        || name.startsWith("kafka-admin-client-thread"));
        assertThat(jdbc.sql("select count(*) from event_publication where listener_id like '%KafkaEventExternalizer%'")
                .query(Integer.class).single()).isZero();
    }
}
