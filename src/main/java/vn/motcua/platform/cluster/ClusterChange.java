package vn.motcua.platform.cluster;

/**
 * A change another application node made to shared reference data, received through {@link ClusterChanges}:
 * published locally (on the listener's thread) so that caches and indexes on this node drop or rebuild what they
 * hold of the topic. Listeners must be idempotent: after a lost connection every topic is announced again.
 */
public record ClusterChange(String topic) {

    public boolean is(String topic) {
        return this.topic.equals(topic);
    }
}
