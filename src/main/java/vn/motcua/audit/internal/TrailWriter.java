package vn.motcua.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditProperties;
import vn.motcua.platform.audit.AuditAction;
import vn.motcua.platform.audit.AuditOutcome;
import vn.motcua.platform.audit.AuditTrail;
import vn.motcua.platform.web.VietnamTime;

/**
 * Appends entries to the chain. The stream's head row is locked ({@code insert ... on conflict do update ...
 * returning}) for the rest of the caller's transaction, so appends to one stream are strictly one after the other
 * and the chain never forks; a day is split into {@link AuditProperties#streams()} streams (by thread, so one
 * transaction keeps to one stream) so that concurrent transactions rarely wait for each other. Without a caller's
 * transaction the entry gets its own, committed before the call returns.
 */
@Component
@ConditionalOnProperty(name = "motcua.audit.enabled", havingValue = "true", matchIfMissing = true)
class TrailWriter implements AuditTrail {

    private final JdbcClient jdbc;
    private final WhoAndWhere who;
    private final Clock clock;
    private final int streams;

    TrailWriter(JdbcClient jdbc, WhoAndWhere who, Clock clock, AuditProperties properties) {
        this.jdbc = jdbc;
        this.who = who;
        this.clock = clock;
        this.streams = properties.streams();
    }

    @Override
    @Transactional
    public void record(AuditAction action, String subject, String dataSubject, AuditOutcome outcome, String detail) {
        append(who.now(), action, subject, dataSubject, outcome, detail);
    }

    /** A sign-in, by the account that signed in. */
    @Transactional
    public void recordLogin(Authentication signedIn) {
        append(who.of(signedIn), AuditAction.LOGIN, null, signedIn.getName(), AuditOutcome.OK, null);
    }

    /** A refused sign-in: the name typed is recorded, it may be no account at all. */
    @Transactional
    public void recordFailedLogin(String username, AuditOutcome outcome, String detail) {
        append(who.attempt(username), AuditAction.LOGIN, null, username, outcome, detail);
    }

    private void append(WhoAndWhere.Who by, AuditAction action, String subject, String dataSubject,
                        AuditOutcome outcome, String detail) {
        Instant now = Chain.precision(clock.instant());
        String stream = LocalDate.ofInstant(now, VietnamTime.ZONE) + "/" + Math.floorMod(Thread.currentThread().threadId(), streams);
        Head head = jdbc.sql("insert into audit_head (stream, seq, hash) values (?, 0, ?) "
                        + "on conflict (stream) do update set seq = audit_head.seq returning seq, hash")
                .params(stream, Chain.GENESIS).query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        // What an anonymous caller typed (a username tried, a code looked up) is kept, but never at any length.
        AuditEntry entry = new AuditEntry(0, stream, head.seq() + 1, now, cut(by.actor(), 200), by.roles(),
                by.agencyCode(), action.name(), cut(subject, 200), cut(dataSubject, 200), by.client(), outcome.name(),
                cut(detail, 500), head.hash(), null);
        String hash = Chain.hash(entry);
        jdbc.sql("with entry as (insert into audit_entry (stream, seq, at, actor, roles, agency_code, action, subject, "
                        + "data_subject, client, outcome, detail, prev_hash, hash) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)) "
                        + "update audit_head set seq = ?, hash = ? where stream = ?")
                .params(entry.stream(), entry.seq(), now.atOffset(ZoneOffset.UTC), entry.actor(), entry.roles(),
                        entry.agencyCode(), entry.action(), entry.subject(), entry.dataSubject(), entry.client(),
                        entry.outcome(), entry.detail(), entry.prevHash(), hash, entry.seq(), hash, stream)
                .update();
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }

    private record Head(long seq, String hash) {
    }
}
