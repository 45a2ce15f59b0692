package vn.motcua.integration.nationalportal;

import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily reconciliations with the national portal: a run per day ({@code national_reconciliation_run}), claimed by
 * one node at a time, and its counts per agency ({@code national_reconciliation}).
 */
@Repository
public class ReconciliationRepository {

    private final JdbcClient jdbc;

    ReconciliationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the day's run for this node, unless another node runs it within the lease or, when {@code again} is
     * false, it is already done.
     */
    @Transactional
    public boolean claim(LocalDate day, Duration lease, boolean again) {
        return jdbc.sql("""
                        insert into national_reconciliation_run as r (day, state, started_at)
                        values (:day, 'RUNNING', now())
                        on conflict (day) do update set state = 'RUNNING', started_at = now(), error = null
                        where r.state = 'FAILED' or (r.state = 'DONE' and :again)
                           or (r.state = 'RUNNING' and r.started_at < now() - make_interval(secs => :lease))
                        returning day""")
                .param("day", Date.valueOf(day)).param("again", again).param("lease", (double) lease.toSeconds())
                .query(Date.class).optional().isPresent();
    }

    /** Stores the day's counts, replacing an earlier run's, and marks the run done. */
    @Transactional
    public void finish(LocalDate day, Map<String, Integer> ours, Map<String, Integer> theirs) {
        jdbc.sql("delete from national_reconciliation where day = ?").param(Date.valueOf(day)).update();
        TreeSet<String> agencies = new TreeSet<>(ours.keySet());
        agencies.addAll(theirs.keySet());
        for (String agency : agencies) {
            jdbc.sql("insert into national_reconciliation (day, agency_code, ours, theirs) values (?, ?, ?, ?)")
                    .params(Date.valueOf(day), agency, ours.getOrDefault(agency, 0), theirs.getOrDefault(agency, 0))
                    .update();
        }
        jdbc.sql("update national_reconciliation_run set state = 'DONE', finished_at = now() where day = ?")
                .param(Date.valueOf(day)).update();
    }

    @Transactional
    public void fail(LocalDate day, String error) {
        jdbc.sql("update national_reconciliation_run set state = 'FAILED', finished_at = now(), error = ? where day = ?")
                .params(error, Date.valueOf(day)).update();
    }

    /** One day's run, with its counts per agency. */
    public record Day(LocalDate day, String state, String error, List<Count> counts) {

        public boolean differs() {
            return counts.stream().anyMatch(Count::differs);
        }
    }

    /** Ours against theirs for one agency and day. */
    public record Count(String agencyCode, int ours, int theirs) {

        public boolean differs() {
            return ours != theirs;
        }
    }

    /** The latest days' runs, newest first. */
    public List<Day> latest(int days) {
        record Run(LocalDate day, String state, String error) {
        }
        return jdbc.sql("select day, state, error from national_reconciliation_run order by day desc limit ?")
                .param(days)
                .query((rs, i) -> new Run(rs.getDate("day").toLocalDate(), rs.getString("state"),
                        rs.getString("error")))
                .list().stream().map(r -> new Day(r.day(), r.state(), r.error(), counts(r.day()))).toList();
    }

    public List<Count> counts(LocalDate day) {
        return jdbc.sql("""
                        select agency_code, ours, theirs from national_reconciliation where day = ?
                        order by ours <> theirs desc, agency_code""")
                .param(Date.valueOf(day))
                .query((rs, i) -> new Count(rs.getString("agency_code"), rs.getInt("ours"), rs.getInt("theirs")))
                .list();
    }
}
