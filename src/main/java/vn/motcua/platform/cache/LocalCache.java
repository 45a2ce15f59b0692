package vn.motcua.platform.cache;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A small in-process cache for reference data that is read on every request and rarely changes (procedures,
 * agencies, process versions). Entries expire after {@code lifetime}, so a change made on another application node
 * shows here within that time at the latest (its owner also invalidates on the {@code ClusterChange} of its topic, within
 * a second or two); a change made on this node invalidates at once. Age is measured on the monotonic
 * {@link System#nanoTime()} ticker, not the Clock bean: expiry is not business time and must not jump with it.
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
            entry = new Entry<>(loader.apply(key), now);
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
