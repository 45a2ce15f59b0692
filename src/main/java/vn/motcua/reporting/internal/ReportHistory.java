package vn.motcua.reporting.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.motcua.platform.database.LongStatements;

/**
 * The event history the read model is folded from ({@code report_event}): appending facts, the folder's lock, taking
 * the facts not yet folded and marking them folded, and reading a subject's facts back for a fold or a rebuild.
 */
@Repository
class ReportHistory {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ReportHistory(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * Takes the folder's lock (one folder or rebuild at a time, across nodes) before the transaction's first query,
     * so that its snapshot includes everything the previous folder committed. Without {@code wait}, returns false when
     * another holds it.
     */
    boolean lockFolder(boolean wait) {
        try {
            jdbc.sql("lock table report_folder in exclusive mode" + (wait ? "" : " nowait")).update();
            return true;
        } catch (org.springframework.dao.DataAccessException e) {
            if (!wait && e.getMostSpecificCause() instanceof SQLException sql && "55P03".equals(sql.getSQLState())) {
                return false; // lock_not_available: another folder is at work
            }
            throw e;
        }
    }

    /** A fact with its row id. */
    record Stored(long id, Fact fact) {
    }

    /** Facts not yet folded into the counts, oldest first. */
    List<Stored> unfolded(int limit) {
        return jdbc.sql("select id, " + FACT_COLUMNS + " from report_event where not folded order by id limit ?")
                .param(limit).query((rs, i) -> new Stored(rs.getLong(1), fact(rs, 1))).list();
    }

    /** The facts already folded of these subjects. */
    List<Fact> folded(java.util.Collection<String> subjects) {
        return template.query(con -> {
            PreparedStatement ps = con.prepareStatement("select " + FACT_COLUMNS
                    + " from report_event where subject = any(?) and folded");
            ps.setArray(1, con.createArrayOf("varchar", subjects.toArray()));
            return ps;
        }, (rs, i) -> fact(rs, 0));
    }

    void markFolded(List<Long> ids) {
        template.update(con -> {
            PreparedStatement ps = con.prepareStatement("update report_event set folded = true where id = any(?)");
            ps.setArray(1, con.createArrayOf("bigint", ids.toArray()));
            return ps;
        });
    }

    /** Appends the fact to the history; false when it is already there (the event was delivered again). */
    boolean append(Fact f) {
        return jdbc.sql("""
                insert into report_event (subject, kind, at, agency, procedure, channel, due_at, n1, n2, amount, flag, detail)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(f.subject(), f.kind().name(), Timestamp.from(f.at()), f.agency(), f.procedure(), f.channel(),
                        f.dueAt() == null ? null : Timestamp.from(f.dueAt()), f.n1(), f.n2(), f.amount(), f.flag(),
                        f.detail())
                .update() == 1;
    }

    /** Appends many facts at once (a demo history); facts already there are skipped. */
    void appendAll(List<Fact> facts) {
        template.batchUpdate("""
                insert into report_event (subject, kind, at, agency, procedure, channel, due_at, n1, n2, amount, flag, detail)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""", facts, 1000, (ps, f) -> {
            ps.setString(1, f.subject());
            ps.setString(2, f.kind().name());
            ps.setTimestamp(3, Timestamp.from(f.at()));
            ps.setString(4, f.agency());
            ps.setString(5, f.procedure());
            ps.setString(6, f.channel());
            ps.setTimestamp(7, f.dueAt() == null ? null : Timestamp.from(f.dueAt()));
            ps.setInt(8, f.n1());
            ps.setInt(9, f.n2());
            ps.setLong(10, f.amount());
            ps.setBoolean(11, f.flag());
            ps.setString(12, f.detail());
        });
    }

    boolean hasHistory() {
        return jdbc.sql("select exists (select 1 from report_event)").query(Boolean.class).single();
    }

    private static final String FACT_COLUMNS = "subject, kind, at, agency, procedure, channel, due_at, n1, n2, amount, flag, detail";

    /** The fact in the columns after {@code skip} columns of the row. */
    private static Fact fact(ResultSet rs, int skip) throws SQLException {
        Timestamp due = rs.getTimestamp(skip + 7);
        return new Fact(rs.getString(skip + 1), Fact.Kind.valueOf(rs.getString(skip + 2)),
                rs.getTimestamp(skip + 3).toInstant(), rs.getString(skip + 4), rs.getString(skip + 5),
                rs.getString(skip + 6), due == null ? null : due.toInstant(), rs.getInt(skip + 8), rs.getInt(skip + 9),
                rs.getLong(skip + 10), rs.getBoolean(skip + 11), rs.getString(skip + 12));
    }

    /** Every subject's facts, one subject at a time (the history ordered by subject), for a rebuild. */
    void eachSubject(Consumer<List<Fact>> subject) {
        List<Fact> current = new ArrayList<>();
        // Longer than the pool's statement timeout: a rebuild reads the whole history in this one statement.
        template.execute((ConnectionCallback<Void>) con -> LongStatements.allow(con, LongStatements.LONG_WORK));
        template.query(con -> {
            PreparedStatement ps = con.prepareStatement("select " + FACT_COLUMNS + " from report_event order by subject",
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            ps.setFetchSize(10_000);
            return ps;
        }, rs -> {
            Fact f = fact(rs, 0);
            if (!current.isEmpty() && !current.getFirst().subject().equals(f.subject())) {
                subject.accept(List.copyOf(current));
                current.clear();
            }
            current.add(f);
        });
        if (!current.isEmpty()) {
            subject.accept(List.copyOf(current));
        }
    }

    /** After a rebuild: every fact it saw is folded (facts committed meanwhile are not visible to it, and wait). */
    void markAllFolded() {
        jdbc.sql("update report_event set folded = true where not folded").update();
    }
}
