package vn.motcua.reporting;

import java.util.Arrays;

/** Sums of every {@link Measure} over some agencies, procedures, channels and days. */
public final class Figures {

    private final long[] values;

    public Figures() {
        this(new long[Measure.values().length]);
    }

    public Figures(long[] values) {
        if (values.length != Measure.values().length) {
            throw new IllegalArgumentException("one value per measure");
        }
        this.values = values;
    }

    public long get(Measure m) {
        return values[m.ordinal()];
    }

    public Figures plus(Figures other) {
        long[] sum = values.clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += other.values[i];
        }
        return new Figures(sum);
    }

    /** Adds in place; for accumulating many rows. */
    public void add(long[] row) {
        for (int i = 0; i < values.length; i++) {
            values[i] += row[i];
        }
    }

    public boolean isZero() {
        return Arrays.stream(values).allMatch(v -> v == 0);
    }

    public long[] toArray() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Figures f && Arrays.equals(values, f.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Figures{");
        for (Measure m : Measure.values()) {
            if (values[m.ordinal()] != 0) {
                s.append(m).append('=').append(values[m.ordinal()]).append(' ');
            }
        }
        return s.append('}').toString();
    }
}
