package vn.motcua.platform.cache;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

import vn.motcua.platform.database.DatabaseOutage;

/**
 * A small in-process cache for reference data that is read on every request and rarely changes (procedures,
 * agencies, process versions). Entries expire after {@code lifetime}, so a change made on another application node
 * shows here within that time at the latest (its owner also invalidates on the {@code ClusterChange} of its topic, within
 * a second or two); a change made on this node invalidates at once. Age is measured on the monotonic
 * {@link System#nanoTime()} ticker, not the Clock bean: expiry is not business time and must not jump with it.
 * While the database is out of reach ({@link DatabaseOutage}) an expired value is served rather than none, so that
 * what was read before an outage (a procedure page, an agency) stays readable through it.
 */
public final class LocalCache<K, V> {

    private record Entry<V>(V value, long loadedAt) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long lifetimeNanos;
    private final LongSupplier ticker;
    private final int maxEntries;
    /** Counts invalidations, so that a value loaded while one happens (perhaps stale) is returned but not kept. */
    private final AtomicLong generation = new AtomicLong();

    public LocalCache(Duration lifetime, int maxEntries) {
        this(lifetime, maxEntries, System::nanoTime);
    }

    LocalCache(Duration lifetime, int maxEntries, LongSupplier ticker) {
        this.lifetimeNanos = lifetime.toNanos();
        this.maxEntries = maxEntries;
        this.ticker = ticker;
    }

    public V get(K key, Function<K, V> loader) {
        long now = ticker.getAsLong();
        Entry<V> entry = entries.get(key);
        if (entry == null || now - entry.loadedAt() > lifetimeNanos) {
            if (entries.size() >= maxEntries) {
                entries.clear(); // simple bound: reference data fits many times over
            }
            long before = generation.get();
            V loaded;
            try {
                loaded = loader.apply(key);
            } catch (RuntimeException e) {
                if (entry != null && DatabaseOutage.causedBy(e)) {
                    return entry.value(); // the database is out of reach: an expired value beats a 503
                }
                throw e;
            }
            entry = new Entry<>(loaded, now);
            entries.put(key, entry);
            if (generation.get() != before) {
                entries.remove(key, entry);
            }
        }
        return entry.value();
    }

    public void invalidateAll() {
        generation.incrementAndGet();
        entries.clear();
    }
}
