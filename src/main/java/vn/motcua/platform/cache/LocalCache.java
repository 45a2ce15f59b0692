package vn.motcua.platform.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A small in-process cache for reference data that is read on every request and rarely changes (procedures,
 * agencies, process versions). Entries expire after {@code lifetime}, so a change made on another application node
 * shows here within that time; a change made on this node invalidates at once.
 */
public final class LocalCache<K, V> {

    private record Entry<V>(V value, Instant loadedAt) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Duration lifetime;
    private final Clock clock;
    private final int maxEntries;

    public LocalCache(Duration lifetime, int maxEntries) {
        this(lifetime, maxEntries, Clock.systemUTC());
    }

    LocalCache(Duration lifetime, int maxEntries, Clock clock) {
        this.lifetime = lifetime;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    public V get(K key, Function<K, V> loader) {
        Instant now = clock.instant();
        Entry<V> entry = entries.get(key);
        if (entry == null || entry.loadedAt().plus(lifetime).isBefore(now)) {
            if (entries.size() >= maxEntries) {
                entries.clear(); // simple bound: reference data fits many times over
            }
            entry = new Entry<>(loader.apply(key), now);
            entries.put(key, entry);
        }
        return entry.value();
    }

    public void invalidateAll() {
        entries.clear();
    }
}
