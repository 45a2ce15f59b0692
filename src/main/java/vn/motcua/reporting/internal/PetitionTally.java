package vn.motcua.reporting.internal;

import java.time.Instant;
import java.util.List;

import vn.motcua.reporting.Measure;
import vn.motcua.reporting.internal.Contributions.Key;

/** What the facts of one petition (phản ánh, kiến nghị) contribute: received, closed (on time or not), rated. */
final class PetitionTally {

    private String agency;
    private String procedure = "";
    private Instant receivedAt;
    private boolean aboutDossier;
    private Instant closedAt;
    private boolean onTime;
    private Instant ratedAt;
    private boolean satisfied;

    static PetitionTally of(List<Fact> facts) {
        PetitionTally t = new PetitionTally();
        facts.stream().sorted(Fact.ORDER).forEach(t::apply);
        return t;
    }

    private void apply(Fact f) {
        if (f.agency() != null && agency == null) {
            agency = f.agency();
            procedure = f.procedure() == null ? "" : f.procedure();
        }
        switch (f.kind()) {
            case PETITION_RECEIVED -> {
                receivedAt = f.at();
                aboutDossier = !f.detail().isEmpty();
            }
            case PETITION_CLOSED -> {
                if (closedAt == null) {
                    closedAt = f.at();
                    onTime = f.flag();
                }
            }
            case PETITION_RATED -> {
                if (ratedAt == null) {
                    ratedAt = f.at();
                    satisfied = f.flag();
                }
            }
            default -> throw new IllegalArgumentException("not a petition fact: " + f.kind());
        }
    }

    Contributions contributions() {
        Contributions c = new Contributions();
        if (agency == null || receivedAt == null) {
            return c;
        }
        c.add(key(receivedAt), Measure.PETITIONS, 1);
        c.add(key(receivedAt), Measure.PETITIONS_ON_DOSSIERS, aboutDossier ? 1 : 0);
        if (closedAt != null) {
            c.add(key(closedAt), Measure.PETITIONS_CLOSED, 1);
            c.add(key(closedAt), Measure.PETITIONS_ON_TIME, onTime ? 1 : 0);
        }
        if (ratedAt != null) {
            c.add(key(ratedAt), Measure.PETITIONS_RATED, 1);
            c.add(key(ratedAt), Measure.PETITIONS_SATISFIED, satisfied ? 1 : 0);
        }
        return c;
    }

    private Key key(Instant at) {
        return new Key(DossierTally.day(at), agency, procedure, "");
    }
}
