package vn.motcua.platform.files.internal;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps the clean-up from taking a file that is being attached right now. A put takes a shared advisory lock until its
 * transaction ends, that is until the row that references the file is committed (or rolled back); each batch of the
 * clean-up takes the same lock exclusively, so it waits for those transactions and sees their rows. Without it a file
 * stored long ago and no longer referenced could be deleted between a put that finds it present and the commit of
 * the row that references it again. A second lock makes one node at a time do the clean-up.
 */
final class FileSweepGuard {

    private final JdbcClient jdbc;

    FileSweepGuard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Before a put: held until the caller's transaction ends (at once without one, which a move command is). */
    void holdForPut() {
        jdbc.sql("select pg_advisory_xact_lock_shared(hashtext('files:sweep'))").query().singleValue();
    }

    /**
     * In a clean-up batch's transaction: false if another node is cleaning up; otherwise waits (at most 10 s, then
     * fails and the job tries again next round) for the puts in flight and returns true.
     */
    boolean holdForSweep() {
        if (!jdbc.sql("select pg_try_advisory_xact_lock(hashtext('files:sweep:run'))").query(Boolean.class).single()) {
            return false;
        }
        jdbc.sql("set local lock_timeout = '10s'").update();
        jdbc.sql("select pg_advisory_xact_lock(hashtext('files:sweep'))").query().singleValue();
        return true;
    }
}
