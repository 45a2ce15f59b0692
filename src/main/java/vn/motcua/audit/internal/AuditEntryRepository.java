package vn.motcua.audit.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditQuery;
import vn.motcua.platform.web.VietnamTime;

/** Reads of the trail ({@code audit_entry}); the writes are {@link TrailWriter}'s and {@link Sealer}'s. */
@Repository
public class AuditEntryRepository {

    public static final RowMapper<AuditEntry> ENTRY = (rs, n) -> new AuditEntry(rs.getLong("id"), rs.getString("stream"),
            rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
            rs.getString("roles"), rs.getString("agency_code"), rs.getString("action"), rs.getString("subject"),
            rs.getString("data_subject"), rs.getString("client"), rs.getString("outcome"), rs.getString("detail"),
            rs.getString("prev_hash"), rs.getString("hash"));

    private final JdbcClient jdbc;

    AuditEntryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest entries matching the query, at most {@code limit}, streamed to the sink in the caller's transaction. */
    public void each(AuditQuery q, int limit, Consumer<AuditEntry> sink) {
        StringBuilder sql = new StringBuilder("select * from audit_entry where true");
        List<Object> params = new ArrayList<>();
        if (q.account() != null) {
            sql.append(" and actor = ?");
            params.add(q.account());
        }
        if (q.subject() != null) {
            sql.append(" and (subject = ? or data_subject = ?)");
            params.add(q.subject());
            params.add(q.subject());
        }
        if (q.action() != null) {
            sql.append(" and action = ?");
            params.add(q.action());
        }
        if (q.from() != null) {
            sql.append(" and at >= ?");
            params.add(q.from().atStartOfDay(VietnamTime.ZONE).toOffsetDateTime());
        }
        if (q.to() != null) {
            sql.append(" and at < ?");
            params.add(q.to().plusDays(1).atStartOfDay(VietnamTime.ZONE).toOffsetDateTime());
        }
        if (q.agencies() != null) {
            sql.append(" and agency_code = any(?)");
            params.add(q.agencies().toArray(String[]::new));
        }
        sql.append(" order by at desc, id desc limit ?");
        params.add(limit);
        try (var entries = jdbc.sql(sql.toString()).params(params).query(ENTRY).stream()) {
            entries.forEach(sink);
        }
    }

    /**
     * Entries of the given actions by anyone but {@code self} whose data subject is one of {@code dataSubjects} or
     * whose subject is one of {@code dossierCodes}, newest first.
     */
    public List<AuditEntry> readsOf(Collection<String> dataSubjects, Collection<String> dossierCodes, String self,
                                    String[] actions, int limit) {
        return jdbc.sql("select * from audit_entry where (data_subject = any(?) or subject = any(?)) "
                        + "and actor <> ? and action = any(?) order by at desc, id desc limit ?")
                .params(dataSubjects.toArray(String[]::new), dossierCodes.toArray(String[]::new), self, actions, limit)
                .query(ENTRY).list();
    }
}
