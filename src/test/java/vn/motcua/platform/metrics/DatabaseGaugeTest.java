package vn.motcua.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** A gauge read from the database: cached, NaN when the read fails, never holding a scrape on a hung database. */
class DatabaseGaugeTest {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void aValueIsReadOnceForItsLifetime() {
        AtomicInteger reads = new AtomicInteger();
        Gauge gauge = DatabaseGauge.register(registry, "motcua.test.cached", "test", () -> reads.incrementAndGet());
        assertThat(gauge.value()).isEqualTo(1.0);
        assertThat(gauge.value()).isEqualTo(1.0);
        assertThat(reads).hasValue(1);
    }

    @Test
    void aFailedReadIsNaNNotAnException() {
        Gauge gauge = DatabaseGauge.register(registry, "motcua.test.failing", "test", () -> {
            throw new IllegalStateException("database gone");
        });
        assertThat(gauge.value()).isNaN();
    }

    @Test
    void aReadThatHangsDoesNotHoldTheScrape() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Gauge gauge = DatabaseGauge.register(registry, "motcua.test.hung", "test", () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 7;
        });
        long start = System.nanoTime();
        assertThat(gauge.value()).isNaN(); // nothing read yet
        assertThat(gauge.value()).isNaN(); // the same read still running: waited on, not started again
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2 * DatabaseGauge.WAIT.toMillis() + 400);
        release.countDown();
        Thread.sleep(100);
        assertThat(gauge.value()).isEqualTo(7.0);
    }
}
