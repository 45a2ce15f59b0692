package vn.motcua.platform.metrics;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleSupplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gauge whose value a module reads from its own tables. A scrape never waits on the database for long: a value is
 * kept for {@link #LIFETIME} (Prometheus scrapes every few seconds, several nodes may scrape one database), a stale
 * one is read again on a virtual thread, and the scrape takes the new value if it comes within {@link #WAIT}, else
 * the last one. A read that fails (the database is gone) makes the value NaN, which Prometheus shows as a gap rather
 * than as a plausible figure. Age is measured on {@link System#nanoTime()}: expiry is not business time.
 */
public final class DatabaseGauge {

    static final Duration LIFETIME = Duration.ofSeconds(5);
    static final Duration WAIT = Duration.ofMillis(250);
    private static final Logger log = LoggerFactory.getLogger(DatabaseGauge.class);

    private final String name;
    private final DoubleSupplier reading;
    private volatile double value = Double.NaN;
    private volatile long readAt;
    private volatile boolean everRead;
    private volatile boolean failed;
    private CompletableFuture<Void> refresh; // guarded by this

    private DatabaseGauge(String name, DoubleSupplier reading) {
        this.name = name;
        this.reading = reading;
    }

    /**
     * Registers a gauge named in Micrometer's dotted style ({@code motcua.dossiers.overdue}; Prometheus shows
     * {@code motcua_dossiers_overdue}).
     */
    public static Gauge register(MeterRegistry registry, String name, String description, DoubleSupplier reading) {
        DatabaseGauge gauge = new DatabaseGauge(name, reading);
        return Gauge.builder(name, gauge, DatabaseGauge::value).description(description).strongReference(true)
                .register(registry);
    }

    /** As {@link #register}, with a base unit ({@code seconds}) that Prometheus appends to the name. */
    public static Gauge register(MeterRegistry registry, String name, String description, String baseUnit,
                                 DoubleSupplier reading) {
        DatabaseGauge gauge = new DatabaseGauge(name, reading);
        return Gauge.builder(name, gauge, DatabaseGauge::value).description(description).baseUnit(baseUnit)
                .strongReference(true).register(registry);
    }

    double value() {
        if (everRead && System.nanoTime() - readAt < LIFETIME.toNanos()) {
            return value;
        }
        CompletableFuture<Void> started = null;
        synchronized (this) {
            if (refresh == null || refresh.isDone()) {
                refresh = CompletableFuture.runAsync(this::read,
                        task -> Thread.ofVirtual().name("gauge-" + name).start(task));
                started = refresh;
            }
        }
        // Only a read this scrape started, and only while the database answered last time, is waited for: a scrape
        // of a node whose database hangs costs one short wait per gauge once, not at every scrape.
        if (started != null && !failed) {
            try {
                started.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // still reading: the last value until the read ends
            } catch (ExecutionException e) {
                // read() catches everything; nothing to add
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return value;
    }

    private void read() {
        try {
            value = reading.getAsDouble();
            failed = false;
        } catch (RuntimeException e) {
            value = Double.NaN;
            failed = true;
            log.debug("Gauge {} could not be read: {}", name, e.toString());
        }
        readAt = System.nanoTime();
        everRead = true;
    }
}
