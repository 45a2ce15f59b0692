package vn.motcua.certification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.motcua.certification.CertifiedCopy;
import vn.motcua.platform.files.FileStore;

/** The certification books ({@code certification_book}) and their entries ({@code certified_copy}). */
@Repository
public class CertificationRepository {

    private static final String COLUMNS = "id, agency_code, year, number, reference, electronic, applicant_name, "
            + "applicant_id_number, applicant_account, document_name, pages, fee, original_sha256, sha256, file_name, "
            + "signer, demo, certifier, certifier_name, certifier_title, certified_at";

    private final JdbcClient jdbc;
    private final FileStore files;

    CertificationRepository(JdbcClient jdbc, FileStore files) {
        this.jdbc = jdbc;
        this.files = files;
    }

    /**
     * The next number of the agency's book of the year. The book's row stays locked until the caller's transaction
     * ends, so a second certification (on any node) waits for it, and a rolled-back one gives its number back.
     */
    public int nextNumber(String agencyCode, int year) {
        return jdbc.sql("""
                insert into certification_book (agency_code, year, last_number) values (?, ?, 1)
                on conflict (agency_code, year) do update set last_number = certification_book.last_number + 1
                returning last_number""").params(agencyCode, year).query(Integer.class).single();
    }

    /** Stores the entry (and the signed copy's bytes, if any); returns its id. */
    public long insert(CertifiedCopy c, byte[] content) {
        if (content != null) {
            files.put(content, c.sha256());
        }
        return jdbc.sql("insert into certified_copy (" + COLUMNS.substring(4) + ") values "
                        + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")
                .params(c.agencyCode(), c.year(), c.number(), c.reference(), c.electronic(), c.applicantName(),
                        c.applicantIdNumber(), c.applicantAccount(), c.documentName(), c.pages(), c.fee(),
                        c.originalSha256(), c.sha256(), c.fileName(), c.signer(), c.demo(), c.certifier(),
                        c.certifierName(), c.certifierTitle(), OffsetDateTime.ofInstant(c.certifiedAt(), ZoneOffset.UTC))
                .query(Long.class).single();
    }

    public Optional<CertifiedCopy> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from certified_copy where id = ?").param(id)
                .query(CertificationRepository::map).optional();
    }

    public Optional<CertifiedCopy> findByReference(String reference) {
        return jdbc.sql("select " + COLUMNS + " from certified_copy where reference = ?").param(reference)
                .query(CertificationRepository::map).optional();
    }

    public Optional<CertifiedCopy> findBySha256(String sha256) {
        return jdbc.sql("select " + COLUMNS + " from certified_copy where sha256 = ? order by id limit 1").param(sha256)
                .query(CertificationRepository::map).optional();
    }

    /** The book of the agency and year, in its order. */
    public List<CertifiedCopy> book(String agencyCode, int year) {
        return jdbc.sql("select " + COLUMNS + " from certified_copy where agency_code = ? and year = ? order by number")
                .params(agencyCode, year).query(CertificationRepository::map).list();
    }

    public Optional<byte[]> content(long id) {
        return jdbc.sql("select sha256 from certified_copy where id = ? and sha256 is not null").param(id)
                .query(String.class).optional().flatMap(files::get);
    }

    /**
     * Certifications in {@code [from, to)}: electronic copies and all copies, of these agencies (null: all).
     *
     * @return {electronic, all}
     */
    public long[] tally(Collection<String> agencyCodes, Instant from, Instant to) {
        String sql = "select count(*) filter (where electronic), count(*) from certified_copy "
                + "where certified_at >= ? and certified_at < ?";
        var spec = agencyCodes == null
                ? jdbc.sql(sql).params(OffsetDateTime.ofInstant(from, ZoneOffset.UTC), OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                : jdbc.sql(sql + " and agency_code = any (?)").params(OffsetDateTime.ofInstant(from, ZoneOffset.UTC),
                        OffsetDateTime.ofInstant(to, ZoneOffset.UTC), agencyCodes.toArray(String[]::new));
        return spec.query((rs, i) -> new long[]{rs.getLong(1), rs.getLong(2)}).single();
    }

    private static CertifiedCopy map(ResultSet rs, int row) throws SQLException {
        return new CertifiedCopy(rs.getLong("id"), rs.getString("agency_code"), rs.getInt("year"), rs.getInt("number"),
                rs.getString("reference"), rs.getBoolean("electronic"), rs.getString("applicant_name"),
                rs.getString("applicant_id_number"), rs.getString("applicant_account"), rs.getString("document_name"),
                rs.getInt("pages"), rs.getLong("fee"), rs.getString("original_sha256"), rs.getString("sha256"),
                rs.getString("file_name"), rs.getString("signer"), rs.getBoolean("demo"), rs.getString("certifier"),
                rs.getString("certifier_name"), rs.getString("certifier_title"),
                rs.getObject("certified_at", OffsetDateTime.class).toInstant());
    }
}
