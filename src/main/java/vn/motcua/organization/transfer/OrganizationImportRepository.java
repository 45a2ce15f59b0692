package vn.motcua.organization.transfer;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Uploaded organisation workbooks between their preview and their application. */
@Repository
class OrganizationImportRepository {

    private static final Duration KEPT = Duration.ofDays(1);

    record Upload(UUID id, String fileName, byte[] content, boolean applied) {
    }

    private final JdbcClient jdbc;

    OrganizationImportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the upload, and forgets those older than a day. */
    void save(UUID id, String author, String fileName, byte[] content, Instant now) {
        jdbc.sql("delete from organization_import where created_at < ?")
                .param(java.sql.Timestamp.from(now.minus(KEPT))).update();
        jdbc.sql("insert into organization_import (id, author, file_name, content, created_at) values (?, ?, ?, ?, ?)")
                .params(id, author, fileName, content, java.sql.Timestamp.from(now)).update();
    }

    /** The author's own upload, locked until the transaction ends so that it is applied once. */
    Optional<Upload> findForUpdate(UUID id, String author) {
        return jdbc.sql("select id, file_name, content, applied_at is not null from organization_import "
                        + "where id = ? and author = ? for update")
                .params(id, author)
                .query((rs, i) -> new Upload(rs.getObject(1, UUID.class), rs.getString(2), rs.getBytes(3), rs.getBoolean(4)))
                .optional();
    }

    void markApplied(UUID id, Instant now) {
        jdbc.sql("update organization_import set applied_at = ? where id = ?")
                .params(java.sql.Timestamp.from(now), id).update();
    }
}
