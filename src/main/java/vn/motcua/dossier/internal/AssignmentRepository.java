package vn.motcua.dossier.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.motcua.dossier.DossierStatus;

/** The table {@code dossier_assignment}: which named official a dossier is assigned to at its current step. */
@Repository
public class AssignmentRepository {

    private final JdbcClient jdbc;

    AssignmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The official a dossier is assigned to at the given step, if any. */
    public Optional<String> assignee(long dossierId, int step) {
        return jdbc.sql("select username from dossier_assignment where dossier_id = ? and step = ?")
                .params(dossierId, step).query(String.class).optional();
    }

    /** The officials the given dossiers are assigned to, by dossier id; dossiers nobody has are left out. */
    public Map<Long, String> assignees(Collection<Long> dossierIds) {
        Map<Long, String> found = new HashMap<>();
        if (dossierIds.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                        select a.dossier_id, a.username from dossier_assignment a join dossier d on d.id = a.dossier_id
                        where a.dossier_id in (:ids) and a.step = d.step""")
                .param("ids", dossierIds).query((rs, i) -> found.put(rs.getLong(1), rs.getString(2))).list();
        return found;
    }

    /** Assigns the dossier at its step, replacing whoever had it. */
    public void assign(long dossierId, int step, String username, String by, Instant at) {
        jdbc.sql("""
                        insert into dossier_assignment (dossier_id, username, step, assigned_by, assigned_at)
                        values (?, ?, ?, ?, ?)
                        on conflict (dossier_id) do update set username = excluded.username, step = excluded.step,
                            assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at""")
                .params(dossierId, username, step, by, java.sql.Timestamp.from(at)).update();
    }

    public void clear(long dossierId) {
        jdbc.sql("delete from dossier_assignment where dossier_id = ?").param(dossierId).update();
    }

    /** How many pending dossiers each of the officials is assigned to at the step they are at now. */
    public Map<String, Integer> workloads(Collection<String> usernames) {
        Map<String, Integer> counts = new HashMap<>();
        if (usernames.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                        select a.username, count(*) from dossier_assignment a join dossier d on d.id = a.dossier_id
                        where a.username in (:users) and a.step = d.step and d.status in (:pending)
                        group by a.username""")
                .param("users", usernames)
                .param("pending", DossierStatus.PENDING.stream().map(Enum::name).toList())
                .query((rs, i) -> counts.put(rs.getString(1), rs.getInt(2))).list();
        return counts;
    }

    /** The where-clause fragment of {@link DossierRepository#search} for "assigned to this official". */
    public static String assignedTo(String usernameParameter) {
        return "id in (select a.dossier_id from dossier_assignment a where a.username = :" + usernameParameter
                + " and a.step = dossier.step)";
    }
}
