package vn.motcua.reporting.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the read model in step with the history. A new fact is appended under a lock on its subject; the subject's
 * facts are folded with and without it, and the difference of the two contributions is added to the counts. So the
 * counts never depend on the order events arrive in, a redelivered event changes nothing, and a rebuild (the same
 * fold over the whole history) gives the same numbers.
 */
@Component
public class ReadModel {

    private final ReportStore store;

    ReadModel(ReportStore store) {
        this.store = store;
    }

    @Transactional
    public void record(Fact fact) {
        store.lock(fact.subject());
        if (!store.append(fact)) {
            return;
        }
        List<Fact> after = store.facts(fact.subject());
        List<Fact> before = new ArrayList<>(after);
        before.removeIf(f -> f.kind() == fact.kind() && f.at().equals(fact.at()) && f.detail().equals(fact.detail()));
        if (fact.kind().aboutPetition()) {
            store.add(Contributions.delta(PetitionTally.of(before).contributions(), PetitionTally.of(after).contributions()));
        } else {
            DossierTally now = DossierTally.of(fact.subject(), after);
            store.add(Contributions.delta(DossierTally.of(fact.subject(), before).contributions(), now.contributions()));
            store.save(now);
        }
    }

    /**
     * Replaces the counts and the dossier rows with the fold of the whole history, in one transaction; events that
     * arrive meanwhile wait for it. Returns the number of subjects folded.
     */
    @Transactional
    public int rebuild() {
        store.clear();
        Contributions all = new Contributions();
        List<DossierTally> dossiers = new ArrayList<>();
        int[] subjects = {0};
        store.eachSubject(facts -> {
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
                store.copyDossiers(dossiers);
                dossiers.clear();
            }
        });
        store.copyDossiers(dossiers);
        store.copyCounts(all);
        return subjects[0];
    }
}
