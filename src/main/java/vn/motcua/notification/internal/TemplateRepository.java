package vn.motcua.notification.internal;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code notification_template} table: the templates an administrator changed, over the jar's defaults. */
@Repository
class TemplateRepository {

    private final JdbcClient jdbc;

    TemplateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Stored> find(EventKind kind, NotificationChannel channel) {
        return jdbc.sql("""
                select subject, body, updated_at, updated_by from notification_template
                where event_kind = ? and channel = ?""").params(kind.name(), channel.name())
                .query((rs, i) -> new Stored(rs.getString("subject"), rs.getString("body"),
                        rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by")))
                .optional();
    }

    void save(EventKind kind, NotificationChannel channel, String subject, String body, String author) {
        jdbc.sql("""
                insert into notification_template (event_kind, channel, subject, body, updated_at, updated_by)
                values (?, ?, ?, ?, now(), ?)
                on conflict (event_kind, channel) do update
                set subject = excluded.subject, body = excluded.body, updated_at = now(),
                    updated_by = excluded.updated_by""")
                .params(kind.name(), channel.name(), subject, body, author).update();
    }

    /** @return whether there was a changed template to drop */
    boolean delete(EventKind kind, NotificationChannel channel) {
        return jdbc.sql("delete from notification_template where event_kind = ? and channel = ?")
                .params(kind.name(), channel.name()).update() > 0;
    }

    record Stored(String subject, String body, Instant updatedAt, String updatedBy) {
    }
}
