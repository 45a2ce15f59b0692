package vn.motcua.wallet.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.motcua.platform.files.FileStore;
import vn.motcua.wallet.StoredDocument;

/** Stored documents in {@code wallet_document}; every query is by owner, so one never reads another's. */
@Repository
public class WalletRepository {

    private static final String COLUMNS = "id, type, label, file_name, content_type, size, source, stored_at";

    private final JdbcClient jdbc;
    private final FileStore files;

    WalletRepository(JdbcClient jdbc, FileStore files) {
        this.jdbc = jdbc;
        this.files = files;
    }

    /**
     * Stores the document unless the owner already has the same bytes; true if stored. The bytes themselves are kept
     * once in the file store, shared with the dossier they came from.
     */
    public boolean insert(String owner, String type, String label, String fileName, String contentType, byte[] content,
                          String sha256, String source) {
        files.put(content, sha256);
        return jdbc.sql("""
                insert into wallet_document (owner, type, label, file_name, content_type, size, sha256, source)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (owner, sha256) do nothing""")
                .params(owner, type, label, fileName, contentType, content.length, sha256, source).update() == 1;
    }

    public List<StoredDocument> list(String owner) {
        return jdbc.sql("select " + COLUMNS + " from wallet_document where owner = ? order by stored_at desc, id desc")
                .param(owner).query(WalletRepository::map).list();
    }

    public Optional<StoredDocument> find(String owner, long id) {
        return jdbc.sql("select " + COLUMNS + " from wallet_document where owner = ? and id = ?").params(owner, id)
                .query(WalletRepository::map).optional();
    }

    public Optional<byte[]> content(String owner, long id) {
        return jdbc.sql("select sha256 from wallet_document where owner = ? and id = ?").params(owner, id)
                .query(String.class).optional().flatMap(files::get);
    }

    public boolean delete(String owner, long id) {
        return jdbc.sql("delete from wallet_document where owner = ? and id = ?").params(owner, id).update() == 1;
    }

    private static StoredDocument map(ResultSet rs, int row) throws SQLException {
        return new StoredDocument(rs.getLong("id"), rs.getString("type"), rs.getString("label"),
                rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size"), rs.getString("source"),
                rs.getObject("stored_at", java.time.OffsetDateTime.class).toInstant());
    }
}
