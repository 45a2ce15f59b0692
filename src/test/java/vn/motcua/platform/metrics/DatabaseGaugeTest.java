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
        AtomicInteger reads = new AtomicInteger();
        Gauge gauge = DatabaseGauge.register(registry, "motcua.test.hung", "test", () -> {
            reads.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 7;
        });
        long start = System.nanoTime();
        assertThat(gauge.value()).isNaN(); // nothing read yet; waited for WAIT
        long first = System.nanoTime();
        assertThat(gauge.value()).isNaN(); // the same read still running: neither waited for nor started again
        long second = System.nanoTime();
        long wait = DatabaseGauge.WAIT.toMillis();
        assertThat((first - start) / 1_000_000).isBetween(wait - 50, wait + 400);
        assertThat((second - first) / 1_000_000).isLessThan(100);
        assertThat(reads).hasValue(1);
        release.countDown();
        Thread.sleep(100);
        assertThat(gauge.value()).isEqualTo(7.0);
    }
}
