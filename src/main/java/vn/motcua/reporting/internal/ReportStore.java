package vn.motcua.reporting.internal;

import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.motcua.reporting.Measure;

/**
 * The figures of the read model as reports read them: the sums of the daily and monthly counts over a period, and a
 * snapshot of every table for comparing a rebuild with the live model. The fold writes through {@link FoldWriter},
 * the event history is {@link ReportHistory}'s.
 */
@Repository
public class ReportStore {

    static final String COLUMNS = Arrays.stream(Measure.values()).map(Measure::column).collect(Collectors.joining(", "));

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ReportHistory history;

    ReportStore(JdbcClient jdbc, JdbcTemplate template, ReportHistory history) {
        this.jdbc = jdbc;
        this.template = template;
        this.history = history;
    }

    /** Appends many facts at once (a demo history); facts already there are skipped. */
    public void appendAll(List<Fact> facts) {
        history.appendAll(facts);
    }

    public boolean hasHistory() {
        return history.hasHistory();
    }

    // ------------------------------------------------------------------ figures

    /** What counts as a procedure's use online: the partial indexes of V20 are on exactly this condition. */
    private static final String USED_ONLINE = "(received > 0 and channel in ('ONLINE', 'NATIONAL_PORTAL') or paid_online > 0)";

    /**
     * Sums over the days {@code from}–{@code to} of the agencies (null: all): per agency and channel, whole months read
     * from the monthly totals and the edges from the daily counts; and which procedures received a dossier online or
     * were paid for online.
     */
    public Sums sums(LocalDate from, LocalDate to, List<String> agencies) {
        String sums = Arrays.stream(Measure.values()).map(m -> "sum(" + m.column() + ")").collect(Collectors.joining(", "));
        List<Row> totals = query("select agency, channel, " + sums + " from (%s) r group by agency, channel",
                "select * from report_month_total where %s", "select * from report_day where %s", "true",
                from, to, agencies, (rs, i) -> {
                    long[] values = new long[Measure.values().length];
                    for (int m = 0; m < values.length; m++) {
                        values[m] = rs.getLong(3 + m);
                    }
                    return new Row(rs.getString(1), "", rs.getString(2), values);
                });
        String columns = "select agency, procedure, channel, received, paid_online from ";
        List<ProcedureUse> procedures = query("""
                        select agency, procedure, bool_or(received > 0 and channel in ('ONLINE', 'NATIONAL_PORTAL')),
                               bool_or(paid_online > 0) from (%s) r group by agency, procedure""",
                columns + "report_month where %s", columns + "report_day where %s", USED_ONLINE, from, to, agencies,
                (rs, i) -> new ProcedureUse(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4)));
        return new Sums(totals, procedures);
    }

    /**
     * Runs {@code outer} over the union of {@code monthly} for the whole months of the period and {@code daily} for
     * the days at its edges, each filtered by {@code condition} and the agencies.
     */
    private <T> List<T> query(String outer, String monthly, String daily, String condition, LocalDate from, LocalDate to,
                              List<String> agencies, org.springframework.jdbc.core.RowMapper<T> mapper) {
        LocalDate firstWholeMonth = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate afterLastWholeMonth = to.plusDays(1).withDayOfMonth(1);
        String agencyFilter = agencies == null ? "" : " and agency = any(?)";
        List<Object> params = new ArrayList<>();
        String inner;
        if (firstWholeMonth.isBefore(afterLastWholeMonth)) {
            inner = monthly.formatted("day >= ? and day < ? and " + condition + agencyFilter) + " union all "
                    + daily.formatted("(day >= ? and day < ? or day >= ? and day <= ?) and " + condition + agencyFilter);
            params.addAll(List.of(firstWholeMonth, afterLastWholeMonth));
            addAgencies(params, agencies);
            params.addAll(List.of(from, firstWholeMonth, afterLastWholeMonth, to));
        } else {
            inner = daily.formatted("day >= ? and day <= ? and " + condition + agencyFilter);
            params.addAll(List.of(from, to));
        }
        addAgencies(params, agencies);
        return template.query(con -> {
            PreparedStatement ps = con.prepareStatement(outer.formatted(inner));
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p instanceof String[] codes) {
                    ps.setArray(i + 1, con.createArrayOf("varchar", codes));
                } else {
                    ps.setObject(i + 1, p);
                }
            }
            return ps;
        }, mapper);
    }

    private static void addAgencies(List<Object> params, List<String> agencies) {
        if (agencies != null) {
            params.add(agencies.toArray(String[]::new));
        }
    }

    /** Summed counts of one agency and channel (procedure empty: all of them). */
    public record Row(String agency, String procedure, String channel, long[] values) {
    }

    /** Whether an agency's procedure received a dossier online, and was paid for online, in the period. */
    public record ProcedureUse(String agency, String procedure, boolean onlineDossier, boolean onlinePayment) {
    }

    public record Sums(List<Row> totals, List<ProcedureUse> procedures) {

        /** The part of the sums that concerns these agencies. */
        public Sums of(java.util.Set<String> agencies) {
            return new Sums(totals.stream().filter(r -> agencies.contains(r.agency())).toList(),
                    procedures.stream().filter(p -> agencies.contains(p.agency())).toList());
        }
    }

    /** Every non-zero row of the daily and monthly tables, for comparing a rebuild with the live model. */
    public Map<String, List<String>> snapshot() {
        return Map.of("report_day", dump("report_day"), "report_month", dump("report_month"),
                "report_month_total", dump("report_month_total"),
                "report_dossier", jdbc.sql("select * from report_dossier order by code").query((rs, i) -> {
                    StringBuilder s = new StringBuilder();
                    for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                        s.append(rs.getString(c)).append('|');
                    }
                    return s.toString();
                }).list());
    }

    private List<String> dump(String table) {
        String nonZero = Arrays.stream(Measure.values()).map(m -> m.column() + " <> 0").collect(Collectors.joining(" or "));
        return jdbc.sql("select day, agency, procedure, channel, " + COLUMNS + " from " + table + " where " + nonZero
                        + " order by day, agency, procedure, channel")
                .query((rs, i) -> {
                    StringBuilder s = new StringBuilder();
                    for (int c = 1; c <= 4 + Measure.values().length; c++) {
                        s.append(rs.getString(c)).append('|');
                    }
                    return s.toString();
                }).list();
    }
}
