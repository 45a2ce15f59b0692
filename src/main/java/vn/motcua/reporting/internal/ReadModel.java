package vn.motcua.reporting.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.platform.database.DatabaseOutage;

/**
 * Keeps the read model in step with the history, in two steps. A fact is appended in the very transaction of the
 * change it records (so it exists exactly when the change does, and a submission pays one small insert). A moment
 * later the folder takes the facts not yet folded, many at a time: for each subject it folds the facts already
 * counted with and without the new ones, and adds the differences, summed over the whole batch, to the counts. So
 * the counts never depend on the order facts arrive in, a repeated event changes nothing, and a rebuild (the same
 * fold over the whole history) gives the same numbers.
 */
@Component
public class ReadModel {

    static final int BATCH = 10_000;

    private final ReportHistory history;
    private final FoldWriter writer;
    private final TransactionTemplate snapshot;
    private final DatabaseOutage outage;

    ReadModel(ReportHistory history, FoldWriter writer, PlatformTransactionManager transactions,
              DatabaseOutage outage) {
        this.history = history;
        this.writer = writer;
        this.outage = outage;
        // One snapshot per batch: the facts taken and the facts already folded are read as of the same moment.
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** Appends the fact to the history, in the caller's transaction; a fact already there is ignored. */
    public void record(Fact fact) {
        history.append(fact);
    }

    /** Folds what has been appended, unless another thread or node is already at it. */
    @Scheduled(fixedDelayString = "${motcua.reporting.fold-interval:500ms}")
    void foldRegularly() {
        if (outage.resting()) {
            return; // the database is out of reach: no stack trace every half second
        }
        while (snapshot.execute(status -> {
            if (!history.lockFolder(false)) {
                status.setRollbackOnly(); // another node is folding
                return 0;
            }
            return foldBatch();
        }) > 0) {
            // until nothing is left
        }
    }

    /** Folds every fact appended so far, waiting for a folder at work to finish; returns how many it folded. */
    public int catchUp() {
        int total = 0;
        for (int n; (n = snapshot.execute(status -> {
            history.lockFolder(true);
            return foldBatch();
        })) > 0; ) {
            total += n;
        }
        return total;
    }

    private int foldBatch() {
        List<ReportHistory.Stored> batch = history.unfolded(BATCH);
        if (batch.isEmpty()) {
            return 0;
        }
        Map<String, List<Fact>> fresh = new LinkedHashMap<>();
        batch.forEach(s -> fresh.computeIfAbsent(s.fact().subject(), k -> new ArrayList<>()).add(s.fact()));
        Map<String, List<Fact>> before = new LinkedHashMap<>();
        fresh.keySet().forEach(subject -> before.put(subject, new ArrayList<>()));
        history.folded(fresh.keySet()).forEach(f -> before.get(f.subject()).add(f));

        Contributions delta = new Contributions();
        List<DossierTally> dossiers = new ArrayList<>();
        fresh.forEach((subject, added) -> {
            List<Fact> old = before.get(subject);
            List<Fact> now = new ArrayList<>(old);
            now.addAll(added);
            if (added.getFirst().kind().aboutPetition()) {
                delta.addAll(PetitionTally.of(now).contributions(), 1);
                delta.addAll(PetitionTally.of(old).contributions(), -1);
            } else {
                DossierTally tally = DossierTally.of(subject, now);
                delta.addAll(tally.contributions(), 1);
                delta.addAll(DossierTally.of(subject, old).contributions(), -1);
                dossiers.add(tally);
            }
        });
        writer.add(delta.changes());
        writer.save(dossiers);
        history.markFolded(batch.stream().map(ReportHistory.Stored::id).toList());
        return batch.size();
    }

    /**
     * Replaces the counts and the dossier rows with the fold of the whole history as of now, in one transaction. The
     * folder waits meanwhile; facts committed during the rebuild are not in its snapshot and are folded after it.
     * Returns the number of subjects folded.
     */
    public int rebuild() {
        return snapshot.execute(status -> {
            history.lockFolder(true);
            writer.clear();
            Contributions all = new Contributions();
            List<DossierTally> dossiers = new ArrayList<>();
            int[] subjects = {0};
            history.eachSubject(facts -> {
                subjects[0]++;
                String subject = facts.getFirst().subject();
                if (facts.getFirst().kind().aboutPetition()) {
                    all.addAll(PetitionTally.of(facts).contributions(), 1);
                    return;
                }
                DossierTally t = DossierTally.of(subject, facts);
                all.addAll(t.contributions(), 1);
                dossiers.add(t);
                if (dossiers.size() == 50_000) {
                    writer.copyDossiers(dossiers);
                    dossiers.clear();
                }
            });
            writer.copyDossiers(dossiers);
            writer.copyCounts(all);
            history.markAllFolded();
            return subjects[0];
        });
    }
}
