package vn.motcua.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

import vn.motcua.platform.MotCuaProperties;

/**
 * The zero-setup database keeps its data in the data folder from one run to the next, and stays out of the way
 * when an external database is configured or its library is absent (the packaged jar).
 */
class EmbeddedDatabaseTest {

    @TempDir Path dataDir;

    @Test
    void dataSurvivesARestart() throws Exception {
        MotCuaProperties properties = new MotCuaProperties(dataDir, "http://localhost:8080", "Huế", new MotCuaProperties.Demo(false),
                new MotCuaProperties.Database(false, 0),
                new MotCuaProperties.Security(new MotCuaProperties.LoginThrottle(5, 20, Duration.ofSeconds(1),
                        Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(180), 50), Duration.ofHours(1)));
        EmbeddedDatabaseConfiguration configuration = new EmbeddedDatabaseConfiguration();

        // A benchmark may switch synchronous_commit off for one run (bench/submission-bench.sh); the next start is
        // durable again.
        EmbeddedDatabaseConfiguration.EmbeddedDatabase first = configuration.embeddedDatabase(properties,
                new MockEnvironment().withProperty("motcua.database.synchronous-commit", "off"));
        try (HikariDataSource pool = configuration.dataSource(first)) {
            JdbcClient jdbc = JdbcClient.create(pool);
            assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("off");
            jdbc.sql("create table kept (word text)").update();
            jdbc.sql("insert into kept values ('Huế')").update();
        } finally {
            first.destroy();
        }
        assertThat(Files.exists(dataDir.resolve("postgres/PG_VERSION"))).isTrue();

        EmbeddedDatabaseConfiguration.EmbeddedDatabase second = configuration.embeddedDatabase(properties);
        try (HikariDataSource pool = configuration.dataSource(second)) {
            assertThat(JdbcClient.create(pool).sql("select word from kept").query(String.class).single()).isEqualTo("Huế");
            assertThat(JdbcClient.create(pool).sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
            assertThat(JdbcClient.create(pool).sql("show fsync").query(String.class).single()).isEqualTo("on");
        } finally {
            second.destroy();
        }
    }

    @Test
    void startsNothingWithAnExternalDatabaseOrWithoutTheLibrary() {
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withUserConfiguration(EmbeddedDatabaseConfiguration.class);
        runner.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example/motcua")
                .run(context -> assertThat(context).hasNotFailed()
                        .doesNotHaveBean(EmbeddedDatabaseConfiguration.EmbeddedDatabase.class));
        runner.withClassLoader(new FilteredClassLoader("io.zonky.test"))
                .run(context -> assertThat(context).hasNotFailed()
                        .doesNotHaveBean(EmbeddedDatabaseConfiguration.EmbeddedDatabase.class));
    }
}
