package vn.motcua.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.motcua.MotCuaApplication;
import vn.motcua.catalog.CatalogService;
import vn.motcua.dossier.DossierReceived;
import vn.motcua.dossier.DossierRefused;
import vn.motcua.dossier.DossierReturned;
import vn.motcua.dossier.DossierSubmitted;
import vn.motcua.dossier.DossierWithdrawn;
import vn.motcua.dossier.ResultReady;
import vn.motcua.dossier.SupplementReceived;
import vn.motcua.dossier.SupplementRequested;
import vn.motcua.feedback.RatingCriterion;
import vn.motcua.feedback.RatingGiven;
import vn.motcua.feedback.RatingService;
import vn.motcua.identity.Actor;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.internal.AccountRepository;
import vn.motcua.payment.CounterPayments;
import vn.motcua.payment.PaymentCompleted;
import vn.motcua.payment.PaymentMethod;
import vn.motcua.support.ApiClient;
import vn.motcua.support.ApiClient.FilePart;
import vn.motcua.support.TestData;

/**
 * Events to Kafka, end to end: an application of its own with {@code motcua.events.kafka.enabled} against an embedded
 * KRaft broker on loopback, driven through its HTTP API, and a plain Kafka consumer reading what a province's data
 * platform would read. (The shared test application has Kafka off: {@link EventsStayHomeByDefaultTest}.)
 */
class EventsToKafkaTest {

    static final String WARD = "000.31.01.H57";
    static final String BIRTH = "1.001193";              // no fee
    static final String PERMANENT_RESIDENCE = "1.004222"; // 10,000 đ online
    static final JsonMapper JSON = JsonMapper.builder().build();

    static EmbeddedKafkaKraftBroker broker;
    static ConfigurableApplicationContext app;
    static int port;
    static KafkaConsumer<String, String> consumer;
    static final List<ConsumerRecord<String, String>> received = new ArrayList<>();

    @BeforeAll
    static void start() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
        port = freePort();
        app = new SpringApplicationBuilder(MotCuaApplication.class).profiles("test").run(
                "--server.port=" + port,
                "--motcua.public-url=http://localhost:" + port,
                "--motcua.data-dir=target/test-data-kafka",
                "--motcua.events.kafka.enabled=true",
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString());
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "data-platform",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1000),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(Pattern.compile("motcua\\..*"));
    }

    @AfterAll
    static void stop() {
        if (consumer != null) {
            consumer.close();
        }
        if (app != null) {
            app.close();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void eachDossierEventReachesItsTopicKeyedByTheDossierCodeInTheOrderItHappened() {
        ApiClient citizen = ApiClient.signIn(port, "citizen", "demo123");
        ApiClient reception = ApiClient.signIn(port, "reception", "demo123");
        ApiClient specialist = ApiClient.signIn(port, "specialist", "demo123");
        ApiClient leader = ApiClient.signIn(port, "leader", "demo123");

        // A fee-bearing dossier from submission to its rating, with two rounds of supplements.
        String code = submit(citizen, PERMANENT_RESIDENCE);
        act(reception, code, Map.of("action", "RECEIVE")); // and on to the specialist's step
        for (int round = 1; round <= 2; round++) {
            act(specialist, code, Map.of("action", "REQUEST_SUPPLEMENT", "items", List.of("Bản sao sổ hộ khẩu " + round),
                    "note", "Bản chụp bị mờ, ông Nguyễn Văn A gửi lại"));
            Map<String, Object> supplement = ApiClient.parts();
            supplement.put("action", Map.of("action", "SUPPLEMENT", "note", "Đã gửi bản rõ"));
            supplement.put("file", FilePart.pdf("ho-khau-" + round + ".pdf"));
            assertThat(citizen.postMultipart("/api/v1/dossiers/" + code + "/actions", supplement, null).status())
                    .isEqualTo(200);
        }
        app.getBean(CounterPayments.class).recordAtCounter(code, PaymentMethod.CASH, null, actor("reception"));
        act(specialist, code, Map.of("action", "FORWARD"));
        act(leader, code, Map.of("action", "APPROVE"));
        Map<String, Object> issue = ApiClient.parts();
        issue.put("action", Map.of("action", "ISSUE_RESULT"));
        issue.put("file", new FilePart("ket-qua.pdf", "application/pdf", TestData.realPdf("Ket qua")));
        assertThat(specialist.postMultipart("/api/v1/dossiers/" + code + "/actions", issue, null).status())
                .isEqualTo(200);
        act(reception, code, Map.of("action", "RETURN_RESULT", "returnMethod", "ONLINE"));
        Map<String, String> answers = app.getBean(RatingService.class).criteria().stream()
                .collect(Collectors.toMap(RatingCriterion::key, c -> "VERY_SATISFIED"));
        ApiClient.Response rated = citizen.postJson("/api/v1/dossiers/" + code + "/rating", Map.of("answers", answers));
        assertThat(rated.status()).as(rated.body()).isEqualTo(201);

        // One refused at reception, one withdrawn by its applicant.
        String refused = submit(citizen, BIRTH);
        act(reception, refused, Map.of("action", "REFUSE", "note", "Không thuộc thẩm quyền của bà Trần Thị B"));
        String withdrawn = submit(citizen, BIRTH);
        act(citizen, withdrawn, Map.of("action", "WITHDRAW", "note", "Nộp nhầm thủ tục"));

        List<ConsumerRecord<String, String>> lifecycle = awaitRecords(code, 10);
        assertThat(lifecycle).extracting(ConsumerRecord::topic).containsExactly(
                "motcua.dossier.submitted", "motcua.dossier.received",
                "motcua.dossier.supplement-requested", "motcua.dossier.supplement-received",
                "motcua.dossier.supplement-requested", "motcua.dossier.supplement-received",
                "motcua.payment.completed", "motcua.dossier.result-ready", "motcua.dossier.returned",
                "motcua.feedback.rated");
        for (ConsumerRecord<String, String> record : lifecycle) {
            assertThat(record.key()).isEqualTo(code);
            JsonNode value = JSON.readTree(record.value());
            String event = record.topic().substring("motcua.".length());
            assertThat(SchemaCheck.problems(value, schema(event))).as(record.value()).isEmpty();
            assertThat(value.get("dossierCode").asString()).isEqualTo(code);
            // Nothing personal nor free text leaves: not the applicant, not the officers' notes.
            assertThat(record.value()).doesNotContain("Nguyễn Văn A", "applicant", "046090009999", "note");
        }
        JsonNode first = JSON.readTree(lifecycle.getFirst().value());
        assertThat(first.get("dossier").get("procedureCode").asString()).isEqualTo(PERMANENT_RESIDENCE);
        assertThat(first.get("dossier").get("competentAgencyCode").asString()).isEqualTo(WARD);
        assertThat(first.get("dossier").get("channel").asString()).isEqualTo("ONLINE");
        assertThat(first.get("dossier").get("status").asString()).isEqualTo("SUBMITTED");
        // The two rounds of one topic are in order on the dossier's partition, and so are the events' own times.
        List<ConsumerRecord<String, String>> requests = lifecycle.stream()
                .filter(r -> r.topic().endsWith("supplement-requested")).toList();
        assertThat(requests.get(0).partition()).isEqualTo(requests.get(1).partition());
        assertThat(requests.get(0).offset()).isLessThan(requests.get(1).offset());
        assertThat(JSON.readTree(requests.get(1).value()).get("details").get("items").get(0).asString())
                .isEqualTo("Bản sao sổ hộ khẩu 2");
        // One sending thread hands records over in commit order.
        assertThat(lifecycle).extracting(ConsumerRecord::timestamp).isSorted();
        JsonNode payment = JSON.readTree(lifecycle.get(6).value());
        assertThat(payment.get("details").get("amount").asLong()).isEqualTo(10_000);
        assertThat(payment.get("details").get("settled").asBoolean()).isTrue();

        assertThat(awaitRecords(refused, 2)).extracting(ConsumerRecord::topic)
                .containsExactly("motcua.dossier.submitted", "motcua.dossier.refused");
        assertThat(awaitRecords(refused, 2).getLast().value()).doesNotContain("Trần Thị B");
        assertThat(awaitRecords(withdrawn, 2)).extracting(ConsumerRecord::topic)
                .containsExactly("motcua.dossier.submitted", "motcua.dossier.withdrawn");
        for (ConsumerRecord<String, String> record : awaitRecords(refused, 2)) {
            assertThat(SchemaCheck.problems(JSON.readTree(record.value()),
                    schema(record.topic().substring("motcua.".length())))).isEmpty();
        }

        // Each send was recorded in the event publication registry with the change, and completed once acknowledged;
        // nothing else (catalog changes, step completions) was recorded for Kafka.
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        Instant until = Instant.now().plusSeconds(30);
        while (openPublications(jdbc) > 0 && Instant.now().isBefore(until)) {
            consumer.poll(Duration.ofMillis(200)).forEach(received::add);
        }
        assertThat(openPublications(jdbc)).isZero();
        assertThat(jdbc.sql("select distinct event_type from event_publication where listener_id like ?")
                .param("%KafkaEventExternalizer%").query(String.class).list())
                .containsExactlyInAnyOrder(DossierSubmitted.class.getName(), DossierReceived.class.getName(),
                        SupplementRequested.class.getName(), SupplementReceived.class.getName(),
                        PaymentCompleted.class.getName(), ResultReady.class.getName(), DossierReturned.class.getName(),
                        RatingGiven.class.getName(), DossierRefused.class.getName(), DossierWithdrawn.class.getName());

        // Each topic was made with the configured partitions.
        int partitions = broker.<Integer>doWithAdminFunction(admin -> {
            try {
                return admin.describeTopics(Set.of("motcua.dossier.received")).allTopicNames().get()
                        .get("motcua.dossier.received").partitions().size();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(partitions).isEqualTo(3);
    }

    static int openPublications(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from event_publication where listener_id like ? and completion_date is null")
                .param("%KafkaEventExternalizer%").query(Integer.class).single();
    }

    /** The dossier's records, in the order they were produced (the broker's timestamps), once {@code count} came. */
    static List<ConsumerRecord<String, String>> awaitRecords(String code, int count) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (received.stream().filter(r -> code.equals(r.key())).count() < count && Instant.now().isBefore(deadline)) {
            consumer.poll(Duration.ofMillis(500)).forEach(received::add);
        }
        consumer.poll(Duration.ofMillis(500)).forEach(received::add); // anything more would be one too many
        return received.stream().filter(r -> code.equals(r.key()))
                // Across topics Kafka keeps no order: a consumer orders by the event's own time (records sent in the
                // same millisecond share a broker timestamp).
                .sorted(Comparator.comparing((ConsumerRecord<String, String> r) -> occurredAt(r))
                        .thenComparingLong(ConsumerRecord::timestamp)).toList();
    }

    static Instant occurredAt(ConsumerRecord<String, String> record) {
        return Instant.parse(JSON.readTree(record.value()).get("occurredAt").asString());
    }

    static JsonNode schema(String event) {
        try {
            return JSON.readTree(Files.readString(Path.of("docs/events", event + ".schema.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String submit(ApiClient citizen, String procedureCode) {
        ApiClient.Response created = citizen.postMultipart("/api/v1/dossiers", TestData.submission(
                app.getBean(CatalogService.class).procedure(procedureCode).orElseThrow(), WARD), null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("code").asString();
    }

    static void act(ApiClient who, String code, Map<String, Object> body) {
        ApiClient.Response response = who.postJson("/api/v1/dossiers/" + code + "/actions", body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    static Actor actor(String username) {
        CurrentUser user = app.getBean(AccountRepository.class).findUser(username).orElseThrow();
        return new Actor(user.getUsername(), user.fullName(), user.roles(), WARD);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
