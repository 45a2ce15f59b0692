package vn.motcua.bench;

import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import tools.jackson.databind.json.JsonMapper;

import vn.motcua.MotCuaApplication;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.DossierSubmitted;
import vn.motcua.organization.Agency;
import vn.motcua.organization.OrganizationService;
import vn.motcua.reporting.IndicatorScore;
import vn.motcua.reporting.Measure;
import vn.motcua.reporting.ReportingService;
import vn.motcua.reporting.ServiceIndex;
import vn.motcua.reporting.internal.IndexCalculator;
import vn.motcua.reporting.internal.ProcedureProfile;
import vn.motcua.reporting.internal.ReportStore;
import vn.motcua.workflow.ProcessService;
import vn.motcua.workflow.WorkingCalendar;

/**
 * The reporting read model at a province's scale, two modes.
 *
 * <p>{@code bench/reporting-bench.sh [dossiers] [catalog size] [repetitions]} (defaults 5,000,000, 2,000 and 20):
 * starts the application (demo profile, temporary embedded database), generates three years of a province's dossiers
 * ending yesterday ({@link ProvinceHistory}) and writes them with COPY twice from the same model: as rows of the
 * {@code dossier} table and as the facts of the read model's event history; rebuilds the read model from that history
 * with {@link ReportingService#rebuild()}; then times the service index of the province for the last full year, of each
 * ranked agency for the last full month, and the rankings, against a plain GROUP BY over the {@code dossier} table
 * computing the same counts, and checks that both ways count the same.
 *
 * <p>{@code bench/reporting-bench.sh submissions [seconds] [clients] [rounds]} (defaults 20, 16, 3): online
 * submissions over HTTP as {@link SubmissionBench} makes them, in fresh application contexts with the live feed of the
 * read model off, off with an empty listener of the submissions, and on, each run waiting until the event listeners
 * have drained; prints the rates and the cost.
 */
public final class ReportingBench {

    private static final List<String> COUNTS = List.of("SUBMITTED", "RECEIVED", "RECEIVED_ONLINE", "HANDLED", "EARLY",
            "ON_TIME", "LATE", "REFUSED", "WITHDRAWN", "WAITING", "RETURNED", "E_RESULTS", "ASKED_TWICE");
    private static final List<String> CHECKED = List.of("RECEIVED", "HANDLED", "EARLY", "ON_TIME", "LATE");

    public static void main(String[] args) throws Exception {
        System.setProperty("motcua.database.temporary", "true");
        System.setProperty("logging.level.root", "WARN");
        System.out.printf("machine: %d cores, max heap %d MB, Java %s, %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"), java.time.ZonedDateTime.now());
        if (args.length > 0 && args[0].equals("submissions")) {
            submissions(args.length > 1 ? Integer.parseInt(args[1]) : 20, args.length > 2 ? Integer.parseInt(args[2]) : 16,
                    args.length > 3 ? Integer.parseInt(args[3]) : 3);
        } else {
            readModel(args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 5_000_000,
                    args.length > 1 ? Integer.parseInt(args[1]) : 2_000, args.length > 2 ? Integer.parseInt(args[2]) : 20);
        }
    }

    static ConfigurableApplicationContext start(String... extra) {
        return start(List.of(), extra);
    }

    static ConfigurableApplicationContext start(List<Class<?>> beans, String... extra) {
        // Demo data for the catalog and accounts, without the demo's sample history: the history here is generated.
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=demo", "--motcua.demo.history=false",
                "--server.port=0", "--spring.datasource.hikari.maximum-pool-size=20"));
        args.addAll(List.of(extra));
        SpringApplication application = new SpringApplication(MotCuaApplication.class);
        beans.forEach(b -> application.addPrimarySources(List.of(b)));
        return application.run(args.toArray(String[]::new));
    }

    // =================================================================== the read model against a plain GROUP BY

    static void readModel(long count, int catalogSize, int reps) throws Exception {
        // -Dbench.data=<folder> keeps the embedded database there between runs: a second run skips the load and the
        // rebuild and only measures (for working on the queries; reported figures come from a fresh temporary database).
        String data = System.getProperty("bench.data");
        if (data != null) {
            System.setProperty("motcua.database.temporary", "false");
            System.setProperty("motcua.data-dir", data);
        }
        ConfigurableApplicationContext app = start();
        try {
            DataSource dataSource = app.getBean(DataSource.class);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            ReportingService reporting = app.getBean(ReportingService.class);
            OrganizationService organization = app.getBean(OrganizationService.class);
            List<Procedure> catalog = app.getBean(CatalogService.class).all();

            LocalDate today = LocalDate.now(WorkingCalendar.ZONE);
            LocalDate last = today.minusDays(1);
            LocalDate first = last.minusYears(3).plusDays(1);
            System.out.printf("history: %,d dossiers received %s to %s, catalog of %d codes (%d from the demo catalog), seed 766%n",
                    count, first, last, catalogSize, catalog.size());

            if (data != null && rows(jdbc, "dossier") > 0) {
                System.out.printf("reusing the database in %s: %,d dossiers, %,d facts%n", data, rows(jdbc, "dossier"),
                        rows(jdbc, "report_event"));
                measure(app, reporting, organization, jdbc, today, reps);
                return;
            }

            // ------------------------------------------------------------ load
            // Each procedure's current process, made by the workflow module as the first dossier would make it.
            ProcessService processes = app.getBean(ProcessService.class);
            Map<String, Long> processIds = new HashMap<>();
            catalog.forEach(p -> processIds.put(p.code(), processes.current(p.code()).id()));
            long anyProcess = processIds.values().stream().mapToLong(Long::longValue).min().orElseThrow();
            List<String> tables = List.of("dossier", "dossier_pause", "report_event");
            List<String> recreate = dropSecondaryIndexes(jdbc, tables);

            long start = System.nanoTime();
            ProvinceHistory history = new ProvinceHistory(766, first, last, catalog, catalogSize, processIds, anyProcess,
                    organization.agencies());
            ProvinceHistory.Totals totals = history.write(dataSource, count);
            double generated = seconds(start);
            System.out.printf("generated and copied in %.1f s: %,d dossiers (+%,d inter-agency children), %,d pauses, "
                            + "%,d facts in report_event (%,d petitions); %,d dossiers pending at the cut-off%n",
                    generated, totals.dossiers(), totals.children(), totals.pauses(), totals.facts(), totals.petitions(),
                    totals.pending());

            start = System.nanoTime();
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("set maintenance_work_mem = '2GB'");
                for (String sql : recreate) {
                    s.execute(sql);
                }
                s.execute("reset maintenance_work_mem");
            }
            System.out.printf("indexes rebuilt in %.1f s (%d: %s)%n", seconds(start), recreate.size(),
                    recreate.stream().map(ReportingBench::indexName).collect(Collectors.joining(", ")));
            start = System.nanoTime();
            jdbc.execute("vacuum (analyze) dossier, dossier_pause, report_event");
            System.out.printf("vacuum analyze in %.1f s; sizes: %s%n", seconds(start), sizes(jdbc, tables));

            // ------------------------------------------------------------ rebuild
            start = System.nanoTime();
            int subjects = reporting.rebuild();
            double rebuilt = seconds(start);
            jdbc.execute("vacuum (analyze) report_day, report_month, report_dossier");
            System.out.printf("REBUILD: ReportingService.rebuild() folded %,d subjects in %.1f s -> report_day %,d rows, "
                            + "report_month %,d rows, report_dossier %,d rows; sizes: %s%n", subjects, rebuilt,
                    rows(jdbc, "report_day"), rows(jdbc, "report_month"), rows(jdbc, "report_dossier"),
                    sizes(jdbc, List.of("report_day", "report_month", "report_dossier")));

            measure(app, reporting, organization, jdbc, today, reps);
        } finally {
            app.close();
        }
    }

    private static void measure(ConfigurableApplicationContext app, ReportingService reporting,
                                OrganizationService organization, JdbcTemplate jdbc, LocalDate today, int reps)
            throws Exception {
        LocalDate yearFrom = LocalDate.of(today.getYear() - 1, 1, 1);
        LocalDate yearTo = LocalDate.of(today.getYear() - 1, 12, 31);
        YearMonth month = YearMonth.from(today).minusMonths(1);
        LocalDate monthFrom = month.atDay(1);
        LocalDate monthTo = month.atEndOfMonth();
        List<Agency> ranked = reporting.rankedAgencies();
        Map<String, List<String>> scopes = new LinkedHashMap<>();
        ranked.forEach(a -> scopes.put(a.code(), organization.subtree(a.code()).stream().map(Agency::code).toList()));
        Map<String, Agency> byCode = organization.agenciesByCode();
        System.out.printf("%nperiods: year %s to %s, month %s; %d ranked agencies; %d repetitions after warm-up%n",
                yearFrom, yearTo, month, ranked.size(), reps);

        ServiceIndex province = reporting.index(null, yearFrom, yearTo, Locale.ROOT);
        System.out.printf("province index %d: %.2f / %.0f measured points (%s); %s%n", yearFrom.getYear(), province.total(),
                province.measuredMax(), province.band(), Arrays.asList("TDGQ1", "CLGQ3", "TTTT3", "MDSH2", "MDSH4",
                        "MDHL3").stream().map(c -> rate(province.indicator(c))).collect(Collectors.joining(", ")));

        // ------------------------------------------------------------ read model
        System.out.println("\n-- read model (ReportingService)");
        long[] rmYear = time(3, reps, () -> reporting.index(null, yearFrom, yearTo, Locale.ROOT));
        Latencies.print("read model: index(province, year)", "runs", rmYear);
        for (Agency a : ranked) {
            reporting.index(a.code(), monthFrom, monthTo, Locale.ROOT);
        }
        long[] rmAgency = new long[reps * ranked.size()];
        for (int r = 0, i = 0; r < reps; r++) {
            for (Agency a : ranked) {
                long s = System.nanoTime();
                reporting.index(a.code(), monthFrom, monthTo, Locale.ROOT);
                rmAgency[i++] = System.nanoTime() - s;
            }
        }
        Latencies.print("read model: index(agency, month), each ranked agency", "runs", rmAgency);
        long[] rmRankMonth = time(2, reps, () -> reporting.ranking(monthFrom, monthTo, Locale.ROOT));
        Latencies.print("read model: ranking(month)", "runs", rmRankMonth);
        long[] rmRankYear = time(2, reps, () -> reporting.ranking(yearFrom, yearTo, Locale.ROOT));
        Latencies.print("read model: ranking(year)", "runs", rmRankYear);

        // ------------------------------------------------------------ plain GROUP BY over dossier
        System.out.println("\n-- plain GROUP BY over the dossier table (no index serves a period or a competent agency)");
        long[] plainYear = time(1, reps, () -> plain(jdbc, Variant.SIMPLE, yearFrom, yearTo, null));
        Latencies.print("plain: province, year", "runs", plainYear);
        List<String> codes = new ArrayList<>(scopes.keySet());
        plain(jdbc, Variant.SIMPLE, monthFrom, monthTo, scopes.get(codes.getFirst()));
        long[] plainAgency = new long[reps];
        for (int r = 0; r < reps; r++) {
            List<String> scope = scopes.get(codes.get(r % codes.size()));
            long s = System.nanoTime();
            plain(jdbc, Variant.SIMPLE, monthFrom, monthTo, scope);
            plainAgency[r] = System.nanoTime() - s;
        }
        Latencies.print("plain: one agency, month (agencies in turn)", "runs", plainAgency);
        long[] plainRankMonth = time(1, reps, () -> plainRanking(jdbc, Variant.SIMPLE, monthFrom, monthTo, byCode));
        Latencies.print("plain: all ranked agencies, month (one GROUP BY competent_agency)", "runs", plainRankMonth);
        long[] plainRankYear = time(1, reps, () -> plainRanking(jdbc, Variant.SIMPLE, yearFrom, yearTo, byCode));
        Latencies.print("plain: all ranked agencies, year", "runs", plainRankYear);
        long[] exactYear = time(1, Math.max(3, reps / 4), () -> plain(jdbc, Variant.EXACT, yearFrom, yearTo, null));
        Latencies.print("plain with dossier_pause joined (the index's exact rules): province, year", "runs", exactYear);

        System.out.println("\n-- ratio plain / read model (p50)");
        ratio("province index, year", plainYear, rmYear, 200);
        ratio("agency index, month", plainAgency, rmAgency, 0);
        ratio("ranking, month", plainRankMonth, rmRankMonth, 0);
        ratio("ranking, year", plainRankYear, rmRankYear, 0);

        // ------------------------------------------------------------ do both count the same?
        System.out.println("\n-- counts: read model against the dossier table");
        Map<String, Long> rm = province.counts();
        Map<String, Long> exact = plain(jdbc, Variant.EXACT, yearFrom, yearTo, null);
        Map<String, Long> simple = plain(jdbc, Variant.SIMPLE, yearFrom, yearTo, null);
        Map<String, Long> stored = plain(jdbc, Variant.STORED, yearFrom, yearTo, null);
        System.out.printf("%-16s %12s %12s %12s %12s%n", "province, year", "read model", "exact SQL", "plain SQL",
                "stored cols");
        for (String k : COUNTS) {
            System.out.printf("%-16s %12s %,12d %,12d %,12d%n", k, rm.containsKey(k) ? String.format("%,d", rm.get(k)) : "-",
                    exact.get(k), simple.get(k), stored.get(k));
        }
        System.out.printf("why the plain SQL differs: it cannot see the %,d dossiers waiting for a supplement (the index "
                        + "ends their handling at the request) nor the %,d asked for a supplement twice (late whatever "
                        + "their dates); the stored columns class a dossier when it is returned, the index when its result "
                        + "is ready%n", exact.get("WAITING"), exact.get("ASKED_TWICE"));
        verdict("province, year: read model vs plain SQL over dossier", rm, simple);
        verdict("province, year: read model vs SQL with dossier_pause (exact rules)", rm, exact);
        verdict("province, year: read model vs dossier.timeliness/finished_at as stored", rm, stored);

        Map<String, Map<String, Long>> exactByTop = plainRanking(jdbc, Variant.EXACT, monthFrom, monthTo, byCode);
        Map<String, Map<String, Long>> simpleByTop = plainRanking(jdbc, Variant.SIMPLE, monthFrom, monthTo, byCode);
        int exactSame = 0, simpleSame = 0;
        for (Agency a : ranked) {
            Map<String, Long> counts = reporting.index(a.code(), monthFrom, monthTo, Locale.ROOT).counts();
            exactSame += same(counts, exactByTop.getOrDefault(a.code(), Map.of())) ? 1 : 0;
            simpleSame += same(counts, simpleByTop.getOrDefault(a.code(), Map.of())) ? 1 : 0;
        }
        System.out.printf("%s month %s, per agency: read model vs plain SQL: %d of %d agencies agree%n",
                simpleSame == ranked.size() ? "MATCH" : "MISMATCH", month, simpleSame, ranked.size());
        System.out.printf("%s month %s, per agency: read model vs SQL with dossier_pause: %d of %d agencies agree%n",
                exactSame == ranked.size() ? "MATCH" : "MISMATCH", month, exactSame, ranked.size());
    }

    // =================================================================== plain SQL

    /**
     * How the plain SQL decides when handling ended and how it went.
     * <ul>
     *   <li>SIMPLE: from the dossier table alone, the index's rules as far as its columns allow: handling ends at the
     *       result, else at finished_at (returned, refused, withdrawn); early/on time/late from legal_due_at. It cannot
     *       see a dossier waiting for a supplement (ended at the request) nor how many supplements were asked for.</li>
     *   <li>EXACT: the same with the dossier's pauses joined: an open pause ends handling at its start, more than one
     *       pause makes it late.</li>
     *   <li>STORED: what the dossier module stores: finished_at and its timeliness column, set when the dossier is
     *       returned, refused or withdrawn (not when its result was ready).</li>
     * </ul>
     */
    enum Variant { SIMPLE, EXACT, STORED }

    static String sql(Variant v, LocalDate from, LocalDate to, List<String> agencies, boolean byAgency) {
        String f = "timestamptz '" + from + " 00:00:00+07'";
        String t = "timestamptz '" + to.plusDays(1) + " 00:00:00+07'";
        String filter = agencies == null ? "" : " and d.competent_agency in (" + agencies.stream().map(a -> "'" + a + "'")
                .collect(Collectors.joining(", ")) + ")";
        String source = switch (v) {
            case SIMPLE, STORED -> "select d.*, coalesce(d.result_at, d.finished_at) as ended_at, 0 as requests, "
                    + "null::timestamptz as open_since from dossier d where d.parent_id is null" + filter;
            case EXACT -> "select d.*, coalesce(d.result_at, d.finished_at, p.open_since) as ended_at, "
                    + "coalesce(p.requests, 0) as requests, p.open_since from dossier d left join (select dossier_id, "
                    + "count(*) as requests, max(started_at) filter (where ended_at is null) as open_since "
                    + "from dossier_pause group by dossier_id) p on p.dossier_id = d.id where d.parent_id is null" + filter;
        };
        String timeliness = switch (v) {
            case SIMPLE, EXACT -> """
                    count(*) filter (where e and requests <= 1 and early) as early,
                    count(*) filter (where e and requests <= 1 and not early and ended_at <= legal_due_at) as on_time,
                    count(*) filter (where e and (requests > 1 or ended_at > legal_due_at)) as late,
                    count(*) filter (where e and status = 'REFUSED') as refused,
                    count(*) filter (where e and status = 'WITHDRAWN') as withdrawn,
                    count(*) filter (where e and result_at is null and finished_at is null) as waiting,""";
            case STORED -> """
                    count(*) filter (where e and timeliness = 'EARLY') as early,
                    count(*) filter (where e and timeliness = 'ON_TIME') as on_time,
                    count(*) filter (where e and timeliness = 'LATE') as late,
                    count(*) filter (where e and status = 'REFUSED') as refused,
                    count(*) filter (where e and status = 'WITHDRAWN') as withdrawn,
                    0 as waiting,""";
        };
        String ended = v == Variant.STORED ? "finished_at" : "ended_at";
        return "select " + (byAgency ? "competent_agency, " : "") + """
                count(*) filter (where online and submitted_at >= %1$s and submitted_at < %2$s) as submitted,
                count(*) filter (where r) as received,
                count(*) filter (where r and online) as received_online,
                count(*) filter (where e) as handled,
                %3$s
                count(*) filter (where status = 'RETURNED' and finished_at >= %1$s and finished_at < %2$s) as returned,
                count(*) filter (where result_at >= %1$s and result_at < %2$s) as e_results,
                count(*) filter (where e and requests > 1) as asked_twice
                from (select competent_agency, status, submitted_at, legal_due_at, result_at, finished_at, ended_at,
                        timeliness, requests, channel in ('ONLINE', 'NATIONAL_PORTAL') as online,
                        received_at >= %1$s and received_at < %2$s as r,
                        %4$s >= %1$s and %4$s < %2$s as e,
                        (ended_at at time zone 'Asia/Ho_Chi_Minh')::date
                            < (legal_due_at at time zone 'Asia/Ho_Chi_Minh')::date as early
                      from (%5$s) d) x
                """.formatted(f, t, timeliness, ended, source) + (byAgency ? " group by competent_agency" : "");
    }

    static Map<String, Long> plain(JdbcTemplate jdbc, Variant v, LocalDate from, LocalDate to, List<String> agencies) {
        return jdbc.query(sql(v, from, to, agencies, false), rs -> {
            rs.next();
            return counts(rs, 1);
        });
    }

    /** One GROUP BY competent_agency, rolled up to the agencies under the province. */
    static Map<String, Map<String, Long>> plainRanking(JdbcTemplate jdbc, Variant v, LocalDate from, LocalDate to,
                                                       Map<String, Agency> byCode) {
        Map<String, Map<String, Long>> byTop = new HashMap<>();
        jdbc.query(sql(v, from, to, null, true), rs -> {
            String top = top(rs.getString(1), byCode);
            if (top != null) {
                counts(rs, 2).forEach((k, n) -> byTop.computeIfAbsent(top, x -> new HashMap<>()).merge(k, n, Long::sum));
            }
        });
        return byTop;
    }

    private static Map<String, Long> counts(ResultSet rs, int first) throws java.sql.SQLException {
        Map<String, Long> c = new LinkedHashMap<>();
        for (int i = 0; i < COUNTS.size(); i++) {
            c.put(COUNTS.get(i), rs.getLong(first + i));
        }
        return c;
    }

    private static String top(String code, Map<String, Agency> byCode) {
        for (Agency a = byCode.get(code); a != null; a = byCode.get(a.parentCode())) {
            Agency parent = a.parentCode() == null ? null : byCode.get(a.parentCode());
            if (parent == null) {
                return null;
            }
            if (parent.parentCode() == null) {
                return a.code();
            }
        }
        return null;
    }

    private static boolean same(Map<String, Long> readModel, Map<String, Long> plain) {
        return CHECKED.stream().allMatch(k -> readModel.getOrDefault(k, 0L).equals(plain.getOrDefault(k, 0L)));
    }

    private static void verdict(String what, Map<String, Long> readModel, Map<String, Long> plain) {
        String differences = CHECKED.stream().filter(k -> !readModel.getOrDefault(k, 0L).equals(plain.getOrDefault(k, 0L)))
                .map(k -> String.format("%s %+,d", k, readModel.getOrDefault(k, 0L) - plain.getOrDefault(k, 0L)))
                .collect(Collectors.joining(", "));
        System.out.printf("%s %s%s%n", differences.isEmpty() ? "MATCH" : "MISMATCH", what,
                differences.isEmpty() ? " (received, handled, early, on time, late)"
                        : " (read model minus SQL): " + differences);
    }

    // =================================================================== submissions with the feed off and on

    /**
     * How a run is set up: the live feed off; off with a listener that does nothing for {@code DossierSubmitted} (what
     * the outbox and an asynchronous listener cost by themselves); on.
     */
    enum Feed {
        OFF, EMPTY_LISTENER, ON;

        String label() {
            return switch (this) {
                case OFF -> "feed off";
                case EMPTY_LISTENER -> "feed off, empty listener";
                case ON -> "feed on";
            };
        }
    }

    record Run(Feed feed, int submissions, int seconds, double rate, long backlog, double drainSeconds, long facts) {
        /** Submissions per second of load plus the time the listeners took to catch up. */
        double drainedRate() {
            return submissions / (seconds + drainSeconds);
        }
    }

    /** A listener of the submissions that does nothing: the outbox's and the asynchronous delivery's share. */
    static class EmptyListener {
        @ApplicationModuleListener
        void on(DossierSubmitted event) {
        }
    }

    static void submissions(int seconds, int clients, int rounds) throws Exception {
        // One context first to warm the JVM (its figures are not counted); then rounds of one run per setup, in the
        // order off, empty, on, then on, empty, off, … so that no setup always runs later, on a warmer JVM. The runs of
        // a round are neighbours in time: their ratio is the round's cost.
        Run warm = submissionRun(Feed.ON, seconds, clients);
        System.out.printf("JVM warm-up context (not counted): %.1f/s%n", warm.rate());
        List<Run> runs = new ArrayList<>();
        List<Double> costs = new ArrayList<>();
        List<Double> emptyCosts = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            Map<Feed, Run> mine = new HashMap<>();
            List<Feed> order = new ArrayList<>(List.of(Feed.values()));
            if (round % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            for (Feed feed : order) {
                Run r = submissionRun(feed, seconds, clients);
                runs.add(r);
                mine.put(feed, r);
                System.out.printf("round %d, %-24s: %,d submissions in %d s = %.1f/s; backlog at the end %,d events, "
                                + "drained in %.2f s; with the drain %.1f/s; report_event rows %,d%n", round + 1,
                        feed.label(), r.submissions, r.seconds, r.rate, r.backlog, r.drainSeconds, r.drainedRate(),
                        r.facts);
            }
            costs.add(1 - mine.get(Feed.ON).drainedRate() / mine.get(Feed.OFF).drainedRate());
            emptyCosts.add(1 - mine.get(Feed.EMPTY_LISTENER).drainedRate() / mine.get(Feed.OFF).drainedRate());
        }
        Map<Feed, Double> medians = new HashMap<>();
        for (Feed f : Feed.values()) {
            medians.put(f, median(runs.stream().filter(r -> r.feed == f).mapToDouble(Run::drainedRate).toArray()));
        }
        System.out.printf("SUBMISSIONS (rates counting the drain, medians): feed off %.1f/s, empty listener %.1f/s, "
                        + "feed on %.1f/s%n", medians.get(Feed.OFF), medians.get(Feed.EMPTY_LISTENER), medians.get(Feed.ON));
        System.out.printf("COST of the live feed: %.1f%% of the medians; per round %s, median %.1f%% (target < 10%%); of "
                        + "which an empty listener (outbox, asynchronous delivery): per round %s, median %.1f%%%n",
                100 * (1 - medians.get(Feed.ON) / medians.get(Feed.OFF)), percents(costs),
                100 * median(costs.stream().mapToDouble(Double::doubleValue).toArray()), percents(emptyCosts),
                100 * median(emptyCosts.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    private static String percents(List<Double> values) {
        return values.stream().map(c -> String.format("%.1f%%", 100 * c)).collect(Collectors.joining(", "));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static Run submissionRun(Feed feed, int seconds, int clients) throws Exception {
        ConfigurableApplicationContext app = start(feed == Feed.EMPTY_LISTENER ? List.of(EmptyListener.class) : List.of(),
                "--motcua.reporting.live-feed=" + (feed == Feed.ON));
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            JsonMapper json = app.getBean(JsonMapper.class);
            JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
            Procedure procedure = app.getBean(CatalogService.class).procedure(SubmissionBench.PROCEDURE).orElseThrow();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String token = SubmissionBench.token(http, port, json);
            byte[] body = SubmissionBench.multipart(procedure, json);

            SubmissionBench.run("warm-up", 5, clients, () -> SubmissionBench.submit(http, port, token, body));
            drain(jdbc);
            long[] latencies = SubmissionBench.run("submissions", seconds, clients,
                    () -> SubmissionBench.submit(http, port, token, body));
            long backlog = outstanding(jdbc);
            double drained = drain(jdbc);
            SubmissionBench.report("  online submission over HTTP, " + feed.label(), latencies, seconds, clients);
            long facts = jdbc.queryForObject("select count(*) from report_event", Long.class);
            return new Run(feed, latencies.length, seconds, latencies.length / (double) seconds, backlog, drained, facts);
        } finally {
            app.close();
        }
    }

    private static long outstanding(JdbcTemplate jdbc) {
        // Listener work still queued, and facts the read model's folder has not counted yet.
        return jdbc.queryForObject("select (select count(*) from event_publication where completion_date is null)"
                + " + (select count(*) from report_event where not folded)", Long.class);
    }

    /** Waits until every event publication is completed; returns the seconds it took. */
    private static double drain(JdbcTemplate jdbc) throws InterruptedException {
        long start = System.nanoTime();
        while (outstanding(jdbc) > 0) {
            if (seconds(start) > 600) {
                throw new IllegalStateException("event listeners did not drain in 10 minutes");
            }
            Thread.sleep(20);
        }
        return seconds(start);
    }

    // =================================================================== helpers

    /** Drops the secondary indexes and unique constraints (not the primary keys); returns the statements that rebuild them. */
    static List<String> dropSecondaryIndexes(JdbcTemplate jdbc, List<String> tables) {
        List<String> drop = new ArrayList<>();
        List<String> recreate = new ArrayList<>();
        for (String table : tables) {
            jdbc.queryForList("select conname, pg_get_constraintdef(oid) as def from pg_constraint "
                    + "where conrelid = ?::regclass and contype = 'u'", table).forEach(row -> {
                drop.add("alter table " + table + " drop constraint " + row.get("conname"));
                recreate.add("alter table " + table + " add constraint " + row.get("conname") + " " + row.get("def"));
            });
            jdbc.queryForList("select i.indexname, i.indexdef from pg_indexes i where i.schemaname = current_schema() "
                    + "and i.tablename = ? and not exists (select 1 from pg_constraint c where c.conname = i.indexname "
                    + "and c.conrelid = ?::regclass)", table, table).forEach(row -> {
                drop.add("drop index " + row.get("indexname"));
                recreate.add((String) row.get("indexdef"));
            });
        }
        drop.forEach(jdbc::execute);
        return recreate;
    }

    private static String indexName(String sql) {
        String[] words = sql.split(" ");
        return sql.startsWith("alter") ? words[5] : words[sql.startsWith("CREATE UNIQUE") ? 3 : 2];
    }

    static long[] time(int warmups, int reps, Callable<?> call) throws Exception {
        for (int i = 0; i < warmups; i++) {
            call.call();
        }
        long[] nanos = new long[reps];
        for (int i = 0; i < reps; i++) {
            long s = System.nanoTime();
            call.call();
            nanos[i] = System.nanoTime() - s;
        }
        return nanos;
    }

    private static void ratio(String what, long[] plain, long[] readModel, double targetMs) {
        double p = p50(plain);
        double r = p50(readModel);
        System.out.printf("RATIO %s: plain %.1f ms / read model %.2f ms = %.0fx (target >= 20x)%s%n", what, p, r, p / r,
                targetMs > 0 ? String.format("; read model p50 %s %.0f ms target", r < targetMs ? "under" : "OVER",
                        targetMs) : "");
    }

    private static double p50(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return Latencies.at(sorted, 0.5);
    }

    private static String rate(IndicatorScore s) {
        return s.code() + " " + s.rate() + "% (" + s.points() + "/" + s.max() + ")";
    }

    private static long rows(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private static String sizes(JdbcTemplate jdbc, List<String> tables) {
        return tables.stream().map(t -> t + " " + jdbc.queryForObject(
                "select pg_size_pretty(pg_total_relation_size(?::regclass))", String.class, t))
                .collect(Collectors.joining(", "));
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
