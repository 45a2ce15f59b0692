package vn.motcua.dossier;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.motcua.dossier.internal.Dossier;
import vn.motcua.dossier.internal.DossierRepository;
import vn.motcua.platform.web.VietnamTime;
import vn.motcua.workflow.Deadlines;
import vn.motcua.workflow.Pause;

/** A dossier's dates on the competent agency's working-day calendar, the waits for the applicant left out. */
@Component
class DossierDueDates implements Dossier.DueDates {

    /** Where codes, log years and report periods are dated. */
    static final ZoneId VIETNAM = VietnamTime.ZONE;

    private final Deadlines deadlines;
    private final DossierRepository dossiers;

    DossierDueDates(Deadlines deadlines, DossierRepository dossiers) {
        this.deadlines = deadlines;
        this.dossiers = dossiers;
    }

    @Override
    public Instant legalDueAt(Dossier d) {
        return deadlines.dueAt(d.receivedAt(), d.processingDays(), d.competentAgency(), pauses(d));
    }

    @Override
    public String classifyFinished(Instant legalDueAt, Instant finishedAt) {
        return deadlines.classifyFinished(legalDueAt, finishedAt).name();
    }

    /** The waits for the applicant since reception: they do not count against the agency. */
    List<Pause> pauses(Dossier d) {
        return dossiers.pauses(d.id()).stream()
                .filter(p -> d.receivedAt() != null && !p.startedAt().isBefore(d.receivedAt()))
                .map(p -> new Pause(p.startedAt(), p.endedAt())).toList();
    }
}
