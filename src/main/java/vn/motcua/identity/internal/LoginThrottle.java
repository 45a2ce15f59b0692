package vn.motcua.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import vn.motcua.platform.MotCuaProperties;

/**
 * Slows down guessing instead of locking accounts. Failed sign-ins are counted three ways: for a username from one
 * client address (a few), for a client address whatever the username (more: one address trying many accounts), and
 * for a username from every address together (many more: guessing spread over many addresses). Past a count's
 * allowance, further attempts that it covers wait (1 s, 2 s, 4 s ... up to a cap) and are refused without checking
 * the password meanwhile. A lock would let anyone shut anyone out; with these counts, someone guessing a person's
 * password from their own address slows down only themselves, and the person signs in from theirs.
 * Counts are kept by the username as typed, whether or not an account has it, so the answers say nothing about which
 * accounts exist. The state is in the database, so it holds across application nodes. Every failure is recorded.
 */
@Component
public class LoginThrottle {

    /** Why a sign-in failed, as recorded. */
    public enum Reason { BAD_CREDENTIALS, THROTTLED, DISABLED }

    private static final int KEY_LENGTH = 100;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MotCuaProperties.LoginThrottle policy;

    LoginThrottle(JdbcClient jdbc, Clock clock, MotCuaProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.policy = properties.security().loginThrottle();
    }

    /** How long attempts for this username from this address must still wait, if they must. */
    public Optional<Duration> wait(String username, String address) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        select blocked_until from login_throttle
                        where blocked_until > :now
                          and ((kind = 'ACCOUNT_ADDRESS' and key = :pair) or (kind = 'ACCOUNT' and key = :username)
                               or (kind = 'ADDRESS' and key = :address))
                        order by blocked_until desc limit 1""")
                .param("now", at(now)).param("pair", pair(username, address)).param("username", key(username))
                .param("address", key(address))
                .query(OffsetDateTime.class).optional()
                .map(until -> Duration.between(now, until.toInstant()));
    }

    /** Records a failure and, for a wrong password, counts it against the username and the address. */
    public void failed(String username, String address, Reason reason) {
        Instant now = clock.instant();
        jdbc.sql("insert into login_failure (at, username, address, reason) values (?, ?, ?, ?)")
                .params(at(now), key(username), address == null ? null : key(address), reason.name()).update();
        if (reason == Reason.THROTTLED) {
            return; // a refused attempt checked nothing; counting it would only lengthen a legitimate user's wait
        }
        count("ACCOUNT_ADDRESS", pair(username, address), policy.accountFailures(), now);
        count("ACCOUNT", key(username), policy.accountFailuresFromAnywhere(), now);
        if (address != null) {
            count("ADDRESS", address, policy.addressFailures(), now);
        }
    }

    /**
     * A successful sign-in clears its username's counts (not its address's: one good account must not reset the
     * count of an address that tries many).
     */
    public void succeeded(String username, String address) {
        jdbc.sql("delete from login_throttle where (kind = 'ACCOUNT' and key = ?) or (kind = 'ACCOUNT_ADDRESS' and key = ?)")
                .params(key(username), pair(username, address)).update();
    }

    /**
     * An administrator's unlock: clears every count of this username, from any address, so its next sign-in is checked
     * at once (the counts of the addresses stay: an address that tried many accounts is still slowed down).
     */
    public int unlock(String username) {
        return jdbc.sql("delete from login_throttle where (kind = 'ACCOUNT' and key = :username)"
                        + " or (kind = 'ACCOUNT_ADDRESS' and right(key, length(:username) + 1) = E'\\n' || :username)")
                .param("username", key(username)).update();
    }

    private void count(String kind, String value, int allowed, Instant now) {
        int failures = jdbc.sql("""
                        insert into login_throttle (kind, key, failures, last_failure_at) values (:kind, :key, 1, :now)
                        on conflict (kind, key) do update set
                            failures = case when login_throttle.last_failure_at < :forgotten then 1
                                            else login_throttle.failures + 1 end,
                            last_failure_at = :now
                        returning failures""")
                .param("kind", kind).param("key", key(value)).param("now", at(now))
                .param("forgotten", at(now.minus(policy.forgetAfter())))
                .query(Integer.class).single();
        if (failures >= allowed) {
            jdbc.sql("update login_throttle set blocked_until = ? where kind = ? and key = ?")
                    .params(at(now.plus(delay(failures - allowed))), kind, key(value)).update();
        }
    }

    /** The wait after the n-th failure past the allowance (from 0): the first delay, doubled each time, capped. */
    Duration delay(int beyond) {
        Duration max = policy.maxDelay();
        if (beyond >= 62) {
            return max;
        }
        long millis = policy.firstDelay().toMillis();
        return Duration.ofMillis(millis > max.toMillis() >> beyond ? max.toMillis() : millis << beyond);
    }

    @Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
    void forgetOld() {
        Instant now = clock.instant();
        jdbc.sql("delete from login_throttle where last_failure_at < ? and (blocked_until is null or blocked_until < ?)")
                .params(at(now.minus(policy.forgetAfter())), at(now)).update();
        jdbc.sql("delete from login_failure where at < ?").param(at(now.minus(policy.keepFailures()))).update();
    }

    private static String key(String value) {
        String trimmed = value == null ? "" : value.strip();
        return trimmed.length() > KEY_LENGTH ? trimmed.substring(0, KEY_LENGTH) : trimmed;
    }

    /** The key of a username tried from an address (a line break appears in neither). */
    private static String pair(String username, String address) {
        return key(address == null ? "unknown" : address) + "\n" + key(username);
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
