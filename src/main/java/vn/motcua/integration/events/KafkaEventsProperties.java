package vn.motcua.integration.events;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Events to Kafka ({@code motcua.events.kafka.*}). Off unless {@code enabled}; the brokers and the producer's settings
 * are Spring Boot's own {@code spring.kafka.*} (e.g. {@code spring.kafka.bootstrap-servers}).
 *
 * @param enabled     send the public domain events to Kafka
 * @param topicPrefix topics are named {@code <prefix>.<event>}, e.g. {@code motcua.dossier.submitted}
 * @param partitions  partitions of each topic the application creates when it is missing (0 creates none: the
 *                    topics are the operators' to make)
 */
@ConfigurationProperties("motcua.events.kafka")
public record KafkaEventsProperties(
        boolean enabled,
        @DefaultValue("motcua") String topicPrefix,
        @DefaultValue("3") int partitions) {

    String topic(String eventName) {
        return topicPrefix + "." + eventName;
    }
}
