package vn.motcua.payment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.catalog.FeeExemption;
import vn.motcua.payment.FeeAssessment;
import vn.motcua.payment.Payment;
import vn.motcua.payment.PaymentMethod;
import vn.motcua.payment.PaymentState;

/** Fee assessments, payment orders, gateway callbacks and receipt numbers. */
@Repository
public class PaymentRepository {

    private static final String COLUMNS = """
            id, reference, dossier_code, method, amount, state, created_at, created_by, expires_at, paid_at,
            transaction_ref, bank_code, failure, receipt_number, recorded_by, excess""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PaymentRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Serialises every change to one dossier's payments until the transaction ends. */
    public void lockDossier(String dossierCode) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("payment:" + dossierCode).query(Object.class).single();
    }

    // ---------------------------------------------------------------- assessments

    public Optional<FeeAssessment> assessment(String dossierCode) {
        return jdbc.sql("""
                select dossier_code, procedure_code, items, total, exemption, exemption_checked_by, assessed_at
                from fee_assessment where dossier_code = ?""").param(dossierCode)
                .query((rs, i) -> new FeeAssessment(rs.getString(1), rs.getString(2),
                        json.readValue(rs.getString(3), new TypeReference<List<FeeAssessment.Item>>() { }),
                        rs.getLong(4), rs.getString(5) == null ? null : FeeExemption.valueOf(rs.getString(5)),
                        rs.getString(6), rs.getTimestamp(7).toInstant()))
                .optional();
    }

    public void save(FeeAssessment a) {
        jdbc.sql("""
                insert into fee_assessment (dossier_code, procedure_code, exemption, exemption_checked_by, items, total,
                                            assessed_at)
                values (:code, :procedure, :exemption, :checkedBy, cast(:items as jsonb), :total, :at)
                on conflict (dossier_code) do update set exemption = excluded.exemption,
                    exemption_checked_by = excluded.exemption_checked_by, items = excluded.items,
                    total = excluded.total, assessed_at = excluded.assessed_at""")
                .param("code", a.dossierCode())
                .param("procedure", a.procedureCode())
                .param("exemption", a.exemption() == null ? null : a.exemption().name())
                .param("checkedBy", a.exemptionCheckedBy())
                .param("items", json.writeValueAsString(a.items()))
                .param("total", a.total())
                .param("at", Timestamp.from(a.assessedAt()))
                .update();
    }

    // ---------------------------------------------------------------- payments

    public String nextReference() {
        return "TT" + "%08d".formatted(jdbc.sql("select nextval('payment_reference_seq')").query(Long.class).single());
    }

    public Payment insert(String reference, String dossierCode, PaymentMethod method, long amount, Instant at,
                          String by, Instant expiresAt) {
        long id = jdbc.sql("""
                insert into payment (reference, dossier_code, method, amount, state, created_at, created_by, expires_at)
                values (?, ?, ?, ?, 'CREATED', ?, ?, ?) returning id""")
                .params(reference, dossierCode, method.name(), amount, Timestamp.from(at), by,
                        expiresAt == null ? null : Timestamp.from(expiresAt))
                .query(Long.class).single();
        return find(id).orElseThrow();
    }

    public Optional<Payment> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from payment where id = ?").param(id)
                .query(PaymentRepository::payment).optional();
    }

    public Optional<Payment> byReference(String reference) {
        return jdbc.sql("select " + COLUMNS + " from payment where reference = ?").param(reference)
                .query(PaymentRepository::payment).optional();
    }

    public Optional<Payment> byReceipt(String receiptNumber) {
        return jdbc.sql("select " + COLUMNS + " from payment where receipt_number = ?").param(receiptNumber)
                .query(PaymentRepository::payment).optional();
    }

    public List<Payment> ofDossier(String dossierCode) {
        return jdbc.sql("select " + COLUMNS + " from payment where dossier_code = ? order by id").param(dossierCode)
                .query(PaymentRepository::payment).list();
    }

    /** Bank transfers still waiting for the money, oldest first. */
    public List<Payment> openTransfers() {
        return jdbc.sql("select " + COLUMNS + " from payment where method = 'BANK_TRANSFER' and state = 'CREATED' order by id")
                .query(PaymentRepository::payment).list();
    }

    public boolean transactionSeen(PaymentMethod method, String transactionRef) {
        return jdbc.sql("select exists (select 1 from payment where method = ? and transaction_ref = ?)")
                .params(method.name(), transactionRef).query(Boolean.class).single();
    }

    public long paidTotal(String dossierCode) {
        return jdbc.sql("select coalesce(sum(amount), 0) from payment where dossier_code = ? and state = 'PAID'")
                .param(dossierCode).query(Long.class).single();
    }

    public void markPaid(long id, Instant paidAt, String transactionRef, String bankCode, String receiptNumber,
                         String recordedBy, boolean excess) {
        jdbc.sql("""
                update payment set state = 'PAID', paid_at = ?, transaction_ref = ?, bank_code = ?, receipt_number = ?,
                    recorded_by = ?, excess = ?, failure = null where id = ?""")
                .params(Timestamp.from(paidAt), transactionRef, bankCode, receiptNumber, recordedBy, excess, id)
                .update();
    }

    public void mark(long id, PaymentState state, String failure) {
        jdbc.sql("update payment set state = ?, failure = ? where id = ?").params(state.name(), failure, id).update();
    }

    /** Orders open past their time become EXPIRED; returns how many. */
    public int expire(Instant now) {
        return jdbc.sql("update payment set state = 'EXPIRED' where state = 'CREATED' and expires_at < ?")
                .param(Timestamp.from(now)).update();
    }

    public void callback(Instant at, String channel, String reference, String answer, Map<String, String> params) {
        jdbc.sql("""
                insert into payment_callback (received_at, channel, reference, answer, params)
                values (?, ?, ?, ?, cast(? as jsonb))""")
                .params(Timestamp.from(at), channel, reference, answer, json.writeValueAsString(params)).update();
    }

    /** The next receipt number of the year: {@code BL2026-000001}. Counted in the database, never repeated. */
    public String nextReceiptNumber(int year) {
        int n = jdbc.sql("""
                insert into receipt_counter (year, last) values (?, 1)
                on conflict (year) do update set last = receipt_counter.last + 1 returning last""")
                .param(year).query(Integer.class).single();
        return "BL%d-%06d".formatted(year, n);
    }

    private static Payment payment(ResultSet rs, int row) throws SQLException {
        return new Payment(rs.getLong("id"), rs.getString("reference"), rs.getString("dossier_code"),
                PaymentMethod.valueOf(rs.getString("method")), rs.getLong("amount"),
                PaymentState.valueOf(rs.getString("state")), instant(rs, "created_at"), rs.getString("created_by"),
                instant(rs, "expires_at"), instant(rs, "paid_at"), rs.getString("transaction_ref"),
                rs.getString("bank_code"), rs.getString("failure"), rs.getString("receipt_number"),
                rs.getString("recorded_by"), rs.getBoolean("excess"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
