package vn.motcua.workflow.calendar;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.motcua.platform.cluster.ClusterChange;
import vn.motcua.platform.cluster.ClusterChanges;
import vn.motcua.workflow.CalendarDay;

/**
 * The exception days in {@code working_calendar_day}, and the snapshot of all of them that calendar questions are
 * answered from. Every change goes through here and drops the snapshot once committed; a snapshot is also reloaded
 * when another application node announces a change ({@link ClusterChanges#CALENDAR}), and at the latest when older
 * than {@link #MAX_AGE}, should that announcement have been missed.
 */
@Repository
public class CalendarRepository {

    static final Duration MAX_AGE = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final ClusterChanges cluster;
    /** Counts committed changes, so that a snapshot loaded while one commits is not kept; guarded by this. */
    private long changes;
    private volatile Loaded loaded;

    private record Loaded(ExceptionDays days, long nanoTime) {
    }

    CalendarRepository(JdbcClient jdbc, ClusterChanges cluster) {
        this.jdbc = jdbc;
        this.cluster = cluster;
    }

    public ExceptionDays snapshot() {
        Loaded current = loaded;
        if (current != null && System.nanoTime() - current.nanoTime() < MAX_AGE.toNanos()) {
            return current.days();
        }
        long before;
        synchronized (this) {
            before = changes;
        }
        Loaded fresh = new Loaded(new ExceptionDays(jdbc.sql("select day, kind, name, agency_code from working_calendar_day")
                .query(CalendarRepository::day).list()), System.nanoTime());
        synchronized (this) {
            if (changes == before) {
                loaded = fresh;
            }
        }
        return fresh.days();
    }

    /** The exception days of a year, by date, the province's before an agency's. */
    public List<CalendarDay> findYear(int year) {
        return jdbc.sql("""
                        select day, kind, name, agency_code from working_calendar_day
                        where day between :first and :last order by day, agency_code nulls first""")
                .param("first", LocalDate.of(year, 1, 1)).param("last", LocalDate.of(year, 12, 31))
                .query(CalendarRepository::day).list();
    }

    /** Adds the day unless that date already has an exception day for the same agency (or the province). */
    public boolean insert(CalendarDay day, String createdBy) {
        int added = jdbc.sql("""
                        insert into working_calendar_day (day, kind, name, agency_code, created_by)
                        values (:day, :kind, :name, :agency, :by) on conflict do nothing""")
                .param("day", day.date()).param("kind", day.kind().name()).param("name", day.name())
                .param("agency", day.agencyCode()).param("by", createdBy)
                .update();
        if (added > 0) {
            dropSnapshotAfterCommit();
        }
        return added > 0;
    }

    public boolean delete(LocalDate date, String agencyCode) {
        int deleted = jdbc.sql("""
                        delete from working_calendar_day
                        where day = :day and agency_code is not distinct from cast(:agency as varchar)""")
                .param("day", date).param("agency", agencyCode)
                .update();
        if (deleted > 0) {
            dropSnapshotAfterCommit();
        }
        return deleted > 0;
    }

    /**
     * Adds a year's public holidays, once: a year pre-filled before is left alone, so that a day an administrator
     * deleted stays deleted. Days already present are kept as they are. Safe when several nodes start together.
     *
     * @return how many days were added, or empty when the year had been pre-filled before
     */
    @Transactional
    public OptionalInt prefill(int year, List<CalendarDay> holidays) {
        int claimed = jdbc.sql("insert into working_calendar_prefilled_year (year) values (:year) on conflict do nothing")
                .param("year", year).update();
        if (claimed == 0) {
            return OptionalInt.empty();
        }
        int added = 0;
        for (CalendarDay day : holidays) {
            added += insert(day, "system") ? 1 : 0;
        }
        return OptionalInt.of(added);
    }

    @EventListener
    void dropSnapshot(ClusterChange change) {
        if (change.is(ClusterChanges.CALENDAR)) {
            dropSnapshot();
        }
    }

    private void dropSnapshotAfterCommit() {
        cluster.announce(ClusterChanges.CALENDAR);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    dropSnapshot();
                }
            });
        } else {
            dropSnapshot();
        }
    }

    private synchronized void dropSnapshot() {
        changes++;
        loaded = null;
    }

    private static CalendarDay day(ResultSet rs, int row) throws SQLException {
        return new CalendarDay(rs.getObject("day", LocalDate.class), CalendarDay.Kind.valueOf(rs.getString("kind")),
                rs.getString("name"), rs.getString("agency_code"));
    }
}
