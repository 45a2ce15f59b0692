package vn.motcua.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.platform.audit.AuditAction;
import vn.motcua.platform.audit.AuditOutcome;
import vn.motcua.platform.audit.AuditTrail;

/**
 * Records entries: one plain insert into {@code audit_pending}, in the caller's transaction (so an entry exists
 * exactly when the change it records does) or, without one, in a transaction of its own committed before the call
 * returns (a read is on record before its data is sent). No lock and no chain here: the {@link Sealer} chains the
 * entries a moment later, off the request's path, which is what keeps the trail's cost on submissions small.
 */
@Component
@ConditionalOnProperty(name = "motcua.audit.enabled", havingValue = "true", matchIfMissing = true)
class TrailWriter implements AuditTrail {

    private final JdbcClient jdbc;
    private final WhoAndWhere who;
    private final Clock clock;

    TrailWriter(JdbcClient jdbc, WhoAndWhere who, Clock clock) {
        this.jdbc = jdbc;
        this.who = who;
        this.clock = clock;
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
        // What an anonymous caller typed (a username tried, a code looked up) is kept, but never at any length.
        jdbc.sql("insert into audit_pending (at, actor, roles, agency_code, action, subject, data_subject, client, "
                        + "outcome, detail) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(now.atOffset(ZoneOffset.UTC), cut(by.actor(), 200), by.roles(), by.agencyCode(), action.name(),
                        cut(subject, 200), cut(dataSubject, 200), by.client(), outcome.name(), cut(detail, 500))
                .update();
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
