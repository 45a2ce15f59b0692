package vn.motcua.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.util.ErrorHandler;

/**
 * Whether the database is out of reach, as background jobs see it. A job that fails because the database cannot be
 * reached (see {@link #causedBy}) starts an outage: one WARN line, then the scheduled jobs {@link #resting() rest}
 * and their further failures are not logged; one probe every {@link #PROBE_EVERY} looks for the database, and the
 * first that reaches it ends the outage with one INFO line. Every scheduled job's failure passes through here
 * ({@link #handleError}, the task scheduler's error handler): anything else is logged as before, with its stack trace.
 */
@Component
public class DatabaseOutage implements ErrorHandler {

    static final Duration PROBE_EVERY = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);
    private static final long UP = Long.MIN_VALUE;

    private final DataSource dataSource;
    private final Clock clock;
    /** When the outage began (epoch millis), or {@link #UP}. */
    private final AtomicLong since = new AtomicLong(UP);
    private final AtomicLong lastProbe = new AtomicLong();

    DatabaseOutage(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Whether this failure means the database cannot be reached or did not answer in time: no connection within the
     * pool's timeout, a refused or broken connection (SQLSTATE class 08), a server shutting down or starting (57P01–
     * 57P03), a statement cancelled by {@code statement_timeout} (57014). Looks through every cause.
     */
    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof DataAccessResourceFailureException
                    || t instanceof QueryTimeoutException) {
                return true;
            }
            // The connection died in the middle of a transaction: its rollback fails too ("Connection is closed",
            // without a SQL state), and the failure that tells why is the one the rollback replaced.
            if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && rollback.getApplicationException() != failure && causedBy(rollback.getApplicationException())) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P0") || state.equals("57014")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether an outage is going on, as far as the jobs have seen. */
    public boolean ongoing() {
        return since.get() != UP;
    }

    /**
     * Whether a scheduled job should skip this round: during an outage, except for the round that probes (at most one
     * every {@link #PROBE_EVERY}, whichever job asks) and finds the database back.
     */
    public boolean resting() {
        if (!ongoing()) {
            return false;
        }
        long now = clock.millis();
        long last = lastProbe.get();
        if (now - last < PROBE_EVERY.toMillis() && now >= last || !lastProbe.compareAndSet(last, now)) {
            return true;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(1)) {
                ended();
                return false;
            }
        } catch (SQLException | RuntimeException e) {
            // still out of reach
        }
        return true;
    }

    /**
     * Records a job's failure: true (and logged once for the whole outage) when the database is out of reach, false
     * for any other failure, which the caller reports itself.
     */
    public boolean failed(String job, Throwable failure) {
        if (!causedBy(failure)) {
            return false;
        }
        long now = clock.millis();
        if (since.compareAndSet(UP, now)) {
            lastProbe.set(now);
            log.warn("The database is out of reach ({}: {}); background jobs rest until it is back", job,
                    rootMessage(failure));
        }
        return true;
    }

    /** A job reached the database: ends the outage if there was one. */
    public void reached() {
        if (ongoing()) {
            ended();
        }
    }

    private void ended() {
        long began = since.getAndSet(UP);
        if (began != UP) {
            log.info("The database is reachable again after {} s; background jobs resume",
                    Math.max(0, clock.millis() - began) / 1000);
        }
    }

    /** A scheduled job failed: an outage is logged once, anything else as Spring does, with its stack trace. */
    @Override
    public void handleError(Throwable failure) {
        if (!failed("scheduled job", failure)) {
            log.error("Unexpected error in a scheduled job", failure);
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
