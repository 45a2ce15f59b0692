package vn.motcua.workflow.process;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.motcua.workflow.PaymentStage;
import vn.motcua.workflow.ProcessDefinition;
import vn.motcua.workflow.ProcessStep;
import vn.motcua.workflow.StepAction;
import vn.motcua.workflow.StepPlace;
import vn.motcua.workflow.StepRole;

@Repository
public class ProcessRepository {

    private final JdbcClient jdbc;

    ProcessRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ProcessDefinition> latest(String procedureCode) {
        return jdbc.sql("select id from process where procedure_code = ? order by version desc limit 1")
                .param(procedureCode).query(Long.class).optional().flatMap(this::find);
    }

    public Optional<ProcessDefinition> find(long id) {
        Optional<Object[]> head = jdbc.sql("""
                        select procedure_code, version, payment_stage, advance_on_reception from process where id = ?""")
                .param(id)
                .query((rs, i) -> new Object[]{rs.getString(1), rs.getInt(2), PaymentStage.valueOf(rs.getString(3)),
                        rs.getBoolean(4)})
                .optional();
        return head.map(h -> new ProcessDefinition(id, (String) h[0], (Integer) h[1], steps(id), (PaymentStage) h[2],
                (Boolean) h[3]));
    }

    public List<Integer> versions(String procedureCode) {
        return jdbc.sql("select version from process where procedure_code = ? order by version").param(procedureCode)
                .query(Integer.class).list();
    }

    /**
     * Stores the steps as the next version of the procedure's process, fees due before the result is returned and an
     * online dossier moved on at reception.
     */
    public ProcessDefinition insert(String procedureCode, List<ProcessStep> steps, String username) {
        return insert(procedureCode, steps, PaymentStage.BEFORE_RETURN, username);
    }

    public ProcessDefinition insert(String procedureCode, List<ProcessStep> steps, PaymentStage paymentStage,
                                    String username) {
        return insert(procedureCode, steps, paymentStage, ProcessDefinition.ADVANCE_ON_RECEPTION_BY_DEFAULT, username);
    }

    /** Stores the steps as the next version of the procedure's process. Concurrent saves get distinct versions. */
    public ProcessDefinition insert(String procedureCode, List<ProcessStep> steps, PaymentStage paymentStage,
                                    boolean advanceOnReception, String username) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("process:" + procedureCode).query(Object.class).single();
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from process where procedure_code = ?")
                .param(procedureCode).query(Integer.class).single();
        long id = jdbc.sql("""
                insert into process (procedure_code, version, payment_stage, advance_on_reception, created_by)
                values (?, ?, ?, ?, ?) returning id""")
                .params(procedureCode, version, paymentStage.name(), advanceOnReception, username)
                .query(Long.class).single();
        for (int i = 0; i < steps.size(); i++) {
            ProcessStep s = steps.get(i);
            jdbc.sql("""
                    insert into process_step (process_id, position, name, role, place, agency_code, time_share, actions)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, i, s.name(), s.role().name(), s.place().name(), s.agencyCode(), s.timeShare(),
                            s.actions().stream().map(Enum::name).sorted().toArray(String[]::new))
                    .update();
        }
        return new ProcessDefinition(id, procedureCode, version, steps, paymentStage, advanceOnReception);
    }

    private List<ProcessStep> steps(long processId) {
        return jdbc.sql("""
                select name, role, place, agency_code, time_share, actions from process_step
                where process_id = ? order by position""").param(processId)
                .query(ProcessRepository::step).list();
    }

    private static ProcessStep step(ResultSet rs, int row) throws SQLException {
        Set<StepAction> actions = EnumSet.noneOf(StepAction.class);
        Array array = rs.getArray("actions");
        for (Object a : (Object[]) array.getArray()) {
            actions.add(StepAction.valueOf((String) a));
        }
        return new ProcessStep(rs.getString("name"), StepRole.valueOf(rs.getString("role")),
                StepPlace.valueOf(rs.getString("place")), rs.getString("agency_code"), rs.getInt("time_share"),
                actions);
    }
}
