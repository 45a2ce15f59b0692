package vn.motcua.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class LocalCacheTest {

    @Test
    void aValueLoadedWhileTheCacheIsInvalidatedIsReturnedButNotKept() {
        LocalCache<String, Integer> cache = new LocalCache<>(Duration.ofMinutes(1), 10, () -> 0L);
        AtomicInteger loads = new AtomicInteger();

        // another node's change is heard while this load reads the old row
        int first = cache.get("k", key -> {
            cache.invalidateAll();
            return loads.incrementAndGet();
        });
        int second = cache.get("k", key -> loads.incrementAndGet());
        int third = cache.get("k", key -> loads.incrementAndGet());

        assertThat(first).isEqualTo(1);
        assertThat(second).as("loaded again, not the value read before the change").isEqualTo(2);
        assertThat(third).as("kept once nothing changed meanwhile").isEqualTo(2);
    }

    @Test
    void invalidateAllDropsWhatIsCached() {
        LocalCache<String, Integer> cache = new LocalCache<>(Duration.ofMinutes(1), 10, () -> 0L);
        AtomicInteger loads = new AtomicInteger();
        cache.get("k", key -> loads.incrementAndGet());
        cache.invalidateAll();
        assertThat(cache.get("k", key -> loads.incrementAndGet())).isEqualTo(2);
    }
}
