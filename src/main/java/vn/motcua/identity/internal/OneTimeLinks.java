package vn.motcua.identity.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import vn.motcua.platform.security.Hashes;

/**
 * One-time links: the password links an administrator sends and the first start's setup link. A token is 256
 * random bits of which only the SHA-256 is stored (a copy of the database opens nothing); using a link deletes it,
 * in the same statement that checks it, so two nodes cannot both accept it.
 */
@Component
public class OneTimeLinks {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    OneTimeLinks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new password link for the account; earlier unused ones of the account stop working. */
    public String issuePasswordLink(long accountId, String createdBy, Duration lifetime) {
        String token = newToken();
        jdbc.sql("delete from password_link where account_id = ?").param(accountId).update();
        jdbc.sql("insert into password_link (token_hash, account_id, created_by, expires_at) values (?, ?, ?, ?)")
                .params(Hashes.sha256Hex(token), accountId, createdBy, until(lifetime)).update();
        return token;
    }

    /** The account a live password link belongs to, without using it up. */
    public Optional<Long> passwordLinkAccount(String token) {
        return token == null || token.isBlank() ? Optional.empty()
                : jdbc.sql("select account_id from password_link where token_hash = ? and expires_at > ?")
                .params(Hashes.sha256Hex(token), now()).query(Long.class).optional();
    }

    /** Uses up a live password link: the account it belonged to, or empty if it was unknown, used or expired. */
    public Optional<Long> usePasswordLink(String token) {
        return token == null || token.isBlank() ? Optional.empty()
                : jdbc.sql("delete from password_link where token_hash = ? and expires_at > ? returning account_id")
                .params(Hashes.sha256Hex(token), now()).query(Long.class).optional();
    }

    /** A new setup link; the one before, if any, stops working. */
    public String issueSetupLink(Duration lifetime) {
        String token = newToken();
        jdbc.sql("""
                insert into setup_link (id, token_hash, expires_at) values (1, ?, ?)
                on conflict (id) do update set token_hash = excluded.token_hash, expires_at = excluded.expires_at""")
                .params(Hashes.sha256Hex(token), until(lifetime)).update();
        return token;
    }

    public boolean setupLinkValid(String token) {
        return token != null && !token.isBlank()
                && jdbc.sql("select exists (select 1 from setup_link where token_hash = ? and expires_at > ?)")
                .params(Hashes.sha256Hex(token), now()).query(Boolean.class).single();
    }

    /** Uses up the setup link; false if the token was not the live one. */
    public boolean useSetupLink(String token) {
        return token != null && !token.isBlank()
                && jdbc.sql("delete from setup_link where token_hash = ? and expires_at > ?")
                .params(Hashes.sha256Hex(token), now()).update() == 1;
    }

    @Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
    void deleteExpired() {
        jdbc.sql("delete from password_link where expires_at < ?").param(now()).update();
        jdbc.sql("delete from setup_link where expires_at < ?").param(now()).update();
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private OffsetDateTime until(Duration lifetime) {
        return OffsetDateTime.ofInstant(clock.instant().plus(lifetime), ZoneOffset.UTC);
    }
}
