package vn.motcua.catalog.national;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Fetched previews of the national catalog ({@code national_catalog_preview}), applied at most once each. */
@Repository
class NationalCatalogPreviewRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    NationalCatalogPreviewRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Stored(UUID id, String request, String contentHash, String procedures, List<String> unknown,
                  int duplicates, String createdBy, OffsetDateTime createdAt, String appliedBy, OffsetDateTime appliedAt) {
    }

    void save(UUID id, String request, String contentHash, String procedures, List<String> unknown, int duplicates,
              String user) {
        jdbc.sql("""
                insert into national_catalog_preview (id, request, content_hash, procedures, unknown, duplicates, created_by,
                    created_at)
                values (?, ?, ?, cast(? as jsonb), ?, ?, ?, ?)""")
                .params(id, request, contentHash, procedures, unknown.toArray(String[]::new), duplicates, user, now()).update();
        // Previews are kept a week, for the record of what was looked at; the audit trail keeps what was applied.
        jdbc.sql("delete from national_catalog_preview where created_at < ?")
                .param(now().minus(Duration.ofDays(7))).update();
    }

    Optional<Stored> find(UUID id) {
        return query(id, "");
    }

    /** The preview, locked until the caller's transaction ends, so two nodes cannot both apply it. */
    Optional<Stored> lock(UUID id) {
        return query(id, " for update");
    }

    private Optional<Stored> query(UUID id, String lock) {
        return jdbc.sql("""
                select id, request, content_hash, procedures::text, unknown, duplicates, created_by, created_at, applied_by,
                       applied_at
                from national_catalog_preview where id = ?""" + lock).param(id)
                .query((rs, i) -> new Stored(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), Arrays.stream((Object[]) rs.getArray(5).getArray()).map(String.class::cast).toList(),
                        rs.getInt(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class), rs.getString(9),
                        rs.getObject(10, OffsetDateTime.class)))
                .optional();
    }

    void applied(UUID id, String user) {
        jdbc.sql("update national_catalog_preview set applied_by = ?, applied_at = ? where id = ?")
                .params(user, now(), id).update();
    }

    OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
