package vn.motcua.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Lets the current transaction's statements run longer than the pool's {@code statement_timeout} and pgjdbc's
 * {@code socketTimeout} allow every request (seconds): for long legitimate work such as the read model's rebuild
 * and report exports, which stream hundreds of thousands of rows. {@code SET LOCAL} ends with the transaction, and
 * the pool puts the connection's network timeout back when the connection returns to it.
 */
public final class LongStatements {

    /** How long one statement of a rebuild or an export may take (a province's years of history). */
    public static final Duration LONG_WORK = Duration.ofMinutes(30);

    private LongStatements() {
    }

    /** Call inside the transaction, on its connection (e.g. through {@code JdbcTemplate.execute(ConnectionCallback)}). */
    public static Void allow(Connection connection, Duration limit) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local statement_timeout = " + limit.toMillis());
        }
        // The socket must wait at least as long as the server may take before it sends the first row.
        connection.setNetworkTimeout(Runnable::run, (int) Math.min(Integer.MAX_VALUE, limit.plusMinutes(1).toMillis()));
        return null;
    }
}
