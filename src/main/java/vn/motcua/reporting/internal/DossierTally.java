package vn.motcua.reporting.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import vn.motcua.reporting.Measure;
import vn.motcua.reporting.internal.Contributions.Key;
import vn.motcua.workflow.Timeliness;
import vn.motcua.workflow.WorkingCalendar;

/**
 * What the facts of one dossier say about it, folded in {@link Fact#ORDER}, and what it contributes to the read model.
 * The counting rules of the service index live here:
 * <ul>
 *   <li>handling ends when the result is ready, else when returned, refused or withdrawn; while the dossier waits for
 *       the applicant's supplement it counts as ended at the request, and the count moves back once the supplement
 *       arrives;</li>
 *   <li>it ended early, on time or late against the legal due date (moved only by pauses); more than one supplement
 *       request makes it late;</li>
 *   <li>a dossier never received here (an inter-agency child, a submission refused at reception) counts only as
 *       submitted: its parent carries the work.</li>
 * </ul>
 */
public final class DossierTally {

    /** The outcome of a dossier whose handling ended. */
    public enum Outcome { RESULT, RETURNED, REFUSED, WITHDRAWN, WAITING }

    final String code;
    String agency;
    String procedure;
    String channel;
    Instant submittedAt;
    Instant receivedAt;
    Instant legalDueAt;
    boolean account;
    int digitised;
    int stored;
    final List<Instant> supplementRequests = new ArrayList<>();
    Instant waitingSince;
    final List<Instant> transfers = new ArrayList<>();
    Instant resultAt;
    Instant returnedAt;
    Instant refusedAt;
    Instant withdrawnAt;
    Instant paidAt;
    boolean paidOnline;
    long amount;
    long amountOnline;
    Instant ratedAt;
    boolean satisfied;

    private DossierTally(String code) {
        this.code = code;
    }

    /** Folds the facts of one dossier, whatever order they arrived in. */
    public static DossierTally of(String code, List<Fact> facts) {
        DossierTally t = new DossierTally(code);
        facts.stream().sorted(Fact.ORDER).forEach(t::apply);
        return t;
    }

    private void apply(Fact f) {
        if (f.agency() != null && (agency == null || f.kind() == Fact.Kind.RECEIVED)) {
            agency = f.agency();
            procedure = f.procedure();
            channel = f.channel();
        }
        switch (f.kind()) {
            case SUBMITTED -> submittedAt = f.at();
            case RECEIVED -> {
                receivedAt = f.at();
                legalDueAt = f.dueAt();
                digitised = f.n1();
                stored = f.n2();
                account = f.flag();
            }
            case SUPPLEMENT_REQUESTED -> {
                supplementRequests.add(f.at());
                waitingSince = f.at();
            }
            case SUPPLEMENT_RECEIVED -> {
                waitingSince = null;
                if (f.dueAt() != null) {
                    legalDueAt = f.dueAt();
                }
            }
            case TRANSFERRED -> transfers.add(f.at());
            case RESULT_READY -> {
                resultAt = f.at();
                account |= f.flag();
            }
            case RETURNED -> returnedAt = f.at();
            case REFUSED -> refusedAt = f.at();
            case WITHDRAWN -> withdrawnAt = f.at();
            case PAID -> {
                amount += f.amount();
                if (f.n1() == 1) {
                    amountOnline += f.amount();
                    paidOnline = true;
                }
                if (f.flag() && paidAt == null) {
                    paidAt = f.at();
                }
            }
            case RATED -> {
                if (ratedAt == null) {
                    ratedAt = f.at();
                    satisfied = f.flag();
                }
            }
            default -> throw new IllegalArgumentException("not a dossier fact: " + f.kind());
        }
    }

    public boolean received() {
        return receivedAt != null && agency != null;
    }

    /** When handling ended for the index, or null while it goes on. */
    public Instant endedAt() {
        Outcome o = outcome();
        if (o == null) {
            return null;
        }
        return switch (o) {
            case RESULT -> resultAt;
            case RETURNED -> returnedAt;
            case REFUSED -> refusedAt;
            case WITHDRAWN -> withdrawnAt;
            case WAITING -> waitingSince;
        };
    }

    public Outcome outcome() {
        if (resultAt != null) return Outcome.RESULT;
        if (returnedAt != null) return Outcome.RETURNED;
        if (refusedAt != null) return Outcome.REFUSED;
        if (withdrawnAt != null) return Outcome.WITHDRAWN;
        if (waitingSince != null) return Outcome.WAITING;
        return null;
    }

    /** EARLY, ON_TIME or LATE once handling ended; null before. */
    public Timeliness timeliness() {
        Instant end = endedAt();
        if (end == null || legalDueAt == null) {
            return null;
        }
        return supplementRequests.size() > 1 ? Timeliness.LATE : Timeliness.ofFinished(legalDueAt, end);
    }

    public Contributions contributions() {
        Contributions c = new Contributions();
        if (agency == null) {
            return c;
        }
        if (submittedAt != null) {
            c.add(key(submittedAt), Measure.SUBMITTED, 1);
        }
        if (!received()) {
            return c;
        }
        Key received = key(receivedAt);
        c.add(received, Measure.RECEIVED, 1);
        c.add(received, Measure.DIGITISED, digitised > 0 ? 1 : 0);
        c.add(received, Measure.REUSED, stored > 0 ? 1 : 0);
        Instant end = endedAt();
        if (end != null) {
            Key ended = key(end);
            c.add(ended, Measure.HANDLED, 1);
            c.add(ended, switch (timeliness()) {
                case EARLY -> Measure.EARLY;
                case ON_TIME -> Measure.ON_TIME;
                default -> Measure.LATE;
            }, 1);
            switch (outcome()) {
                case REFUSED -> c.add(ended, Measure.REFUSED, 1);
                case WITHDRAWN -> c.add(ended, Measure.WITHDRAWN, 1);
                case WAITING -> c.add(ended, Measure.WAITING, 1);
                default -> { }
            }
        }
        supplementRequests.forEach(at -> c.add(key(at), Measure.SUPPLEMENT_REQUESTS, 1));
        transfers.forEach(at -> c.add(key(at), Measure.TRANSFERRED, 1));
        if (resultAt != null) {
            c.add(key(resultAt), Measure.E_RESULTS, 1);
            c.add(key(resultAt), Measure.RESULTS_TO_STORE, account ? 1 : 0);
        }
        if (returnedAt != null) {
            c.add(key(returnedAt), Measure.RETURNED, 1);
        }
        if (paidAt != null) {
            Key paid = key(paidAt);
            c.add(paid, Measure.FEE_PAID, 1);
            c.add(paid, Measure.PAID_ONLINE, paidOnline ? 1 : 0);
            c.add(paid, Measure.AMOUNT, amount);
            c.add(paid, Measure.AMOUNT_ONLINE, amountOnline);
        }
        if (ratedAt != null) {
            c.add(key(ratedAt), Measure.RATINGS, 1);
            c.add(key(ratedAt), Measure.RATINGS_UNSATISFIED, satisfied ? 0 : 1);
        }
        return c;
    }

    private Key key(Instant at) {
        return new Key(day(at), agency, procedure, channel);
    }

    static LocalDate day(Instant at) {
        return at.atZone(WorkingCalendar.ZONE).toLocalDate();
    }
}
