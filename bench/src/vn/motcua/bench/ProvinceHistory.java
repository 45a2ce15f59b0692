package vn.motcua.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureLevel;
import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencyKind;

/**
 * A province's history of dossiers, generated with a fixed seed and written with COPY in two forms from the same model:
 * the rows of the product's own tables ({@code dossier}, {@code dossier_pause}) and the facts of the reporting module's
 * event history ({@code report_event}) exactly as its event feed would have recorded them.
 *
 * <p>All times are kept as Vietnam local seconds since the epoch (UTC+7, no daylight saving) and written with
 * {@code +07}. The mix (see {@link #dossier}) follows the shares of the brief: channels, outcomes, delays,
 * supplements, fees, digitisation, reuse, ratings, petitions.
 */
final class ProvinceHistory {

    static final long DAY = 86_400;
    static final String SERVICE_CENTRE = "000.00.30.H57";

    /** A procedure as the generator uses it: a demo catalog entry, or a clone standing for the rest of a catalog. */
    record Proc(String code, byte[] codeBytes, byte[] nameBytes, boolean commune, String[] agencies, boolean online,
                int days, long fee, long processId) {
    }

    /** What the run produced. */
    record Totals(long dossiers, long children, long pauses, long facts, long petitions, long pending) {
    }

    private final SplittableRandom random;
    private final Calendar calendar;
    private final LocalDate first;
    private final LocalDate last;
    private final long cutoff;                  // local seconds of today 00:00: nothing has happened from here on
    private final Proc[] procedures;            // by popularity rank
    private final double[] procedureCumulative; // Zipf
    private final String[] communes;
    private final double[] communeCumulative;
    private final String[] departments;         // targets of inter-agency transfers, petition agencies
    private final byte[][] applicantNames;
    private final Map<String, byte[]> bytes = new HashMap<>();
    private final Map<String, Integer> sequences = new HashMap<>();

    private Rows dossierRows;
    private Rows pauseRows;
    private Rows eventRows;
    private long nextId;
    private long dossiers;
    private long children;
    private long pauses;
    private long facts;
    private long petitions;
    private long pending;
    private long payments;

    ProvinceHistory(long seed, LocalDate first, LocalDate last, List<Procedure> catalog, int catalogSize,
                    Map<String, Long> processIds, long anyProcessId, List<Agency> agencies) {
        this.random = new SplittableRandom(seed);
        this.first = first;
        this.last = last;
        this.cutoff = last.plusDays(1).toEpochDay() * DAY;
        this.calendar = new Calendar(first.minusDays(40), last.plusYears(2));

        List<Procedure> demo = new ArrayList<>(catalog);
        demo.sort(java.util.Comparator.comparing(Procedure::code));
        shuffle(demo);
        List<Proc> procs = new ArrayList<>();
        for (Procedure p : demo) {
            procs.add(proc(p, p.code(), p.name(), processIds.getOrDefault(p.code(), anyProcessId)));
        }
        // The demo catalog has the common procedures; a province has about 2,000, most of them decided by departments
        // (commune-level ones are a hundred or two). The rest of the catalog is stood in for by clones of the demo's
        // province-level procedures (same agencies, time, fee) under codes the catalog does not know: the read model
        // treats procedure codes as plain strings, the index's catalog-based shares only see the real ones.
        List<Procedure> provincial = demo.stream().filter(p -> p.level() != ProcedureLevel.COMMUNE).toList();
        for (int i = 0; procs.size() < catalogSize; i++) {
            Procedure t = provincial.get(i % provincial.size());
            procs.add(proc(t, "9." + String.format("%06d", i + 1), t.name() + " (" + (i / provincial.size() + 2) + ")",
                    processIds.getOrDefault(t.code(), anyProcessId)));
        }
        this.procedures = procs.toArray(Proc[]::new);
        this.procedureCumulative = cumulative(procedures.length, r -> 1.0 / Math.pow(r + 1, 1.0));

        this.communes = agencies.stream().filter(a -> a.kind() == AgencyKind.COMMUNE && a.effectiveTo() == null)
                .map(Agency::code).sorted().toArray(String[]::new);
        double[] communeWeights = new double[communes.length];
        for (int i = 0; i < communes.length; i++) {
            communeWeights[i] = 0.4 + 1.6 * random.nextDouble();
        }
        this.communeCumulative = cumulative(communes.length, i -> communeWeights[i]);
        this.departments = agencies.stream().filter(a -> a.kind() == AgencyKind.DEPARTMENT && a.effectiveTo() == null
                && a.parentCode() != null).map(Agency::code).sorted().toArray(String[]::new);

        String[] family = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
                "Ngô", "Dương", "Lý", "Tôn Nữ", "Hà", "Trương", "Đinh", "Lâm"};
        String[] middle = {"Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quốc", "Thu", "Hoài", "Anh", "Xuân"};
        String[] given = {"An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng", "Hương",
                "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phúc", "Phương", "Quân", "Quỳnh", "Sơn", "Tâm",
                "Thảo", "Thắng", "Trang", "Trung", "Tuấn", "Uyên", "Vy", "Yến"};
        applicantNames = new byte[2_000][];
        for (int i = 0; i < applicantNames.length; i++) {
            applicantNames[i] = (family[random.nextInt(family.length)] + " " + middle[random.nextInt(middle.length)] + " "
                    + given[random.nextInt(given.length)]).getBytes(StandardCharsets.UTF_8);
        }
    }

    private Proc proc(Procedure p, String code, String name, long processId) {
        String[] agencies = p.agencies().toArray(String[]::new);
        long fee = p.fees().stream().mapToLong(f -> f.amount()).filter(a -> a > 0).findFirst().orElse(0);
        return new Proc(code, code.getBytes(StandardCharsets.UTF_8), Rows.escape(name),
                p.level() == ProcedureLevel.COMMUNE, agencies,
                p.onlineLevel() != null && p.onlineLevel() != OnlineLevel.INFO, p.processingDays(), fee, processId);
    }

    // =================================================================== writing

    /**
     * Generates {@code count} dossiers received on the working days from {@code first} to {@code last} and writes them
     * with three concurrent COPY streams; the caller has dropped the secondary indexes and rebuilds them afterwards.
     */
    Totals write(DataSource dataSource, long count) throws SQLException, IOException {
        try (Connection d = dataSource.getConnection(); Connection p = dataSource.getConnection();
             Connection e = dataSource.getConnection()) {
            for (Connection c : List.of(d, p, e)) {
                try (Statement s = c.createStatement()) {
                    // Foreign keys are checked by re-validating nothing: the generator only refers to rows it wrote.
                    s.execute("set session_replication_role = replica");
                }
            }
            try (Statement s = d.createStatement(); var rs = s.executeQuery("select coalesce(max(id), 0) + 1 from dossier")) {
                rs.next();
                nextId = rs.getLong(1);
            }
            dossierRows = new Rows(copy(d, "dossier (id, code, status, channel, procedure_code, procedure_name, "
                    + "processing_days, process_id, receiving_agency, competent_agency, current_agency, parent_id, owner, "
                    + "applicant_name, submitted_at, received_at, received_by, due_at, legal_due_at, result_at, "
                    + "finished_at, timeliness, return_method, created_by, created_at, updated_at)"));
            pauseRows = new Rows(copy(p, "dossier_pause (dossier_id, started_at, ended_at, items, requested_by)"));
            // Written as folded: the history of the past, which the rebuild then folds at once (a live node's facts
            // arrive unfolded and its folder takes them).
            eventRows = new Rows(copy(e, "report_event (subject, kind, at, agency, procedure, channel, due_at, n1, n2, "
                    + "amount, flag, detail, folded)"));
            generate(count);
            dossierRows.end();
            pauseRows.end();
            eventRows.end();
            try (Statement s = d.createStatement()) {
                s.execute("select setval(pg_get_serial_sequence('dossier', 'id'), " + (nextId - 1) + ")");
            }
            for (Connection c : List.of(d, p, e)) {
                try (Statement s = c.createStatement()) {
                    s.execute("reset session_replication_role");
                }
            }
        }
        return new Totals(dossiers, children, pauses, facts, petitions, pending);
    }

    private static CopyIn copy(Connection c, String target) throws SQLException {
        return c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + target + " from stdin");
    }

    private void generate(long count) throws IOException {
        // Working days of the period, weighted: a slow rise over the years, a season, busier Mondays.
        List<Long> days = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        double span = last.toEpochDay() - first.toEpochDay();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (!calendar.working(d.toEpochDay())) {
                continue;
            }
            double t = (d.toEpochDay() - first.toEpochDay()) / span;
            double w = (1 + 0.15 * t) * (1 + 0.12 * Math.sin(2 * Math.PI * (d.getDayOfYear() - 40) / 365.0))
                    * (d.getDayOfWeek() == DayOfWeek.MONDAY ? 1.15 : d.getDayOfWeek() == DayOfWeek.FRIDAY ? 0.92 : 1.0);
            days.add(d.toEpochDay());
            weights.add(w);
        }
        double total = weights.stream().mapToDouble(Double::doubleValue).sum();
        double carry = 0;
        long made = 0;
        for (int i = 0; i < days.size(); i++) {
            carry += count * weights.get(i) / total;
            long today = i == days.size() - 1 ? count - made : Math.round(carry) - made;
            for (long k = 0; k < today; k++) {
                dossier(days.get(i), (days.get(i) - first.toEpochDay()) / span);
            }
            made += today;
            // Petitions that are about no particular dossier: about as many as those about one.
            for (long k = 0; k < today / 400; k++) {
                petition(days.get(i) * DAY + officeTime(), departments.length > 0 && random.nextBoolean()
                        ? departments[random.nextInt(departments.length)] : pick(communes, communeCumulative), null, null);
            }
        }
    }

    // =================================================================== one dossier

    private void dossier(long day, double t) throws IOException {
        Proc p = procedures[sample(procedureCumulative)];
        String competent = p.agencies.length > 0 ? p.agencies[random.nextInt(p.agencies.length)]
                : p.commune ? pick(communes, communeCumulative) : "000.00.00.H57";
        String receiving = p.commune ? competent : SERVICE_CENTRE;
        LocalDate date = LocalDate.ofEpochDay(day);

        // Channel: online rising from 40% to 66% of the dossiers of procedures that offer it (≈45% of all), post 5%.
        double u = random.nextDouble();
        double online = 0.40 + 0.26 * t;
        String channel;
        if (p.online && u < online) {
            channel = date.getYear() >= 2025 && random.nextDouble() < 0.2 ? "NATIONAL_PORTAL" : "ONLINE";
        } else if (u >= 1 - 0.05) {
            channel = "POSTAL";
        } else {
            channel = "COUNTER";
        }
        boolean isOnline = channel.equals("ONLINE") || channel.equals("NATIONAL_PORTAL");
        long received = day * DAY + officeTime();
        long submitted = isOnline ? received - 300 - random.nextLong(30 * 3600) : received;
        boolean account = isOnline || random.nextDouble() < 0.1;
        String owner = isOnline ? "citizen-" + random.nextInt(400_000) : null;

        // The legal due date: processing days in working days (weekends and the main holidays off), same time of day;
        // a same-day procedure is due at 17:00.
        long due = p.days == 0 ? day * DAY + 17 * 3600
                : calendar.addWorkingDays(day, p.days) * DAY + Math.floorMod(received, DAY);
        long firstDue = due;

        // Supplement requests: 8% once, 2% twice; 8% of the last requests are never answered (the dossier waits).
        double s = random.nextDouble();
        int requests = s < 0.08 ? 1 : s < 0.10 ? 2 : 0;
        long[] requestedAt = new long[requests];
        long[] answeredAt = new long[requests];
        long[] dueAfter = new long[requests];
        long cursor = received;
        boolean abandoned = false;
        for (int r = 0; r < requests; r++) {
            long reqDay = calendar.addWorkingDays(cursor / DAY, 1 + random.nextInt(Math.max(1, Math.min(p.days, 3))));
            requestedAt[r] = Math.max(reqDay * DAY + officeTime(), cursor + 600);
            if (r == requests - 1 && random.nextDouble() < 0.08) {
                answeredAt[r] = -1;
                abandoned = true;
                break;
            }
            long ansDay = calendar.addWorkingDays(requestedAt[r] / DAY, 1 + random.nextInt(7));
            answeredAt[r] = Math.max(ansDay * DAY + officeTime(), requestedAt[r] + 600);
            int paused = calendar.workingDaysBetween(requestedAt[r] / DAY, answeredAt[r] / DAY);
            due = calendar.addWorkingDays(due / DAY, paused) * DAY + Math.floorMod(due, DAY);
            dueAfter[r] = due;
            cursor = answeredAt[r];
        }

        // Outcome: ≈85% result then returned, ≈5% refused, ≈3% withdrawn (the rest is what the cut-off at today leaves
        // pending, plus a few stuck for good); ≈90% early or on time.
        long result = -1, returned = -1, refused = -1, withdrawn = -1;
        String returnMethod = null;
        if (!abandoned) {
            double o = random.nextDouble();
            if (o < 0.054) {
                refused = end(cursor, due, p.days, false);
            } else if (o < 0.087) {
                long window = Math.max(3600, due - cursor);
                withdrawn = cursor + 600 + (long) (window * (0.1 + 0.8 * random.nextDouble()));
            } else if (o < 0.998) {
                result = end(cursor, due, p.days, random.nextDouble() < 0.085);
                if (isOnline && random.nextDouble() < 0.5) {
                    returned = result + 60 + random.nextLong(7_200);
                    returnMethod = "ONLINE";
                } else {
                    returned = Math.max(calendar.addWorkingDays(result / DAY, random.nextInt(6)) * DAY + officeTime(),
                            result + 600);
                    returnMethod = channel.equals("POSTAL") ? "POST" : "COUNTER";
                }
            }
        }

        // Fees: paid online (gateway, transfer) for about a quarter of the fee-bearing dossiers, in cash otherwise.
        long paidAt = -1;
        boolean paidOnline = false;
        if (p.fee > 0) {
            double f = random.nextDouble();
            if (isOnline && f < 0.56) {
                paidAt = submitted + 60 + random.nextLong(1_800);
                paidOnline = true;
            } else {
                paidAt = received + 120 + random.nextLong(900);
                paidOnline = channel.equals("POSTAL") ? f < 0.5 : channel.equals("COUNTER") && f < 0.04;
            }
        }
        boolean settled = random.nextDouble() < 0.995;

        // Digitised at the counter (rising from 50% to 70% of paper dossiers); documents reused from the data store.
        int digitised = !isOnline && random.nextDouble() < 0.5 + 0.2 * t ? 1 + random.nextInt(4) : 0;
        int stored = isOnline ? (random.nextDouble() < 0.3 ? 1 + random.nextInt(2) : 0)
                : (random.nextDouble() < 0.05 ? 1 : 0);

        // Ratings: 20% of the returned, 5% of them not satisfied.
        long ratedAt = -1;
        boolean satisfied = true;
        if (returned >= 0 && random.nextDouble() < 0.2) {
            ratedAt = returned + 600 + random.nextLong(3 * DAY);
            satisfied = random.nextDouble() >= 0.05;
        }

        // An inter-agency part (1% of province-level dossiers with a result): a child dossier at another department.
        long transferredAt = -1;
        String childCode = null, target = null;
        long childResult = -1;
        if (!p.commune && result >= 0 && departments.length > 1 && random.nextDouble() < 0.01) {
            transferredAt = Math.max(calendar.addWorkingDays(received / DAY, 1) * DAY + officeTime(), received + 600);
            if (transferredAt < result) {
                do {
                    target = departments[random.nextInt(departments.length)];
                } while (target.equals(competent));
                childCode = target + "-" + yymmdd(transferredAt / DAY) + "-" + sequence(target, transferredAt / DAY);
                childResult = transferredAt + (result - transferredAt) / 2;
            } else {
                transferredAt = -1;
            }
        }

        String code = receiving + "-" + yymmdd(day) + "-" + sequence(receiving, day);
        byte[] codeBytes = code.getBytes(StandardCharsets.US_ASCII);
        long id = nextId++;
        dossiers++;

        // ------------------------------------------------ the facts, as the event feed records them (none from today)
        byte[] agencyBytes = bytes(competent);
        byte[] channelBytes = bytes(channel);
        if (isOnline) {
            fact(codeBytes, "SUBMITTED", submitted, agencyBytes, p.codeBytes, channelBytes, -1, 0, 0, 0, false, null);
        }
        fact(codeBytes, "RECEIVED", received, agencyBytes, p.codeBytes, channelBytes, firstDue, digitised, stored, 0,
                account, null);
        long legalDue = firstDue;
        boolean waiting = false;
        for (int r = 0; r < requests; r++) {
            if (requestedAt[r] >= cutoff) {
                break;
            }
            fact(codeBytes, "SUPPLEMENT_REQUESTED", requestedAt[r], agencyBytes, p.codeBytes, channelBytes, -1, 0, 0, 0,
                    false, null);
            boolean answered = answeredAt[r] >= 0 && answeredAt[r] < cutoff;
            pauseRows.num(id).tab().time(requestedAt[r]).tab();
            if (answered) {
                pauseRows.time(answeredAt[r]);
            } else {
                pauseRows.nul();
            }
            pauseRows.tab().text(BRACKETS).tab().text(bytes("specialist")).nl();
            pauses++;
            if (!answered) {
                waiting = true;
                break;
            }
            legalDue = dueAfter[r];
            fact(codeBytes, "SUPPLEMENT_RECEIVED", answeredAt[r], agencyBytes, p.codeBytes, channelBytes, legalDue,
                    0, 0, 0, false, null);
        }
        if (transferredAt >= 0 && transferredAt < cutoff) {
            fact(codeBytes, "TRANSFERRED", transferredAt, agencyBytes, p.codeBytes, channelBytes, -1, 0, 0, 0, false,
                    childCode);
        }
        if (paidAt >= 0 && paidAt < cutoff) {
            payments++;
            fact(codeBytes, "PAID", paidAt, null, null, null, -1, paidOnline ? 1 : 0, 0, p.fee, settled,
                    "TT-" + payments);
        }
        result = result < cutoff ? result : -1;
        returned = returned < cutoff ? returned : -1;
        refused = refused < cutoff ? refused : -1;
        withdrawn = withdrawn < cutoff ? withdrawn : -1;
        ratedAt = ratedAt < cutoff ? ratedAt : -1;
        if (result >= 0) {
            fact(codeBytes, "RESULT_READY", result, agencyBytes, p.codeBytes, channelBytes, -1, 0, 0, 0, account, null);
        }
        if (returned >= 0) {
            fact(codeBytes, "RETURNED", returned, agencyBytes, p.codeBytes, channelBytes, -1, 0, 0, 0, false, null);
        }
        if (refused >= 0) {
            fact(codeBytes, "REFUSED", refused, agencyBytes, p.codeBytes, channelBytes, -1, 0, 0, 0, false, null);
        }
        if (withdrawn >= 0) {
            fact(codeBytes, "WITHDRAWN", withdrawn, agencyBytes, p.codeBytes, channelBytes, -1, 0, 0, 0, false, null);
        }
        if (ratedAt >= 0) {
            fact(codeBytes, "RATED", ratedAt, agencyBytes, p.codeBytes, null, -1, 0, 0, 0, satisfied, null);
        }

        // ------------------------------------------------ the dossier row, as the dossier module keeps it
        String status;
        long finished = -1;
        if (returned >= 0) {
            status = "RETURNED";
            finished = returned;
        } else if (result >= 0) {
            status = "RESULT_READY";
        } else if (refused >= 0) {
            status = "REFUSED";
            finished = refused;
        } else if (withdrawn >= 0) {
            status = "WITHDRAWN";
            finished = withdrawn;
        } else if (waiting) {
            status = "SUPPLEMENT_REQUESTED";
        } else {
            status = "PROCESSING";
        }
        if (finished < 0 && result < 0) {
            pending++;
        }
        long updated = Math.max(Math.max(received, finished), result);
        String timeliness = finished < 0 ? null : finished / DAY < legalDue / DAY ? "EARLY"
                : finished <= legalDue ? "ON_TIME" : "LATE";
        Rows r = dossierRows;
        r.num(id).tab().text(codeBytes).tab().text(bytes(status)).tab().text(channelBytes).tab().text(p.codeBytes).tab()
                .text(p.nameBytes).tab().num(p.days).tab().num(p.processId).tab().text(bytes(receiving)).tab()
                .text(agencyBytes).tab().text(bytes(finished >= 0 || result >= 0 ? receiving : competent)).tab().nul()
                .tab();
        if (owner != null) {
            r.text(owner.getBytes(StandardCharsets.US_ASCII));
        } else {
            r.nul();
        }
        r.tab().text(applicantNames[random.nextInt(applicantNames.length)]).tab().time(submitted).tab().time(received)
                .tab().text(bytes("reception")).tab().time(legalDue).tab().time(legalDue).tab()
                .timeOrNull(result).tab().timeOrNull(finished).tab();
        if (timeliness != null) {
            r.text(bytes(timeliness));
        } else {
            r.nul();
        }
        r.tab();
        if (finished >= 0 && returnMethod != null && status.equals("RETURNED")) {
            r.text(bytes(returnMethod));
        } else {
            r.nul();
        }
        r.tab().text(owner != null ? owner.getBytes(StandardCharsets.US_ASCII) : bytes("reception")).tab().time(submitted)
                .tab().time(updated).nl();

        // ------------------------------------------------ the child of an inter-agency transfer
        if (transferredAt >= 0 && transferredAt < cutoff) {
            long childId = nextId++;
            children++;
            byte[] child = childCode.getBytes(StandardCharsets.US_ASCII);
            boolean childDone = childResult < cutoff;
            r.num(childId).tab().text(child).tab().text(bytes(childDone ? "RESULT_READY" : "RECEIVED")).tab()
                    .text(channelBytes).tab().text(p.codeBytes).tab().text(p.nameBytes).tab().num(p.days).tab()
                    .num(p.processId).tab().text(bytes(target)).tab().text(bytes(target)).tab().text(bytes(target)).tab()
                    .num(id).tab();
            if (owner != null) {
                r.text(owner.getBytes(StandardCharsets.US_ASCII));
            } else {
                r.nul();
            }
            r.tab().text(applicantNames[random.nextInt(applicantNames.length)]).tab().time(transferredAt).tab()
                    .time(transferredAt).tab().text(bytes("specialist")).tab().time(firstDue).tab().time(firstDue).tab()
                    .timeOrNull(childDone ? childResult : -1).tab().nul().tab().nul().tab().nul().tab()
                    .text(bytes("specialist")).tab().time(transferredAt).tab().time(childDone ? childResult : transferredAt)
                    .nl();
            if (childDone) {
                // The child's result is announced too; never received here, it counts for nothing in the index.
                fact(child, "RESULT_READY", childResult, bytes(target), p.codeBytes, channelBytes, -1, 0, 0, 0, account,
                        null);
            }
        }

        // Petitions about a dossier: one in 400.
        if (random.nextDouble() < 0.0025) {
            petition(received + DAY + random.nextLong(20 * DAY), competent, p, code);
        }
    }

    /**
     * When handling of a dossier ended (result or refusal), from {@code start} (reception or the last supplement):
     * late, or early (75% of the others) on a working day before the due day, or on time on the due day.
     */
    private long end(long start, long due, int days, boolean late) {
        long dueDay = due / DAY;
        if (late) {
            return Math.max(calendar.addWorkingDays(dueDay, 1 + random.nextInt(10)) * DAY + officeTime(), due + 600);
        }
        long startDay = start / DAY;
        if (days > 0 && startDay < dueDay && random.nextDouble() < 0.75) {
            long day = calendar.randomWorkingDay(startDay, dueDay, random);
            long at = day * DAY + officeTime();
            return at > start ? at : Math.min(start + 600 + random.nextLong(3_600), day * DAY + DAY - 1);
        }
        long from = Math.max(start + 300, dueDay * DAY + 7 * 3600 + 1800);
        return from >= due ? start + 600 : from + random.nextLong(due - from + 1);
    }

    private void petition(long at, String agency, Proc p, String dossier) throws IOException {
        if (at >= cutoff) {
            return;
        }
        petitions++;
        byte[] number = ("PAKN-" + LocalDate.ofEpochDay(at / DAY).getYear() + "-" + petitions).getBytes(StandardCharsets.US_ASCII);
        byte[] agencyBytes = bytes(agency);
        byte[] procedure = p == null ? null : p.codeBytes;
        fact(number, "PETITION_RECEIVED", at, agencyBytes, procedure, EMPTY, -1, 0, 0, 0, false, dossier);
        if (random.nextDouble() < 0.95) {
            int days = 1 + random.nextInt(20);
            long closed = calendar.addWorkingDays(at / DAY, days) * DAY + officeTime();
            if (closed < cutoff) {
                fact(number, "PETITION_CLOSED", closed, agencyBytes, procedure, EMPTY, -1, 0, 0, 0, days <= 15, null);
                if (random.nextDouble() < 0.4) {
                    long rated = closed + 3_600 + random.nextLong(5 * DAY);
                    if (rated < cutoff) {
                        fact(number, "PETITION_RATED", rated, agencyBytes, procedure, EMPTY, -1, 0, 0, 0,
                                random.nextDouble() < 0.8, null);
                    }
                }
            }
        }
    }

    private static final byte[] EMPTY = new byte[0];
    private static final byte[] BRACKETS = "[]".getBytes(StandardCharsets.US_ASCII);

    private void fact(byte[] subject, String kind, long at, byte[] agency, byte[] procedure, byte[] channel, long dueAt,
                      int n1, int n2, long amount, boolean flag, String detail) throws IOException {
        facts++;
        eventRows.text(subject).tab().text(bytes(kind)).tab().time(at).tab().textOrNull(agency).tab().textOrNull(procedure)
                .tab().textOrNull(channel).tab().timeOrNull(dueAt).tab().num(n1).tab().num(n2).tab().num(amount).tab()
                .text(flag ? T : F).tab().text(detail == null ? EMPTY : detail.getBytes(StandardCharsets.US_ASCII)).tab()
                .text(T).nl();
    }

    private static final byte[] T = {'t'};
    private static final byte[] F = {'f'};

    // =================================================================== helpers

    private int sequence(String agency, long day) {
        return sequences.merge(agency + day, 1, Integer::sum);
    }

    private static String yymmdd(long day) {
        LocalDate d = LocalDate.ofEpochDay(day);
        return String.format("%02d%02d%02d", d.getYear() % 100, d.getMonthValue(), d.getDayOfMonth());
    }

    private byte[] bytes(String s) {
        return bytes.computeIfAbsent(s, k -> Rows.escape(k));
    }

    /** Seconds after midnight within office hours: 07:30–11:30, 13:30–17:00. */
    private long officeTime() {
        long minute = random.nextLong(450);
        return (minute < 240 ? 450 + minute : 810 + minute - 240) * 60 + random.nextLong(60);
    }

    private int sample(double[] cumulative) {
        double u = random.nextDouble() * cumulative[cumulative.length - 1];
        int i = Arrays.binarySearch(cumulative, u);
        return i >= 0 ? i : Math.min(-i - 1, cumulative.length - 1);
    }

    private String pick(String[] values, double[] cumulative) {
        return values[sample(cumulative)];
    }

    private static double[] cumulative(int n, java.util.function.IntToDoubleFunction weight) {
        double[] c = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += weight.applyAsDouble(i);
            c[i] = sum;
        }
        return c;
    }

    private <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T x = list.get(i);
            list.set(i, list.get(j));
            list.set(j, x);
        }
    }

    // =================================================================== calendar

    /** Working days: weekends off and the main public holidays of 2023–2028 (Tết and Hùng Kings' day approximated). */
    static final class Calendar {
        private final long firstDay;
        private final boolean[] working;
        private final int[] position;   // working days before each day
        private final long[] workingDays;

        Calendar(LocalDate from, LocalDate to) {
            firstDay = from.toEpochDay();
            int n = (int) (to.toEpochDay() - firstDay + 1);
            Set<LocalDate> holidays = new HashSet<>();
            for (int y = from.getYear(); y <= to.getYear(); y++) {
                holidays.addAll(List.of(LocalDate.of(y, 1, 1), LocalDate.of(y, 4, 30), LocalDate.of(y, 5, 1),
                        LocalDate.of(y, 9, 1), LocalDate.of(y, 9, 2)));
            }
            Map<Integer, LocalDate> tet = Map.of(2024, LocalDate.of(2024, 2, 8), 2025, LocalDate.of(2025, 1, 25),
                    2026, LocalDate.of(2026, 2, 14), 2027, LocalDate.of(2027, 2, 3), 2028, LocalDate.of(2028, 1, 22));
            tet.values().forEach(d -> {
                for (int i = 0; i < 9; i++) {
                    holidays.add(d.plusDays(i));
                }
            });
            holidays.addAll(List.of(LocalDate.of(2024, 4, 18), LocalDate.of(2025, 4, 7), LocalDate.of(2026, 4, 26),
                    LocalDate.of(2027, 4, 16), LocalDate.of(2028, 4, 4)));
            working = new boolean[n];
            position = new int[n + 1];
            List<Long> days = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                LocalDate d = LocalDate.ofEpochDay(firstDay + i);
                working[i] = d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY
                        && !holidays.contains(d);
                position[i] = days.size();
                if (working[i]) {
                    days.add(firstDay + i);
                }
            }
            position[n] = days.size();
            workingDays = days.stream().mapToLong(Long::longValue).toArray();
        }

        boolean working(long day) {
            return working[(int) (day - firstDay)];
        }

        /** The {@code n}-th working day after {@code day}. */
        long addWorkingDays(long day, int n) {
            int i = (int) (day - firstDay);
            int p = position[i] + (working[i] ? n : n - 1);
            return workingDays[Math.min(Math.max(p, 0), workingDays.length - 1)];
        }

        /** Working days from {@code from} (included) to {@code to} (excluded). */
        int workingDaysBetween(long from, long to) {
            return Math.max(1, position[(int) (to - firstDay)] - position[(int) (from - firstDay)]);
        }

        /** A working day from {@code from} (included) to {@code to} (excluded), uniformly; {@code from} when none. */
        long randomWorkingDay(long from, long to, SplittableRandom random) {
            int a = position[(int) (from - firstDay)];
            int b = position[(int) (to - firstDay)];
            return b > a ? workingDays[a + random.nextInt(b - a)] : from;
        }
    }
}
