package vn.motcua.platform.files.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.platform.database.DatabaseOutage;

/**
 * Deletes from the active store the files no row references any more (a removed draft attachment or wallet document,
 * an object written by a transaction that rolled back): personal data is not kept forever. Only files older than
 * {@code motcua.files.cleanup-grace} are taken, and each batch waits for puts in flight ({@link FileSweepGuard}).
 * <p>
 * The tables that reference a stored file by its hash are named here, in SQL, although they belong to the dossier,
 * result, wallet and certification modules: a reference check is one query over all of them, and platform does not
 * depend on those modules' code. A new table that keeps a file's hash must be added to {@link #UNREFERENCED}.
 */
@Component
public class FileSweep {

    private static final Logger log = LoggerFactory.getLogger(FileSweep.class);
    private static final int BATCH = 500;
    /** No row references the hash {@code %1$s}. */
    private static final String UNREFERENCED = """
            not exists (select 1 from dossier_file r where r.sha256 = %1$s)
            and not exists (select 1 from result_document r where r.sha256 = %1$s)
            and not exists (select 1 from wallet_document r where r.sha256 = %1$s)
            and not exists (select 1 from certified_copy r where r.sha256 = %1$s)""";

    private final FileStores stores;
    private final FileSweepGuard guard;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final DatabaseOutage outage;
    private final Duration grace;

    FileSweep(FileStores stores, JdbcClient jdbc, TransactionTemplate transactions, Clock clock, DatabaseOutage outage,
              @Value("${motcua.files.cleanup-grace:1d}") Duration grace) {
        this.stores = stores;
        this.guard = new FileSweepGuard(jdbc);
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.outage = outage;
        this.grace = grace;
    }

    @Scheduled(fixedDelayString = "${motcua.files.cleanup-interval:1d}", initialDelay = 900_000)
    void sweepOnSchedule() {
        if (!outage.resting()) {
            sweep();
        }
    }

    /** Cleans up with the configured grace age; returns how many files were deleted. */
    public long sweep() {
        return sweep(clock.instant().minus(grace));
    }

    /** Deletes the unreferenced files stored before {@code cutoff}; returns how many. */
    public long sweep(Instant cutoff) {
        S3FileStore s3 = stores.s3().filter(store -> store == stores.active()).orElse(null);
        long deleted = s3 == null ? sweepDatabase(cutoff) : sweepS3(s3, cutoff);
        if (deleted >= 0) {
            log.info("File clean-up: {} unreferenced file(s) stored before {} deleted from the {} store", deleted,
                    cutoff, s3 == null ? stores.database().describe() : s3.describe());
        }
        return Math.max(deleted, 0);
    }

    /** Batches of one DELETE each; -1 if another node is at it. */
    private long sweepDatabase(Instant cutoff) {
        long deleted = 0;
        for (int batch = BATCH; batch == BATCH; ) {
            Integer done = transactions.execute(status -> guard.holdForSweep() ? jdbc.sql("""
                    delete from stored_file where sha256 in (
                        select s.sha256 from stored_file s where s.created_at < ? and %s limit ?)"""
                    .formatted(UNREFERENCED.formatted("s.sha256")))
                    .params(cutoff.atOffset(ZoneOffset.UTC), BATCH).update() : -1);
            if (done == null || done < 0) {
                return deleted == 0 ? -1 : deleted;
            }
            deleted += done;
            batch = done;
        }
        return deleted;
    }

    /** Per listing page: one query keeps the referenced keys, one request deletes the rest; -1 if another node is at it. */
    private long sweepS3(S3FileStore s3, Instant cutoff) {
        long deleted = 0;
        for (List<String> candidates : (Iterable<List<String>>) s3.pagesModifiedBefore(cutoff)::iterator) {
            if (candidates.isEmpty()) {
                continue;
            }
            Integer done = transactions.execute(status -> {
                if (!guard.holdForSweep()) {
                    return -1;
                }
                // The hash columns are char(64): the candidates are cast so that the indexes on them serve.
                List<String> orphans = jdbc.sql("select k from (select u::char(64) as k from unnest(?::text[]) u) c where "
                        + UNREFERENCED.formatted("c.k")).param(candidates.toArray(String[]::new))
                        .query(String.class).list();
                s3.deleteAll(orphans);
                return orphans.size();
            });
            if (done == null || done < 0) {
                return deleted == 0 ? -1 : deleted;
            }
            deleted += done;
        }
        return deleted;
    }
}
