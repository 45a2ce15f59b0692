package vn.motcua.reporting.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import vn.motcua.reporting.Measure;

/** What subjects add to the read model: per key (day, agency, procedure, channel), one value per {@link Measure}. */
public final class Contributions {

    /** A row of the read model. Petitions have no channel (empty). */
    public record Key(LocalDate day, String agency, String procedure, String channel) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = day.compareTo(o.day);
            if (c == 0) c = agency.compareTo(o.agency);
            if (c == 0) c = procedure.compareTo(o.procedure);
            if (c == 0) c = channel.compareTo(o.channel);
            return c;
        }

        public Key month() {
            return new Key(day.withDayOfMonth(1), agency, procedure, channel);
        }
    }

    private final Map<Key, long[]> rows;

    public Contributions() {
        this(new HashMap<>());
    }

    private Contributions(Map<Key, long[]> rows) {
        this.rows = rows;
    }

    public void add(Key key, Measure measure, long value) {
        if (value != 0) {
            rows.computeIfAbsent(key, k -> new long[Measure.values().length])[measure.ordinal()] += value;
        }
    }

    public void addAll(Contributions other, int sign) {
        other.rows.forEach((key, values) -> {
            long[] mine = rows.computeIfAbsent(key, k -> new long[Measure.values().length]);
            for (int i = 0; i < values.length; i++) {
                mine[i] += sign * values[i];
            }
        });
    }

    /** The rows that change something, sorted, so that writers lock rows of the counts in one order. */
    public Contributions changes() {
        Contributions d = new Contributions(new TreeMap<>());
        d.addAll(this, 1);
        d.rows.values().removeIf(v -> java.util.Arrays.stream(v).allMatch(x -> x == 0));
        return d;
    }

    /** The same values keyed by month, for the monthly table. */
    public Contributions byMonth() {
        return regroup(Key::month);
    }

    /** The same values with the procedures added together (procedure empty), for the monthly totals. */
    public Contributions allProcedures() {
        return regroup(k -> new Key(k.day(), k.agency(), "", k.channel()));
    }

    private Contributions regroup(java.util.function.UnaryOperator<Key> into) {
        Contributions m = new Contributions(new TreeMap<>());
        rows.forEach((key, values) -> {
            long[] mine = m.rows.computeIfAbsent(into.apply(key), k -> new long[Measure.values().length]);
            for (int i = 0; i < values.length; i++) {
                mine[i] += values[i];
            }
        });
        return m;
    }

    public Map<Key, long[]> rows() {
        return rows;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
