package vn.motcua.platform.cluster;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.motcua.platform.cluster.internal.ChangeChannel;

/**
 * Tells the other application nodes on the same database that shared reference data changed, so that their caches
 * and search index follow within a second or two. A PostgreSQL {@code NOTIFY} sent in the caller's transaction: the
 * other nodes hear it only if and when that transaction commits. They receive it as a {@link ClusterChange}; the
 * node that made the change does not (it applies its own changes at once, as it always did).
 */
@Component
public class ClusterChanges {

    /** Procedures and their documents, fields and fees: the search index and procedure caches. */
    public static final String CATALOG = "catalog";
    /** Process definitions (a new version of a procedure's process). */
    public static final String PROCESS = "process";
    /** The working-day calendar: holidays and working days. */
    public static final String CALENDAR = "calendar";
    /** Agencies and staff. */
    public static final String ORGANIZATION = "organization";

    /**
     * Every topic, announced again to this node's listeners after its connection to the database was lost; the cheap
     * cache drops first, the search index rebuild last.
     */
    public static final List<String> TOPICS = List.of(ORGANIZATION, CALENDAR, PROCESS, CATALOG);

    private final ChangeChannel channel;

    ClusterChanges(ChangeChannel channel) {
        this.channel = channel;
    }

    /** Announces a change of the topic to the other nodes once the current transaction commits (at once without one). */
    public void announce(String topic) {
        if (!TOPICS.contains(topic)) {
            throw new IllegalArgumentException("Unknown cluster topic: " + topic);
        }
        channel.send(topic);
    }
}
