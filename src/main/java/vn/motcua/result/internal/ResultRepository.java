package vn.motcua.result.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.motcua.platform.files.FileStore;
import vn.motcua.result.IssuedResult;

/** Result documents in {@code result_document}. */
@Repository
public class ResultRepository {

    private static final String COLUMNS = "number, dossier_code, agency_code, file_name, sha256, signer, signed_at, demo, "
            + "issued_by, revoked_at, revoked_by, revoke_reason";

    private final JdbcClient jdbc;
    private final FileStore files;

    ResultRepository(JdbcClient jdbc, FileStore files) {
        this.jdbc = jdbc;
        this.files = files;
    }

    /** The next sequence number of the dossier's results; the unique (dossier, sequence) pair settles a race. */
    public int nextSequence(String dossierCode) {
        return jdbc.sql("select coalesce(max(sequence), 0) + 1 from result_document where dossier_code = ?")
                .param(dossierCode).query(Integer.class).single();
    }

    public void insert(IssuedResult r, int sequence, byte[] content) {
        files.put(content, r.sha256());
        jdbc.sql("insert into result_document (number, dossier_code, sequence, agency_code, file_name, sha256, "
                        + "signer, signed_at, demo, issued_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.number(), r.dossierCode(), sequence, r.agencyCode(), r.fileName(), r.sha256(),
                        r.signer(), OffsetDateTime.ofInstant(r.signedAt(), ZoneOffset.UTC), r.demo(), r.issuedBy())
                .update();
    }

    public Optional<IssuedResult> find(String number) {
        return jdbc.sql("select " + COLUMNS + " from result_document where number = ?").param(number)
                .query(ResultRepository::map).optional();
    }

    public Optional<IssuedResult> findBySha256(String sha256) {
        return jdbc.sql("select " + COLUMNS + " from result_document where sha256 = ? order by id limit 1").param(sha256)
                .query(ResultRepository::map).optional();
    }

    public List<IssuedResult> ofDossier(String dossierCode) {
        return jdbc.sql("select " + COLUMNS + " from result_document where dossier_code = ? order by sequence")
                .param(dossierCode).query(ResultRepository::map).list();
    }

    public Optional<byte[]> content(String number) {
        return jdbc.sql("select sha256 from result_document where number = ?").param(number)
                .query(String.class).optional().flatMap(files::get);
    }

    /** Marks the result revoked; false if it was already revoked. */
    public boolean revoke(String number, Instant at, String by, String reason) {
        return jdbc.sql("update result_document set revoked_at = ?, revoked_by = ?, revoke_reason = ? "
                        + "where number = ? and revoked_at is null")
                .params(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), by, reason, number).update() == 1;
    }

    private static IssuedResult map(ResultSet rs, int row) throws SQLException {
        return new IssuedResult(rs.getString("number"), rs.getString("dossier_code"), rs.getString("agency_code"),
                rs.getString("file_name"), rs.getString("sha256"), rs.getString("signer"), instant(rs, "signed_at"),
                rs.getBoolean("demo"), rs.getString("issued_by"), instant(rs, "revoked_at"), rs.getString("revoked_by"),
                rs.getString("revoke_reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
