package vn.motcua.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import vn.motcua.MotCuaApplication;
import vn.motcua.catalog.CatalogService;
import vn.motcua.support.ApiClient;
import vn.motcua.support.Http;
import vn.motcua.support.PageClient;
import vn.motcua.support.TestData;

/**
 * The database goes away under a running application and comes back (issue 14, "Database outage"): while it is gone,
 * pages, the token endpoint and a submission answer 503 within 3 s with the Vietnamese page or problem body and
 * {@code Retry-After}, pages served from memory keep working, nothing is written, and the background jobs log the
 * outage once; once it is back, the same session and token work again within 10 s with no restart, the earlier dossier
 * is there and a new submission gets its code. Its own application, on its own kept (stoppable) embedded server.
 */
class DatabaseOutageTest {

    static final String WARD = "000.31.01.H57";
    static final String BIRTH = "1.001193";
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(3);
    static final Duration RECOVER_WITHIN = Duration.ofSeconds(10);
    static final String UNAVAILABLE = "Hệ thống đang tạm gián đoạn, vui lòng thử lại sau ít phút";
    static final String NOT_SAVED = "những gì bạn vừa gửi chưa được lưu. Vui lòng thử lại";

    static Path dataDir;
    static int port;
    static ConfigurableApplicationContext app;
    static ListAppender<ILoggingEvent> outageLog = new ListAppender<>();
    static ListAppender<ILoggingEvent> everyLog = new ListAppender<>();

    @BeforeAll
    static void start() throws IOException {
        dataDir = Files.createTempDirectory("motcua-outage-");
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        // Command-line arguments, so that they win over the test profile's temporary database.
        app = new SpringApplicationBuilder(MotCuaApplication.class).profiles("test").run(
                "--server.port=" + port, "--motcua.public-url=http://localhost:" + port,
                "--motcua.data-dir=" + dataDir, "--motcua.database.temporary=false");
        Logger logger = (Logger) LoggerFactory.getLogger(DatabaseOutage.class);
        logger.setLevel(Level.INFO);
        outageLog.start();
        logger.addAppender(outageLog);
        everyLog.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(everyLog);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        FileSystemUtils.deleteRecursively(dataDir.toFile());
    }

    @Test
    void answers503QuicklyWhileTheDatabaseIsGoneAndRecoversWhenItReturns() throws Exception {
        ApiClient citizen = ApiClient.signIn(port, "citizen", "demo123");
        ApiClient.Response first = citizen.postMultipart("/api/v1/dossiers", submission(), null);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String firstCode = first.json().get("code").asString();
        PageClient signedIn = new PageClient(port);
        assertThat(signedIn.signIn("citizen", "demo123").statusCode()).isEqualTo(302);
        assertThat(signedIn.get("/ho-so-cua-toi").statusCode()).isEqualTo(200);
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        long dossiers = jdbc.sql("select count(*) from dossier").query(Long.class).single();
        EmbeddedDatabaseConfiguration.EmbeddedDatabase database =
                app.getBean(EmbeddedDatabaseConfiguration.EmbeddedDatabase.class);

        database.stop();
        try {
            PageClient visitor = new PageClient(port);
            unavailablePage("home page", UNAVAILABLE, () -> visitor.get("/"));
            unavailablePage("signed-in page", UNAVAILABLE, () -> signedIn.get("/ho-so-cua-toi"));
            // What was sent is said not to be saved.
            unavailablePage("sign-in form", NOT_SAVED, () -> new PageClient(port).signIn("citizen", "demo123"));
            HttpResponse<String> token = timed("token endpoint", () -> Http.postJson(port, "/api/v1/auth/token",
                    "{\"username\":\"citizen\",\"password\":\"demo123\"}"));
            assertThat(token.statusCode()).as(token.body()).isEqualTo(503);
            assertThat(token.headers().firstValue("Retry-After")).isPresent();
            assertThat(token.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(token.body()).contains("\"error\":\"unavailable\"").contains(NOT_SAVED);
            ApiClient.Response refused = timed("submission", () -> citizen.postMultipart("/api/v1/dossiers",
                    submission(), null));
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.json().get("error").asString()).isEqualTo("unavailable");
            assertThat(refused.json().get("detail").asString()).contains(NOT_SAVED);
            // Served from memory: search and procedure pages stay open to anonymous visitors.
            assertThat(timed("catalog search", () -> visitor.get("/tim-kiem?q=khai+sinh")).statusCode()).isEqualTo(200);
            assertThat(timed("procedure page", () -> visitor.get("/thu-tuc/" + BIRTH)).statusCode()).isEqualTo(200);
            // A load balancer takes the node out (readiness DOWN) but does not restart it (liveness UP).
            HttpResponse<String> ready = timed("readiness", () -> visitor.get("/readyz"));
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(503);
            assertThat(ready.body()).contains("DOWN");
            assertThat(visitor.get("/livez").statusCode()).isEqualTo(200);
            Thread.sleep(1_500); // a few rounds of the background jobs while the database is gone
        } finally {
            database.restart();
        }
        long back = System.nanoTime();

        HttpResponse<String> page;
        do {
            Thread.sleep(100);
            page = signedIn.get("/ho-so-cua-toi");
        } while (page.statusCode() != 200 && System.nanoTime() - back < RECOVER_WITHIN.toNanos());
        Duration recovery = Duration.ofNanos(System.nanoTime() - back);
        System.out.printf("database outage: same session's page again after %d ms%n", recovery.toMillis());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(recovery).isLessThan(RECOVER_WITHIN);
        assertThat(page.body()).contains(firstCode);
        assertThat(citizen.get("/api/v1/dossiers/" + firstCode).status()).isEqualTo(200);
        assertThat(ApiClient.signIn(port, "citizen", "demo123").token()).isNotBlank();
        ApiClient.Response second = citizen.postMultipart("/api/v1/dossiers", submission(), null);
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(new PageClient(port).get("/readyz").statusCode()).isEqualTo(200);
        System.out.printf("database outage: everything works again after %d ms%n",
                Duration.ofNanos(System.nanoTime() - back).toMillis());
        // Nothing was written while the database was gone: the refused submission left no dossier.
        assertThat(jdbc.sql("select count(*) from dossier").query(Long.class).single()).isEqualTo(dossiers + 1);

        // The jobs said it once each way: no stack trace every round.
        long deadline = System.nanoTime() + RECOVER_WITHIN.toNanos();
        while (count(Level.INFO) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(count(Level.WARN)).as("outage start lines").isEqualTo(1);
        assertThat(count(Level.INFO)).as("outage end lines").isEqualTo(1);
        assertThat(everyLog.list.stream().filter(e -> e.getLevel() == Level.ERROR).map(ILoggingEvent::getFormattedMessage))
                .as("errors logged by anything").isEmpty();
    }

    private static Map<String, Object> submission() {
        return TestData.submission(app.getBean(CatalogService.class).procedure(BIRTH).orElseThrow(), WARD);
    }

    private static void unavailablePage(String what, String text, Supplier<HttpResponse<String>> request) {
        HttpResponse<String> response = timed(what, request);
        assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).as(what).isPresent();
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(response.body()).as(what).contains(text);
    }

    private static <T> T timed(String what, Supplier<T> request) {
        long start = System.nanoTime();
        T answer = request.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("database outage: %s answered in %d ms%n", what, took.toMillis());
        assertThat(took).as(what + " answer time").isLessThan(ANSWER_WITHIN);
        return answer;
    }

    /** Lines of {@link DatabaseOutage} at this level. */
    private static long count(Level level) {
        return outageLog.list.stream().filter(e -> e.getLevel() == level).count();
    }
}
