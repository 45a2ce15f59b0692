package vn.motcua.reporting.export;

import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.platform.jobs.JobLedger;
import vn.motcua.reporting.export.DossierExports.ExportFile;
import vn.motcua.reporting.export.DossierExports.Status;

/**
 * Report exports with their progress and finished file ({@code report_export}). The writes made while the export
 * runs commit on their own, since the export reads its rows inside a read-only transaction.
 */
@Repository
class ReportExportRepository implements JobLedger {

    private final JdbcClient jdbc;
    private final TransactionTemplate separately;

    ReportExportRepository(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Exports are kept for a day. */
    void deleteOld() {
        jdbc.sql("delete from report_export where started_at < now() - interval '1 day'").update();
    }

    void begin(UUID id, String username, String agencyCode, String figure, LocalDate from, LocalDate to, long total) {
        jdbc.sql("""
                insert into report_export (id, started_by, agency, figure, date_from, date_to, status, total)
                values (?, ?, ?, ?, ?, ?, 'RUNNING', ?)""")
                .params(id, username, agencyCode, figure, Date.valueOf(from), Date.valueOf(to), total).update();
    }

    Optional<Status> status(UUID id, String username) {
        return jdbc.sql("""
                select id, agency, figure, date_from, date_to, status, total, processed, file_name, error, started_at,
                       finished_at
                from report_export where id = ? and started_by = ?""").params(id, username)
                .query((rs, i) -> new Status(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate(), rs.getString(6), rs.getLong(7),
                        rs.getLong(8), rs.getString(9), rs.getString(10), rs.getObject(11, OffsetDateTime.class),
                        rs.getObject(12, OffsetDateTime.class)))
                .optional();
    }

    Optional<ExportFile> file(UUID id, String username) {
        return jdbc.sql("select file_name, content from report_export where id = ? and started_by = ? and status = 'DONE'")
                .params(id, username)
                .query((rs, i) -> new ExportFile(rs.getString(1), rs.getBytes(2))).optional();
    }

    void progress(UUID id, long processed) {
        separately.executeWithoutResult(tx -> jdbc.sql("update report_export set processed = ? where id = ?")
                .params(processed, id).update());
    }

    void done(UUID id, long rows, String fileName, byte[] content) {
        separately.executeWithoutResult(tx -> jdbc.sql("""
                update report_export set status = 'DONE', processed = ?, total = ?, file_name = ?, content = ?,
                    finished_at = now() where id = ?""")
                .params(rows, rows, fileName, content, id).update());
    }

    @Override
    public void fail(UUID id, String error) {
        separately.executeWithoutResult(tx -> jdbc.sql(
                        "update report_export set status = ?, error = ?, finished_at = now() where id = ?")
                .params("FAILED", error, id).update());
    }

    @Override
    public void failInterrupted(String error) {
        jdbc.sql("""
                update report_export set status = 'FAILED', error = ?, finished_at = now()
                where status = 'RUNNING' and started_at < now() - interval '1 hour'""")
                .param(error).update();
    }
}
