package vn.motcua.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** The database check answers DOWN within its time limit when no connection comes, instead of hanging the probe. */
class DatabaseHealthTest {

    @Test
    void aDatabaseThatDoesNotAnswerIsDownWithinTheTimeout() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        DataSource hung = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        never.await(); // a pool waiting for a connection to a server that is gone
                    }
                    return method.getName().equals("toString") ? "hung" : null;
                });
        DatabaseHealth health = new DatabaseHealth(hung, Duration.ofMillis(300));
        try {
            long start = System.nanoTime();
            Health answer = health.health();
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(answer.getStatus()).isEqualTo(Status.DOWN);
            assertThat(ms).isBetween(250L, 1500L);
            // The next probe waits on the same check rather than starting another.
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        } finally {
            never.countDown();
        }
    }

    @Test
    void aFailingDatabaseIsDownAtOnce() throws Exception {
        DataSource refused = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        throw new java.sql.SQLException("Connection refused");
                    }
                    return null;
                });
        Health answer = new DatabaseHealth(refused, Duration.ofSeconds(2)).health();
        assertThat(answer.getStatus()).isEqualTo(Status.DOWN);
    }
}
