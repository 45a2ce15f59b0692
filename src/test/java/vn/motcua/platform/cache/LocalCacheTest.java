package vn.motcua.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

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

    @Test
    void whileTheDatabaseIsOutOfReachAnExpiredValueIsServedAndNothingElseIsHidden() {
        long[] now = {0};
        LocalCache<String, String> cache = new LocalCache<>(Duration.ofMinutes(1), 10, () -> now[0]);
        cache.get("1.001193", key -> "Đăng ký khai sinh");
        now[0] = Duration.ofMinutes(5).toNanos();
        Function<String, String> outage = key -> {
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection");
        };

        assertThat(cache.get("1.001193", outage)).isEqualTo("Đăng ký khai sinh");
        assertThatThrownBy(() -> cache.get("1.004884", outage)).as("never read before")
                .isInstanceOf(CannotGetJdbcConnectionException.class);
        assertThatThrownBy(() -> cache.get("1.001193", key -> {
            throw new IllegalStateException("a bug, not an outage");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(cache.get("1.001193", key -> "Đăng ký khai sinh (mới)")).as("fresh once it is back")
                .isEqualTo("Đăng ký khai sinh (mới)");
    }
}
