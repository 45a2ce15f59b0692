package vn.motcua.identity.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import vn.motcua.platform.MotCuaProperties;
import vn.motcua.platform.security.Hashes;

/**
 * Opaque bearer tokens for API clients: 256 random bits, of which only the SHA-256 is stored, so a copy of the
 * database does not yield usable tokens. Any application node can check any token.
 */
@Component
public class ApiTokens {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, Clock clock, MotCuaProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lifetime = properties.security().tokenLifetime();
    }

    public Issued issue(long accountId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expires = clock.instant().plus(lifetime);
        jdbc.sql("insert into api_token (token_hash, account_id, expires_at) values (?, ?, ?)")
                .params(hash(token), accountId, OffsetDateTime.ofInstant(expires, ZoneOffset.UTC)).update();
        return new Issued(token, lifetime.toSeconds());
    }

    @Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
    void deleteExpired() {
        jdbc.sql("delete from api_token where expires_at < now()").update();
    }

    static String hash(String token) {
        return Hashes.sha256Hex(token);
    }

    public record Issued(String token, long expiresInSeconds) {
    }
}
