package vn.motcua.platform.files.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import vn.motcua.platform.security.Hashes;

/**
 * Files in the {@code stored_file} table of the application's own PostgreSQL: the zero-setup default. A put inside a
 * transaction commits or rolls back with it.
 */
public class DatabaseFileStore implements FileStorage {

    private final JdbcClient jdbc;
    private final FileSweepGuard guard;

    public DatabaseFileStore(JdbcClient jdbc, FileSweepGuard guard) {
        this.jdbc = jdbc;
        this.guard = guard;
    }

    @Override
    public String put(byte[] content) {
        String sha256 = Hashes.sha256Hex(content);
        guard.holdForPut();
        jdbc.sql("insert into stored_file (sha256, content, size) values (?, ?, ?) on conflict (sha256) do nothing")
                .params(sha256, content, content.length).update();
        return sha256;
    }

    @Override
    public Optional<byte[]> get(String sha256) {
        return jdbc.sql("select content from stored_file where sha256 = ?").param(FileStorage.checked(sha256))
                .query((rs, i) -> rs.getBytes(1)).optional().map(content -> FileStorage.verified(sha256, content));
    }

    @Override
    public boolean exists(String sha256) {
        return jdbc.sql("select exists (select 1 from stored_file where sha256 = ?)").param(FileStorage.checked(sha256))
                .query(Boolean.class).single();
    }

    @Override
    public List<String> keysAfter(String after, int limit) {
        return jdbc.sql("select sha256 from stored_file where sha256 > ? order by sha256 limit ?")
                .params(after, limit).query(String.class).list();
    }

    @Override
    public void delete(String sha256) {
        jdbc.sql("delete from stored_file where sha256 = ?").param(FileStorage.checked(sha256)).update();
    }

    @Override
    public String describe() {
        return "database";
    }
}
