package vn.motcua.audit.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.audit.AuditEntry;
import vn.motcua.platform.database.DatabaseOutage;
import vn.motcua.platform.web.VietnamTime;

/**
 * Chains recorded entries: takes what waits in {@code audit_pending}, in the order found, gives each the next
 * number of its day's chain, the hash of the entry before it and its own ({@link Chain}), writes them to
 * {@code audit_entry}, moves the day's head and deletes them from the waiting table, all in one transaction. Only
 * one sealer runs at a time across every node (a PostgreSQL advisory lock), so a day has exactly one chain.
 * <p>
 * It runs every second, and before anything reads the trail ({@link #sealNow()}), so searches, the citizen's page
 * and the integrity check always see every entry recorded before them. An entry is unchained only for that moment;
 * it is never lost, since it was committed with the change it records and waits in the database across a crash.
 */
@Component
@ConditionalOnProperty(name = "motcua.audit.enabled", havingValue = "true", matchIfMissing = true)
public class Sealer {

    private static final Logger log = LoggerFactory.getLogger(Sealer.class);
    /** The advisory lock that makes one sealer at a time ("audit" in ASCII). */
    private static final long LOCK = 0x6175646974L;
    private static final int BATCH = 2_000;
    private static final int BATCHES_PER_RUN = 25;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transaction;
    private final DatabaseOutage outage;

    Sealer(JdbcClient jdbc, JdbcTemplate batch, PlatformTransactionManager transactions, DatabaseOutage outage) {
        this.jdbc = jdbc;
        this.outage = outage;
        this.batch = batch;
        this.transaction = new TransactionTemplate(transactions);
        // Its own transaction, whatever the caller's (a read-only export asks for a seal first).
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Scheduled(fixedDelayString = "${motcua.audit.seal-interval:1s}", initialDelay = 1_000)
    void sealInBackground() {
        if (outage.resting()) {
            return;
        }
        try {
            seal(false);
        } catch (DataAccessException e) {
            if (!outage.failed("audit sealer", e)) {
                log.warn("Audit entries not chained yet, will try again: {}", e.getMessage());
            }
        }
    }

    /** Chains every entry recorded so far, waiting for a sealer already at work; how many it chained. */
    public int sealNow() {
        return seal(true);
    }

    private int seal(boolean wait) {
        Integer sealed = transaction.execute(tx -> {
            if (wait) {
                jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query(Object.class).single();
            } else if (!jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single()) {
                return 0; // another node is sealing
            }
            int total = 0;
            for (int round = 0; round < BATCHES_PER_RUN; round++) {
                int n = sealBatch();
                total += n;
                if (n < BATCH) {
                    break;
                }
            }
            return total;
        });
        return sealed == null ? 0 : sealed;
    }

    private int sealBatch() {
        List<AuditEntry> waiting = jdbc.sql("select * from audit_pending order by id limit ?").param(BATCH)
                .query((rs, n) -> new AuditEntry(rs.getLong("id"), null, 0,
                        rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                        rs.getString("roles"), rs.getString("agency_code"), rs.getString("action"),
                        rs.getString("subject"), rs.getString("data_subject"), rs.getString("client"),
                        rs.getString("outcome"), rs.getString("detail"), null, null))
                .list();
        if (waiting.isEmpty()) {
            return 0;
        }
        Map<String, Head> heads = new HashMap<>();
        List<Object[]> rows = new ArrayList<>();
        Long[] ids = new Long[waiting.size()];
        for (int i = 0; i < waiting.size(); i++) {
            AuditEntry e = waiting.get(i);
            ids[i] = e.id();
            String stream = LocalDate.ofInstant(e.at(), VietnamTime.ZONE) + "/0";
            Head head = heads.computeIfAbsent(stream, this::head);
            AuditEntry chained = new AuditEntry(0, stream, head.seq() + 1, e.at(), e.actor(), e.roles(),
                    e.agencyCode(), e.action(), e.subject(), e.dataSubject(), e.client(), e.outcome(), e.detail(),
                    head.hash(), null);
            String hash = Chain.hash(chained);
            heads.put(stream, new Head(chained.seq(), hash));
            rows.add(new Object[] {stream, chained.seq(), e.at().atOffset(ZoneOffset.UTC), e.actor(), e.roles(),
                    e.agencyCode(), e.action(), e.subject(), e.dataSubject(), e.client(), e.outcome(), e.detail(),
                    head.hash(), hash});
        }
        batch.batchUpdate("insert into audit_entry (stream, seq, at, actor, roles, agency_code, action, subject, "
                + "data_subject, client, outcome, detail, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
        heads.forEach((stream, head) -> jdbc.sql("""
                        insert into audit_head (stream, seq, hash) values (?, ?, ?)
                        on conflict (stream) do update set seq = excluded.seq, hash = excluded.hash""")
                .params(stream, head.seq(), head.hash()).update());
        jdbc.sql("delete from audit_pending where id = any(?)").param(ids).update();
        return waiting.size();
    }

    private Head head(String stream) {
        return jdbc.sql("select seq, hash from audit_head where stream = ?").param(stream)
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).optional()
                .orElse(new Head(0, Chain.GENESIS));
    }

    private record Head(long seq, String hash) {
    }
}
