package vn.motcua.reporting.internal;

import static vn.motcua.reporting.internal.ReportStore.COLUMNS;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

import vn.motcua.reporting.Measure;
import vn.motcua.reporting.internal.Contributions.Key;

/**
 * What the fold writes: the changes it adds to the daily and monthly counts and the rows of the dossiers it folded,
 * or, in a rebuild, all of them at once with COPY after clearing the tables. The figures are read by {@link ReportStore}.
 */
@Repository
class FoldWriter {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final DataSource dataSource;

    FoldWriter(JdbcClient jdbc, JdbcTemplate template, DataSource dataSource) {
        this.jdbc = jdbc;
        this.template = template;
        this.dataSource = dataSource;
    }

    // ------------------------------------------------------------------ one batch

    /** Adds the changes to the daily and the monthly counts. */
    void add(Contributions delta) {
        if (delta.isEmpty()) {
            return;
        }
        upsert("report_day", delta);
        upsert("report_month", delta.byMonth());
        upsert("report_month_total", delta.byMonth().allProcedures());
    }

    private void upsert(String table, Contributions delta) {
        String updates = Arrays.stream(Measure.values())
                .map(m -> m.column() + " = " + table + "." + m.column() + " + excluded." + m.column())
                .collect(Collectors.joining(", "));
        String sql = "insert into " + table + " (day, agency, procedure, channel, " + COLUMNS + ") values (?, ?, ?, ?"
                + ", ?".repeat(Measure.values().length) + ") on conflict (day, agency, procedure, channel) do update set "
                + updates;
        List<Object[]> rows = new ArrayList<>();
        delta.rows().forEach((key, values) -> {
            Object[] row = new Object[4 + values.length];
            row[0] = key.day();
            row[1] = key.agency();
            row[2] = key.procedure();
            row[3] = key.channel();
            for (int i = 0; i < values.length; i++) {
                row[4 + i] = values[i];
            }
            rows.add(row);
        });
        template.batchUpdate(sql, rows);
    }

    void save(List<DossierTally> tallies) {
        List<Object[]> rows = tallies.stream().filter(DossierTally::received)
                .map(t -> dossierRow(t, t.endedAt()).toArray()).toList();
        if (rows.isEmpty()) {
            return;
        }
        template.batchUpdate("""
                insert into report_dossier (code, agency, procedure, channel, received_at, legal_due_at, ended_at, outcome,
                    timeliness, supplements, digitised, reused, e_result, fee_paid, paid_online, satisfied, paid_at,
                    rated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (code) do update set agency = excluded.agency, procedure = excluded.procedure,
                    channel = excluded.channel, received_at = excluded.received_at, legal_due_at = excluded.legal_due_at,
                    ended_at = excluded.ended_at, outcome = excluded.outcome, timeliness = excluded.timeliness,
                    supplements = excluded.supplements, digitised = excluded.digitised, reused = excluded.reused,
                    e_result = excluded.e_result, fee_paid = excluded.fee_paid, paid_online = excluded.paid_online,
                    satisfied = excluded.satisfied, paid_at = excluded.paid_at, rated_at = excluded.rated_at""", rows);
    }

    private static List<Object> dossierRow(DossierTally t, Instant ended) {
        List<Object> row = new ArrayList<>();
        row.add(t.code);
        row.add(t.agency);
        row.add(t.procedure);
        row.add(t.channel);
        row.add(Timestamp.from(t.receivedAt));
        row.add(t.legalDueAt == null ? null : Timestamp.from(t.legalDueAt));
        row.add(ended == null ? null : Timestamp.from(ended));
        row.add(t.outcome() == null ? null : t.outcome().name());
        row.add(t.timeliness() == null ? null : t.timeliness().name());
        row.add(t.supplementRequests.size());
        row.add(t.digitised > 0);
        row.add(t.stored > 0);
        row.add(t.resultAt != null);
        row.add(t.paidAt != null);
        row.add(t.paidOnline);
        row.add(t.ratedAt == null ? null : t.satisfied);
        row.add(t.paidAt == null ? null : Timestamp.from(t.paidAt));
        row.add(t.ratedAt == null ? null : Timestamp.from(t.ratedAt));
        return row;
    }

    // ------------------------------------------------------------------ rebuild

    void clear() {
        jdbc.sql("truncate report_day, report_month, report_month_total, report_dossier").update();
    }

    /** Writes the counts of a rebuild with COPY: one pass, no per-row round trips. */
    void copyCounts(Contributions all) {
        copy("report_day", "day, agency, procedure, channel, " + COLUMNS, countLines(all));
        Contributions months = all.byMonth();
        copy("report_month", "day, agency, procedure, channel, " + COLUMNS, countLines(months));
        copy("report_month_total", "day, agency, procedure, channel, " + COLUMNS, countLines(months.allProcedures()));
    }

    void copyDossiers(List<DossierTally> tallies) {
        StringBuilder lines = new StringBuilder();
        for (DossierTally t : tallies) {
            if (!t.received()) {
                continue;
            }
            List<Object> row = dossierRow(t, t.endedAt());
            for (int i = 0; i < row.size(); i++) {
                Object v = row.get(i);
                lines.append(i == 0 ? "" : "\t").append(v == null ? "\\N" : v instanceof Timestamp ts
                        ? ts.toInstant().toString() : v.toString());
            }
            lines.append('\n');
        }
        copy("report_dossier", "code, agency, procedure, channel, received_at, legal_due_at, ended_at, outcome, "
                + "timeliness, supplements, digitised, reused, e_result, fee_paid, paid_online, satisfied, paid_at, rated_at", lines);
    }

    private static StringBuilder countLines(Contributions c) {
        StringBuilder lines = new StringBuilder();
        c.rows().forEach((Key key, long[] values) -> {
            if (Arrays.stream(values).allMatch(v -> v == 0)) {
                return;
            }
            lines.append(key.day()).append('\t').append(key.agency()).append('\t').append(key.procedure()).append('\t')
                    .append(key.channel());
            for (long v : values) {
                lines.append('\t').append(v);
            }
            lines.append('\n');
        });
        return lines;
    }

    private void copy(String table, String columns, CharSequence lines) {
        Connection con = DataSourceUtils.getConnection(dataSource);
        try {
            con.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + table + " (" + columns + ") from stdin", new StringReader(lines.toString()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not write " + table, e);
        } finally {
            DataSourceUtils.releaseConnection(con, dataSource);
        }
    }
}
