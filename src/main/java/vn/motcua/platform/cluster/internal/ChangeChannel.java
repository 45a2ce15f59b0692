package vn.motcua.platform.cluster.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

import vn.motcua.platform.cluster.ClusterChange;
import vn.motcua.platform.cluster.ClusterChanges;

/**
 * The PostgreSQL channel behind {@link ClusterChanges}. Sending is {@code pg_notify} on the caller's pooled
 * connection, so it is transactional. Listening is one thread on one connection of its own, outside the pool (a
 * pooled one would be recycled and would count against the pool's bound); it waits on
 * {@link PGConnection#getNotifications(int)}, checks the connection with a query when it has been quiet, and after
 * losing it (a database outage or restart) reconnects with a back-off and then announces every topic locally, since
 * what was sent meanwhile is lost. Each payload names the sending node, so a node skips its own.
 */
@Component
public class ChangeChannel implements SmartLifecycle {

    static final String CHANNEL = "motcua_changes";
    private static final Logger log = LoggerFactory.getLogger(ChangeChannel.class);
    private static final int WAIT_MILLIS = 500;
    private static final Duration QUIET_CHECK = Duration.ofSeconds(5);
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LAST_RETRY = Duration.ofSeconds(10);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final ApplicationEventPublisher events;
    private final boolean listen;
    private final String node = UUID.randomUUID().toString();
    private volatile boolean running;
    private volatile Thread listener;
    private volatile boolean listening;

    ChangeChannel(JdbcClient jdbc, DataSource dataSource, ApplicationEventPublisher events,
                  @Value("${motcua.cluster.listen:true}") boolean listen) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.events = events;
        this.listen = listen;
    }

    /** Sends the topic in the current transaction; delivered to the listening nodes at commit. */
    public void send(String topic) {
        jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, node + " " + topic).query(Object.class).single();
    }

    /** Whether this node is connected and listening (for tests and health). */
    public boolean listening() {
        return listening;
    }

    @Override
    public void start() {
        if (!listen) {
            return;
        }
        running = true;
        listener = Thread.ofPlatform().name("cluster-changes").daemon().start(this::listenUntilStopped);
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listenUntilStopped() {
        Duration retry = FIRST_RETRY;
        boolean connectedBefore = false;
        while (running) {
            try (Connection connection = open()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                listening = true;
                if (connectedBefore) {
                    log.info("Listening to cluster changes again; refreshing every topic");
                    ClusterChanges.TOPICS.forEach(this::dispatch);
                }
                connectedBefore = true;
                retry = FIRST_RETRY;
                receive(connection);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    break;
                }
                if (listening || retry.equals(FIRST_RETRY)) {
                    log.warn("Cluster changes not heard, retrying in {} ms: {}", retry.toMillis(), e.getMessage());
                }
                listening = false;
                try {
                    Thread.sleep(retry);
                } catch (InterruptedException interrupted) {
                    break;
                }
                retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
            }
        }
        listening = false;
    }

    private void receive(Connection connection) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        long quietSince = System.nanoTime();
        while (running) {
            PGNotification[] received = postgres.getNotifications(WAIT_MILLIS);
            if (received != null && received.length > 0) {
                // one rebuild per topic for a burst of changes (an import commits in many transactions)
                Set<String> topics = new LinkedHashSet<>();
                for (PGNotification n : received) {
                    String[] origin = n.getParameter().split(" ", 2);
                    if (origin.length == 2 && !origin[0].equals(node)) {
                        topics.add(origin[1]);
                    }
                }
                topics.forEach(this::dispatch);
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > QUIET_CHECK.toNanos()) {
                // a half-open connection never throws from getNotifications: ask something
                try (Statement statement = connection.createStatement()) {
                    statement.setQueryTimeout(5);
                    statement.execute("select 1");
                }
                quietSince = System.nanoTime();
            }
        }
    }

    private void dispatch(String topic) {
        try {
            events.publishEvent(new ClusterChange(topic));
        } catch (RuntimeException e) {
            log.warn("Cluster change {} not applied here: {}", topic, e.getMessage(), e);
        }
    }

    private Connection open() throws SQLException {
        if (dataSource instanceof HikariDataSource hikari) {
            Properties properties = new Properties();
            properties.putAll(hikari.getDataSourceProperties());
            if (hikari.getUsername() != null) {
                properties.setProperty("user", hikari.getUsername());
            }
            if (hikari.getPassword() != null) {
                properties.setProperty("password", hikari.getPassword());
            }
            properties.setProperty("ApplicationName", "motcua-cluster-changes");
            properties.setProperty("connectTimeout", "5");
            properties.setProperty("tcpKeepAlive", "true");
            return DriverManager.getConnection(hikari.getJdbcUrl(), properties);
        }
        return dataSource.getConnection(); // another pool: one of its connections, held while listening
    }
}
