package vn.motcua.platform.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The wrong guesses at public look-ups ({@code lookup_failure}). Each call runs in a transaction of its own, so a
 * caller's rollback keeps the guesses it recorded.
 */
@Repository
class LookupFailureRepository {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    LookupFailureRepository(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Records a guess and returns its id. */
    long record(String kind, String code, String address, Instant at) {
        return ownTransaction.execute(tx -> jdbc.sql("""
                        insert into lookup_failure (kind, subject, client, failed_at) values (?, ?, ?, ?) returning id""")
                .params(kind, code, address, Timestamp.from(at)).query(Long.class).single());
    }

    /**
     * The time of the {@code limit}-th newest guess at the code after {@code since}, leaving out {@code attempt};
     * empty when there are fewer.
     */
    Optional<Instant> limitThBySubject(String kind, String code, long attempt, Instant since, int limit) {
        return limitTh("kind = ? and subject = ? and id <> ? and failed_at > ?", limit,
                kind, code, attempt, Timestamp.from(since));
    }

    /** As {@link #limitThBySubject}, for the guesses from one client address. */
    Optional<Instant> limitThByClient(String address, long attempt, Instant since, int limit) {
        return limitTh("client = ? and id <> ? and failed_at > ?", limit, address, attempt, Timestamp.from(since));
    }

    private Optional<Instant> limitTh(String where, int limit, Object... params) {
        return ownTransaction.execute(tx -> jdbc.sql("select failed_at from lookup_failure where " + where
                        + " order by failed_at desc offset ? limit 1")
                .params(append(params, limit - 1)).query(Timestamp.class).optional().map(Timestamp::toInstant));
    }

    void forget(long attempt) {
        ownTransaction.executeWithoutResult(tx -> jdbc.sql("delete from lookup_failure where id = ?").param(attempt)
                .update());
    }

    /** Deletes the guesses made before {@code before} (the scheduled clean-up runs outside any transaction). */
    void deleteBefore(Instant before) {
        jdbc.sql("delete from lookup_failure where failed_at < ?").param(Timestamp.from(before)).update();
    }

    private static Object[] append(Object[] params, Object last) {
        Object[] all = java.util.Arrays.copyOf(params, params.length + 1);
        all[params.length] = last;
        return all;
    }
}
