package vn.motcua.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.motcua.platform.MotCuaProperties;

/**
 * After the application is killed ({@code kill -9}), its embedded PostgreSQL outlives it and holds the data folder;
 * the next start must stop it by itself, keep what was committed, and run durably.
 */
class LeftOverServerTest {

    @TempDir Path dataDir;

    @Test
    void theNextStartStopsTheServerAKilledRunLeftAndKeepsItsData() throws Exception {
        Path folder = dataDir.resolve("postgres");
        // A run that commits a row and then dies at once, without stopping its server.
        Process killed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledRun.class.getName(), folder.toString())
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("killed-run.log").toFile()).start();
        try {
            assertThat(killed.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(killed.exitValue()).isEqualTo(0);
            assertThat(LeftOverServer.find(folder)).as("the server outlived its application").isPresent();

            EmbeddedDatabaseConfiguration configuration = new EmbeddedDatabaseConfiguration();
            EmbeddedDatabaseConfiguration.EmbeddedDatabase next = configuration.embeddedDatabase(properties());
            try (HikariDataSource pool = configuration.dataSource(next)) {
                JdbcClient jdbc = JdbcClient.create(pool);
                assertThat(jdbc.sql("select code from acknowledged").query(String.class).list())
                        .containsExactly("H57-0001");
                assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
                assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
            } finally {
                next.destroy();
            }
            assertThat(LeftOverServer.find(folder)).isEmpty();
        } finally {
            killed.destroyForcibly();
            LeftOverServer.stop(folder, Duration.ofSeconds(30)); // whatever a failure above left running
        }
    }

    @Test
    void aServerThatALiveRunStillUsesIsNeverStopped() throws Exception {
        Path folder = dataDir.resolve("postgres");
        try (EmbeddedPostgres live = EmbeddedPostgres.builder().setDataDirectory(folder).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false).start()) {
            assertThatThrownBy(() -> LeftOverServer.stop(folder, Duration.ofSeconds(5)))
                    .isInstanceOf(DataFolderInUseException.class).hasMessageContaining("Another application is running")
                    .hasMessageContaining("Nothing was stopped");
            // Said at the end of the output, however deep in the start it was thrown.
            FailureAnalysis analysis = new DataFolderInUseAnalyzer().analyze(
                    new BeanCreationException("embeddedDatabase", new DataFolderInUseException(dataDir)));
            assertThat(analysis.getDescription()).contains("Another MộtCửa is running on the data folder " + dataDir);
            assertThat(analysis.getAction()).contains("MOTCUA_DATA_DIR");
            assertThat(LeftOverServer.find(folder)).as("still running").isPresent();
            assertThat(JdbcClient.create(live.getPostgresDatabase()).sql("select 1").query(Integer.class).single())
                    .isEqualTo(1);
        }
        assertThat(LeftOverServer.inUse(folder)).as("released when its run ends").isFalse();
    }

    @Test
    void aStaleLockFileOfAGoneServerIsNotAServer() throws Exception {
        Files.createDirectories(dataDir);
        // A process id that is not PostgreSQL (this JVM), then one that does not exist.
        Files.writeString(dataDir.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + dataDir + "\n");
        assertThat(LeftOverServer.find(dataDir)).isEmpty();
        Files.writeString(dataDir.resolve("postmaster.pid"), "999999999\n" + dataDir + "\n");
        assertThat(LeftOverServer.find(dataDir)).isEmpty();
        assertThat(LeftOverServer.stop(dataDir, Duration.ofSeconds(1))).isFalse();
    }

    private MotCuaProperties properties() {
        return new MotCuaProperties(dataDir, "http://localhost:8080", "Huế", new MotCuaProperties.Demo(false),
                new MotCuaProperties.Database(false, 0),
                new MotCuaProperties.Security(new MotCuaProperties.LoginThrottle(5, 20, Duration.ofSeconds(1),
                        Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(180), 50), Duration.ofHours(1)));
    }

    /** Starts a server on the folder, commits a row, and dies like a killed JVM: no shutdown of anything. */
    public static final class KilledRun {
        public static void main(String[] args) throws Exception {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(Path.of(args[0]))
                    .setCleanDataDirectory(false).setRegisterShutdownHook(false)
                    .setServerConfig("synchronous_commit", "on").start();
            JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());
            jdbc.sql("create table acknowledged (code text)").update();
            jdbc.sql("insert into acknowledged values ('H57-0001')").update();
            Runtime.getRuntime().halt(0);
        }
    }
}
