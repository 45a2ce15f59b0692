package vn.motcua.audit.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.Verification;

/**
 * Walks every stream of the trail on a plain JDBC connection and reports the first entry that does not hold: a
 * changed entry (its hash no longer matches its content), a deleted or inserted one (a gap in the numbers or a
 * previous hash that is not the previous entry's), a deleted tail (the stream ends before its head in
 * {@code audit_head}, or before a head exported to a file). No Spring, so the command line runs it on a copy.
 */
public final class ChainVerifier {

    private ChainVerifier() {
    }

    /** How many entries are recorded but not chained yet (the sealer chains them within a second). */
    public static long unchained(Connection connection) throws SQLException {
        try (var waiting = connection.createStatement().executeQuery("select count(*) from audit_pending")) {
            waiting.next();
            return waiting.getLong(1);
        }
    }

    /** @param exportedHeads the folder of {@code heads-YYYY-MM-DD.txt} files, or null to trust {@code audit_head} */
    public static Verification verify(Connection connection, Path exportedHeads) throws SQLException, IOException {
        Map<String, long[]> ends = new HashMap<>();           // stream -> {last seq}
        Map<String, String> endHashes = new HashMap<>();
        Map<String, Map<Long, String>> wanted = exported(exportedHeads); // stream -> seq -> hash from the files
        Map<String, Map<Long, String>> seen = new HashMap<>();
        long checked = 0;
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        connection.setAutoCommit(false); // lets the driver stream with a cursor
        // one snapshot for the entries and the heads, so that appends meanwhile do not look like a broken tail
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try (PreparedStatement select = connection.prepareStatement("select id, stream, seq, at, actor, roles, "
                + "agency_code, action, subject, data_subject, client, outcome, detail, prev_hash, hash "
                + "from audit_entry order by stream, seq")) {
            select.setFetchSize(5_000);
            try (ResultSet rs = select.executeQuery()) {
                String stream = null;
                long lastSeq = 0;
                String lastHash = Chain.GENESIS;
                while (rs.next()) {
                    AuditEntry e = new AuditEntry(rs.getLong(1), rs.getString(2), rs.getLong(3),
                            rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                            rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15));
                    if (!e.stream().equals(stream)) {
                        stream = e.stream();
                        lastSeq = 0;
                        lastHash = Chain.GENESIS;
                    }
                    if (e.seq() != lastSeq + 1) {
                        return Verification.broken(checked, e, "entries missing before this one (expected number "
                                + (lastSeq + 1) + ")");
                    }
                    if (!e.prevHash().equals(lastHash)) {
                        return Verification.broken(checked, e, "its previous hash is not the previous entry's");
                    }
                    if (!Chain.hash(e).equals(e.hash())) {
                        return Verification.broken(checked, e, "its content was changed after it was written");
                    }
                    if (wanted.containsKey(e.stream()) && wanted.get(e.stream()).containsKey(e.seq())) {
                        seen.computeIfAbsent(e.stream(), s -> new HashMap<>()).put(e.seq(), e.hash());
                    }
                    lastSeq = e.seq();
                    lastHash = e.hash();
                    ends.put(stream, new long[]{lastSeq});
                    endHashes.put(stream, lastHash);
                    checked++;
                }
            }
            try (PreparedStatement heads = connection.prepareStatement("select stream, seq, hash from audit_head "
                    + "where seq > 0 order by stream"); ResultSet rs = heads.executeQuery()) {
                while (rs.next()) {
                    String stream = rs.getString(1);
                    long seq = rs.getLong(2);
                    long[] end = ends.get(stream);
                    if (end == null || end[0] != seq || !rs.getString(3).equals(endHashes.get(stream))) {
                        return Verification.tail(checked, stream, seq, "the stream ends at number "
                                + (end == null ? 0 : end[0]) + " but its head says " + seq);
                    }
                }
            }
            for (Map.Entry<String, Map<Long, String>> file : wanted.entrySet()) {
                for (Map.Entry<Long, String> head : file.getValue().entrySet()) {
                    String found = seen.getOrDefault(file.getKey(), Map.of()).get(head.getKey());
                    if (!head.getValue().equals(found)) {
                        return Verification.tail(checked, file.getKey(), head.getKey(), found == null
                                ? "the exported head is missing from the trail (a deleted tail)"
                                : "the entry differs from the exported head");
                    }
                }
            }
            return Verification.ok(checked);
        } finally {
            connection.rollback();
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The heads in the exported files: lines {@code <stream> <seq> <hash>}. */
    static Map<String, Map<Long, String>> exported(Path folder) throws IOException {
        Map<String, Map<Long, String>> heads = new HashMap<>();
        if (folder == null || !Files.isDirectory(folder)) {
            return heads;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("heads-\\d{4}-\\d{2}-\\d{2}\\.txt"))
                    .sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    List<String> parts = List.of(line.strip().split("\\s+"));
                    if (parts.size() == 3 && !line.startsWith("#")) {
                        heads.computeIfAbsent(parts.get(0), s -> new HashMap<>())
                                .put(Long.parseLong(parts.get(1)), parts.get(2));
                    }
                }
            }
        }
        return heads;
    }
}
