package vn.motcua.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import vn.motcua.platform.web.TooManyAttemptsException;

/**
 * Limits guessing at public look-ups that take a code and a short secret (a dossier's code and the last digits of a
 * phone; a petition's number and phone digits or email). Each wrong answer counts against the code and against the
 * client's address; past a few per code, or many per address, the client waits. A right answer does not count, and an
 * unknown code counts exactly like a wrong secret, so the answers do not tell them apart.
 * <p>
 * The guesses are rows in PostgreSQL ({@link LookupFailureRepository}), written in a transaction of their own (so a caller's rollback keeps them), so
 * the limit holds across application nodes. Each attempt is written <em>before</em> the look-up and counted with
 * the others: concurrent requests all see each other, and a burst cannot slip past the limit.
 */
@Component
public class GuessLimit {

    private final LookupFailureRepository failures;
    private final Clock clock;
    private final int perSubject;
    private final Duration subjectWindow;
    private final int perClient;
    private final Duration clientWindow;

    GuessLimit(LookupFailureRepository failures, Clock clock,
               @Value("${motcua.security.lookup.per-code:5}") int perSubject,
               @Value("${motcua.security.lookup.per-code-window:15m}") Duration subjectWindow,
               @Value("${motcua.security.lookup.per-address:30}") int perClient,
               @Value("${motcua.security.lookup.per-address-window:1h}") Duration clientWindow) {
        this.failures = failures;
        this.clock = clock;
        this.perSubject = perSubject;
        this.subjectWindow = subjectWindow;
        this.perClient = perClient;
        this.clientWindow = clientWindow;
    }

    /**
     * Runs a look-up unless the code or the client is over its limit; an empty answer counts as a wrong guess.
     *
     * @param kind    what is looked up (DOSSIER, PETITION), so that codes of different things do not mix
     * @param subject the code as typed
     * @param client  the client's address
     * @throws TooManyAttemptsException before the look-up, when the code or the client must wait
     */
    public <T> Optional<T> attempt(String kind, String subject, String client, Supplier<Optional<T>> lookup) {
        String code = normalise(subject);
        String address = client == null || client.isBlank() ? "unknown" : client.strip();
        Instant now = clock.instant();
        long attempt = failures.record(kind, code, address, now);
        Optional<Instant> blockedUntil = blockedUntil(kind, code, address, attempt, now);
        if (blockedUntil.isPresent()) {
            failures.forget(attempt); // waiting is not guessing: the wait does not grow while they keep asking
            throw new TooManyAttemptsException(Duration.between(now, blockedUntil.get()));
        }
        Optional<T> found = lookup.get();
        if (found.isPresent()) {
            failures.forget(attempt);
        }
        return found;
    }

    /** Old guesses are of no use once outside both windows. */
    @Scheduled(fixedDelay = 3_600_000, initialDelay = 120_000)
    void deleteOld() {
        failures.deleteBefore(clock.instant().minus(Duration.ofDays(1)));
    }

    /**
     * When the earliest guess that keeps the code or the client over its limit leaves its window; empty when neither
     * is over. The attempt being made counts: it is the (limit + 1)-th that is refused.
     */
    private Optional<Instant> blockedUntil(String kind, String code, String address, long attempt, Instant now) {
        // With limit or more earlier guesses in the window, the limit-th newest must leave it before another guess.
        Optional<Instant> bySubject = failures.limitThBySubject(kind, code, attempt, now.minus(subjectWindow),
                perSubject).map(t -> t.plus(subjectWindow));
        Optional<Instant> byClient = failures.limitThByClient(address, attempt, now.minus(clientWindow), perClient)
                .map(t -> t.plus(clientWindow));
        if (bySubject.isPresent() && byClient.isPresent()) {
            return Optional.of(bySubject.get().isAfter(byClient.get()) ? bySubject.get() : byClient.get());
        }
        return bySubject.isPresent() ? bySubject : byClient;
    }

    private static String normalise(String subject) {
        String s = subject == null ? "" : subject.strip().toUpperCase(Locale.ROOT);
        return s.length() > 64 ? s.substring(0, 64) : s;
    }
}
