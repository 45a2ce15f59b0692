package vn.motcua.bench;

import java.util.Arrays;

/** Percentiles of measured durations, as the benchmarks print them. */
final class Latencies {

    private Latencies() {
    }

    /** Prints {@code what: N <unit>, p50 .. ms, p95 .. ms, p99 .. ms, max .. ms}. */
    static void print(String what, String unit, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%s: %d %s, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n", what, sorted.length, unit,
                at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    /** The quantile of sorted nanoseconds, in milliseconds. */
    static double at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
