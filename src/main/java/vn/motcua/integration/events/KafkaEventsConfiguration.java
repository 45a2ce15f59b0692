package vn.motcua.integration.events;

import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events to Kafka, only with {@code motcua.events.kafka.enabled=true}: which events leave (those of
 * {@link PublicEvents}), to which topic, with which key and shape. Without it none of these beans exists, Spring
 * Boot's idle producer factory never connects, and nothing is recorded for Kafka in the event publication registry.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("motcua.events.kafka.enabled")
class KafkaEventsConfiguration {

    @Bean
    EventExternalizationConfiguration eventExternalizationConfiguration(KafkaEventsProperties properties) {
        return EventExternalizationConfiguration.externalizing()
                .select(event -> PublicEvents.routeOf(event).isPresent())
                .mapping(event -> PublicEvents.routeOf(event).orElseThrow().publicEvent(event))
                .routeAll(event -> {
                    PublicEvents.Route<?> route = PublicEvents.routeOf(event).orElseThrow();
                    return RoutingTarget.forTarget(properties.topic(route.name())).andKey(route.key(event));
                })
                .build();
    }

    /** Keys and values are text (JSON), whatever serialisers {@code spring.kafka.producer.*} names for others. */
    @Bean
    KafkaEventExternalizer kafkaEventExternalizer(EventExternalizationConfiguration configuration,
                                                  ProducerFactory<?, ?> producers, JsonMapper json) {
        @SuppressWarnings("unchecked") // the overrides below make both sides strings
        KafkaTemplate<String, String> kafka = new KafkaTemplate<>((ProducerFactory<String, String>) producers, Map.of(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        return new KafkaEventExternalizer(configuration, kafka, json);
    }

    @Bean
    KafkaAdmin.NewTopics publicEventTopics(KafkaEventsProperties properties) {
        return new KafkaAdmin.NewTopics(properties.partitions() <= 0 ? new NewTopic[0]
                : PublicEvents.ALL.stream()
                .map(route -> TopicBuilder.name(properties.topic(route.name())).partitions(properties.partitions())
                        .build())
                .toArray(NewTopic[]::new));
    }
}
