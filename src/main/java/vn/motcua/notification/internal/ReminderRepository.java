package vn.motcua.notification.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code official_reminder} table: one row per official and day, inserted as the claim to send that day's
 * digest. A PENDING row is held by the node sending it until {@code next_attempt_at}; after a failed attempt it is due
 * again from then, for any node. Times come from the database clock so that all nodes agree.
 */
@Repository
class ReminderRepository {

    private final JdbcClient jdbc;

    ReminderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the official's digest of the day for this node for {@code lease}.
     *
     * @return false when a row exists already: this or another node has the digest in hand, or it was sent
     */
    boolean claim(String username, LocalDate day, Duration lease) {
        return jdbc.sql("""
                insert into official_reminder (username, day, status, next_attempt_at)
                values (?, ?, 'PENDING', now() + make_interval(secs => ?))
                on conflict (username, day) do nothing""")
                .params(username, day, (double) lease.toSeconds()).update() == 1;
    }

    /**
     * Claims a digest of the day whose last attempt failed and whose wait is over, or whose node died holding it; a
     * row another node is claiming at the same moment is skipped, not waited for.
     *
     * @return the official's username
     */
    Optional<String> claimRetry(LocalDate day, Duration lease) {
        return jdbc.sql("""
                update official_reminder set next_attempt_at = now() + make_interval(secs => ?)
                where (username, day) = (select username, day from official_reminder
                                         where day = ? and status = 'PENDING' and next_attempt_at <= now()
                                         order by next_attempt_at
                                         limit 1
                                         for update skip locked)
                returning username""")
                .params((double) lease.toSeconds(), day).query(String.class).optional();
    }

    /** The failed attempts so far of a digest. */
    int attempts(String username, LocalDate day) {
        return jdbc.sql("select attempts from official_reminder where username = ? and day = ?")
                .params(username, day).query(Integer.class).optional().orElse(0);
    }

    void markSent(String username, LocalDate day, int dueSoon, int overdue) {
        jdbc.sql("""
                update official_reminder
                set status = 'SENT', attempts = attempts + 1, sent_at = now(), due_soon = ?, overdue = ?,
                    last_error = null, next_attempt_at = null
                where username = ? and day = ?""").params(dueSoon, overdue, username, day).update();
    }

    /** Counts a failed attempt and makes the digest due again after {@code delay}. */
    void markRetry(String username, LocalDate day, String error, Duration delay) {
        jdbc.sql("""
                update official_reminder
                set attempts = attempts + 1, last_error = ?, next_attempt_at = now() + make_interval(secs => ?)
                where username = ? and day = ?""").params(error, (double) delay.toSeconds(), username, day).update();
    }

    /** Counts a failed attempt and gives up for the day. */
    void markFailed(String username, LocalDate day, String error) {
        jdbc.sql("""
                update official_reminder
                set status = 'FAILED', attempts = attempts + 1, last_error = ?, next_attempt_at = null
                where username = ? and day = ?""").params(error, username, day).update();
    }

    /** Nothing to send after all (no address, email off, nothing left to remind of), with the reason. */
    void markSkipped(String username, LocalDate day, String reason) {
        jdbc.sql("""
                update official_reminder set status = 'SKIPPED', last_error = ?, next_attempt_at = null
                where username = ? and day = ?""").params(reason, username, day).update();
    }

    /** Gives up the digests of earlier days still pending: a morning reminder is no use the day after. */
    int abandonBefore(LocalDate day) {
        return jdbc.sql("""
                update official_reminder set status = 'FAILED', next_attempt_at = null,
                       last_error = coalesce(last_error, 'not sent on its day')
                where status = 'PENDING' and day < ?""").param(day).update();
    }
}
