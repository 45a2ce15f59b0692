package vn.motcua.catalog.transfer;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import vn.motcua.catalog.transfer.CatalogImports.Rejection;
import vn.motcua.catalog.transfer.CatalogImports.Status;
import vn.motcua.platform.jobs.JobLedger;

/** Catalog imports with their progress and rejected rows ({@code catalog_import}); each call commits on its own. */
@Repository
class CatalogImportRepository implements JobLedger {

    private final JdbcClient jdbc;
    private final JsonMapper mapper;
    private final Clock clock;

    CatalogImportRepository(JdbcClient jdbc, JsonMapper mapper, Clock clock) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.clock = clock;
    }

    void begin(UUID id, String fileName, String format, String username) {
        jdbc.sql("insert into catalog_import (id, file_name, format, status, started_by) values (?, ?, ?, 'RUNNING', ?)")
                .params(id, fileName == null ? "" : fileName, format, username).update();
    }

    Optional<Status> status(UUID id) {
        return jdbc.sql("""
                select id, file_name, format, status, total, processed, accepted, rejections::text, error, started_by,
                       started_at, finished_at
                from catalog_import where id = ?""").param(id)
                .query((rs, i) -> new Status(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getInt(7),
                        mapper.readValue(rs.getString(8), new TypeReference<List<Rejection>>() {
                        }), rs.getString(9), rs.getString(10), rs.getObject(11, OffsetDateTime.class),
                        rs.getObject(12, OffsetDateTime.class)))
                .optional();
    }

    /** The ids of the latest imports, newest first. */
    List<UUID> recent(int limit) {
        return jdbc.sql("select id from catalog_import order by started_at desc limit ?").param(limit)
                .query(UUID.class).list();
    }

    void total(UUID id, int total) {
        jdbc.sql("update catalog_import set total = ? where id = ?").params(total, id).update();
    }

    void progress(UUID id, int processed, int accepted, List<Rejection> rejections) {
        jdbc.sql("update catalog_import set processed = ?, accepted = ?, rejections = cast(? as jsonb) where id = ?")
                .params(processed, accepted, mapper.writeValueAsString(rejections), id).update();
    }

    void finish(UUID id, String status, String error) {
        jdbc.sql("update catalog_import set status = ?, error = ?, finished_at = ? where id = ?")
                .params(status, error, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), id).update();
    }

    @Override
    public void fail(UUID id, String error) {
        finish(id, "FAILED", error);
    }

    @Override
    public void failInterrupted(String error) {
        jdbc.sql("""
                update catalog_import set status = 'FAILED', error = ?, finished_at = now()
                where status = 'RUNNING' and started_at < now() - interval '1 hour'""")
                .param(error).update();
    }
}
