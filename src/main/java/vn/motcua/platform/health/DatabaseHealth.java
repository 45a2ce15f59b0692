package vn.motcua.platform.health;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The database in the health and readiness groups ({@code db}, in place of Spring Boot's own), answered within
 * {@code motcua.health.database-timeout}: Boot's check waits as long as the connection pool does for a connection,
 * and a probe that hangs is read as a dead node rather than as a node whose database is gone. A check still running
 * when the next probe comes is waited on again rather than started twice, so probes of an unreachable database do
 * not pile up threads.
 */
@Component("dbHealthIndicator")
class DatabaseHealth implements HealthIndicator {

    private final DataSourceHealthIndicator check;
    private final Duration timeout;
    private CompletableFuture<Health> running; // guarded by this

    DatabaseHealth(DataSource dataSource, @Value("${motcua.health.database-timeout:2s}") Duration timeout)
            throws Exception {
        this.check = new DataSourceHealthIndicator(dataSource);
        this.check.afterPropertiesSet();
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        CompletableFuture<Health> current;
        synchronized (this) {
            if (running == null || running.isDone()) {
                running = CompletableFuture.supplyAsync(check::health,
                        task -> Thread.ofVirtual().name("db-health").start(task));
            }
            current = running;
        }
        try {
            return current.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Health.down().withDetail("error", "no answer within " + timeout.toMillis() + " ms").build();
        } catch (ExecutionException e) {
            return Health.down(e.getCause()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down(e).build();
        }
    }
}
