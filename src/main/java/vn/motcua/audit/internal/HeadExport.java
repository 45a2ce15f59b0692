package vn.motcua.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.platform.MotCuaProperties;
import vn.motcua.platform.web.VietnamTime;

/**
 * Writes the heads of each day's streams to {@code <data dir>/audit/heads-YYYY-MM-DD.txt} (lines {@code <stream>
 * <seq> <hash>}), once the day is over: a copy outside the database that the verifier compares, so that deleting the
 * last entries of a day and rewinding {@code audit_head} still shows. Runs hourly, so a day missed while the
 * application was down is written at the next start; one node at a time (advisory lock). A temporary database (tests,
 * benchmarks) gets a temporary folder, so that heads never outlive their trail.
 */
@Component
public class HeadExport {

    private static final Logger log = LoggerFactory.getLogger(HeadExport.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Path folder;

    HeadExport(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, MotCuaProperties motcua) throws IOException {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.folder = motcua.database().temporary() ? Files.createTempDirectory("motcua-audit-heads")
                : motcua.dataDir().resolve("audit");
    }

    public Path folder() {
        return folder;
    }

    @Scheduled(fixedDelayString = "${motcua.audit.head-export-interval:1h}", initialDelayString = "${motcua.audit.head-export-delay:1m}")
    void exportPastDays() {
        LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
        List<String> days = jdbc.sql("select distinct split_part(stream, '/', 1) from audit_head where seq > exported_seq")
                .query(String.class).list();
        days.stream().map(LocalDate::parse).filter(d -> d.isBefore(today)).sorted().forEach(this::export);
    }

    /** Writes the day's heads as they are now (a later export of the same day replaces the file with longer heads). */
    public void export(LocalDate day) {
        transactions.executeWithoutResult(status -> {
            if (!jdbc.sql("select pg_try_advisory_xact_lock(hashtext('audit:heads'))").query(Boolean.class).single()) {
                return; // another node is at it
            }
            List<String> lines = jdbc.sql("select stream || ' ' || seq || ' ' || hash from audit_head "
                    + "where stream like ? and seq > 0 order by stream").param(day + "/%").query(String.class).list();
            try {
                Files.createDirectories(folder);
                Path file = folder.resolve("heads-" + day + ".txt");
                Path partial = folder.resolve("heads-" + day + ".txt.part");
                Files.write(partial, lines);
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            jdbc.sql("update audit_head set exported_seq = seq where stream like ?").param(day + "/%").update();
            log.info("Audit heads of {} exported: {} stream(s)", day, lines.size());
        });
    }
}
