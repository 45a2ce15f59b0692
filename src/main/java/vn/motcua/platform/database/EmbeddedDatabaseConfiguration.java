package vn.motcua.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.StringUtils;

import vn.motcua.platform.MotCuaProperties;

/**
 * Starts a real PostgreSQL server from the binaries shipped as a Maven artifact when no external database is
 * configured, so that a fresh clone runs with no install. Its data stays in {@code <data-dir>/postgres} between
 * runs, as durable as a real installation, and a server that a crashed run left on it is stopped first
 * ({@link LeftOverServer}). Setting {@code spring.datasource.url} (or {@code SPRING_DATASOURCE_URL}) switches this off
 * entirely. The server's library is an optional dependency that the packaged jar leaves out: this class is only
 * loaded when the library is on the class path ({@code spring-boot:run}, tests), so a production jar never needs it.
 * As root the server runs inside a user namespace ({@code unshare -U}), which the library does by itself.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
@ConditionalOnClass(name = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    /** With the settings of the process (system properties, environment variables) only. */
    EmbeddedDatabase embeddedDatabase(MotCuaProperties properties) throws IOException {
        return embeddedDatabase(properties, new StandardEnvironment());
    }

    @Bean
    EmbeddedDatabase embeddedDatabase(MotCuaProperties properties, Environment environment) throws IOException {
        Path directory;
        if (properties.database().temporary()) {
            directory = Files.createTempDirectory("motcua-pg-");
        } else {
            directory = properties.dataDir().toAbsolutePath().resolve("postgres");
            Files.createDirectories(directory.getParent());
            LeftOverServer.stop(directory, Duration.ofSeconds(60));
        }
        boolean durable = !properties.database().temporary();
        // Benchmarks only: measure what durability costs on a throw-away database (never set on an installation).
        Durability durability = new Durability(
                environment.getProperty("motcua.database.fsync", durable ? "on" : "off"),
                environment.getProperty("motcua.database.synchronous-commit", durable ? "on" : "off"));
        EmbeddedPostgres postgres = start(directory, properties.database().port(), properties.database().temporary(),
                durability);
        log.info("Embedded PostgreSQL started on port {} with data in {} (fsync {}, synchronous_commit {})",
                postgres.getPort(), directory, durability.fsync(), durability.synchronousCommit());
        return new EmbeddedDatabase(postgres, directory, properties.database().temporary(), durability);
    }

    /** The server's {@code fsync} and {@code synchronous_commit}: both on unless the database is temporary. */
    record Durability(String fsync, String synchronousCommit) {
    }

    private static EmbeddedPostgres start(Path directory, int port, boolean temporary, Durability durability)
            throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(temporary)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                // Spring stops the server after the pool that uses it; the library's own JVM hook would stop it
                // while the application is still closing and leave the last queries hanging.
                .setRegisterShutdownHook(false)
                .setLocaleConfig("locale", "C.UTF-8")
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "128MB")
                // As durable as a real installation: a dossier acknowledged with its code survives a crash of the
                // server or the machine (the library's own default is synchronous_commit off). Tests need not be.
                .setServerConfig("fsync", durability.fsync())
                .setServerConfig("synchronous_commit", durability.synchronousCommit())
                .start();
    }

    /**
     * The pool, with the same {@code spring.datasource.hikari.*} settings (sizes, timeouts, pgjdbc properties) as the
     * pool Boot makes for an external database; the pool starts at its first use, after they are bound.
     */
    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedDatabase database) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.jdbcUrl());
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(20);
        dataSource.setPoolName("motcua-embedded");
        return dataSource;
    }

    /** The running embedded server; stopped after the pool that uses it is closed. */
    static final class EmbeddedDatabase implements org.springframework.beans.factory.DisposableBean {
        private volatile EmbeddedPostgres postgres;
        private final Path directory;
        private final boolean temporary;
        private final Durability durability;

        EmbeddedDatabase(EmbeddedPostgres postgres, Path directory, boolean temporary, Durability durability) {
            this.postgres = postgres;
            this.directory = directory;
            this.temporary = temporary;
            this.durability = durability;
        }

        String jdbcUrl() {
            return postgres.getJdbcUrl("postgres", "postgres");
        }

        /**
         * Stops the server, as in an outage (for the outage test); the pool stays and waits for {@link #restart()}. A
         * temporary server would delete its data on stopping, so only a kept one can be stopped and started again.
         */
        synchronized void stop() throws IOException {
            if (temporary) {
                throw new IllegalStateException("A temporary embedded database cannot be stopped and started again");
            }
            postgres.close();
        }

        /** Starts the server again on the same folder and port, as after an outage. */
        synchronized void restart() throws IOException {
            postgres = start(directory, postgres.getPort(), false, durability);
        }

        @Override
        public synchronized void destroy() throws IOException {
            postgres.close();
            if (temporary) {
                FileSystemUtils.deleteRecursively(directory);
            }
        }
    }

    static final class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
