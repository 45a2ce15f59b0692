package vn.motcua.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.motcua.MotCuaApplication;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.ResidentCheck.Identity;
import vn.motcua.dossier.ResidentCheck.Outcome;
import vn.motcua.dossier.ResidentCheck.Verdict;
import vn.motcua.integration.nationalportal.NationalIntake;
import vn.motcua.integration.nationalportal.NationalPortalSandbox;
import vn.motcua.integration.nationalportal.StatusSender;
import vn.motcua.integration.nationalportal.StatusSyncRepository;
import vn.motcua.population.ResidentChecks;
import vn.motcua.support.ApiClient;
import vn.motcua.support.TestData;

/**
 * The national layer against the labelled sandboxes demo mode starts on loopback (the national portal's
 * {@link NationalPortalSandbox}, the LGSP's population sandbox), each the real HTTP contract, signed:
 * <ol>
 *   <li>status sync: N counter dossiers submitted and received through the public API (as
 *   {@link TestData#receivedAtCounter} makes them) leave their status messages in {@code national_sync_message};
 *   {@link StatusSender#sendDue()} is called until no message is left unaccepted;</li>
 *   <li>intake: M test dossiers queued in the portal sandbox (its Java API, what its page's button calls);
 *   {@link NationalIntake#pull()} and {@link NationalIntake#sendAcknowledgements()} until all are taken in (each one's
 *   PDF fetched, checked and our dossier created);</li>
 *   <li>population: K calls of {@link ResidentChecks#lookUp} for a resident the sandbox knows.</li>
 * </ol>
 * The product's own rounds (status sync, intake) are pushed to an hour so that only the bench drains.
 *
 * <p>Run: {@code bench/national-bench.sh [dossiers] [national dossiers] [lookups]} (defaults 1,000, 200 and 1,000).
 */
public final class NationalLayerBench {

    static final String PROCEDURE = "1.001193";
    static final String AGENCY = "000.31.01.H57";

    public static void main(String[] args) throws Exception {
        int dossiers = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int national = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int lookups = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        System.setProperty("motcua.database.temporary", "true");
        System.setProperty("logging.level.root", "WARN");
        ConfigurableApplicationContext app = new SpringApplication(MotCuaApplication.class)
                .run("--spring.profiles.active=demo", "--server.port=0",
                        "--motcua.national-portal.status-sync.interval=1h",
                        "--motcua.national-portal.intake.pull-interval=1h",
                        "--motcua.national-portal.intake.retry-interval=1h");
        List<String[]> table = new ArrayList<>();
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            JdbcClient jdbc = JdbcClient.create(app.getBean(javax.sql.DataSource.class));
            StatusSyncRepository outbox = app.getBean(StatusSyncRepository.class);
            StatusSender sender = app.getBean(StatusSender.class);
            NationalPortalSandbox portal = NationalPortalSandbox.at(
                    app.getEnvironment().getProperty(NationalPortalSandbox.URL_PROPERTY)).orElseThrow(
                    () -> new IllegalStateException("no national portal sandbox: is demo mode on?"));
            System.out.println("national portal sandbox: " + portal.url() + ", population sandbox: "
                    + app.getEnvironment().getProperty("motcua.population.url"));

            // 1. Status sync.
            long demoBacklog = outbox.backlog().count();
            Procedure procedure = app.getBean(CatalogService.class).procedure(PROCEDURE).orElseThrow();
            long start = System.nanoTime();
            counterDossiers(port, procedure, dossiers);
            double made = (System.nanoTime() - start) / 1e9;
            StatusSyncRepository.Backlog backlog = outbox.backlog();
            System.out.printf("status sync: %d counter dossiers made in %.1f s; backlog %d messages (%d left by the "
                    + "demo's start)%n", dossiers, made, backlog.count(), demoBacklog);
            int calls = 0;
            int sent = 0;
            int accepted = 0;
            start = System.nanoTime();
            while (outbox.backlog().count() > 0) {
                StatusSender.Run run = sender.sendDue();
                calls++;
                sent += run.sent();
                accepted += run.accepted();
                if (run.sent() == 0) {
                    throw new IllegalStateException("backlog left but nothing due: " + outbox.backlog());
                }
            }
            double drained = (System.nanoTime() - start) / 1e9;
            System.out.printf("status sync: %d messages accepted (%d sent) in %d sendDue() calls, %.2f s, %.0f "
                    + "messages/s; the sandbox recorded %d%n", accepted, sent, calls, drained, accepted / drained,
                    portal.statusMessages().size());
            table.add(new String[] {"status sync (" + accepted + " messages, " + calls + " sendDue calls)",
                    String.format("%.2f s", drained), String.format("%.0f messages/s", accepted / drained)});

            // 2. Intake.
            NationalIntake intake = app.getBean(NationalIntake.class);
            int acknowledgedBefore = portal.acknowledgements().size();
            for (int i = 0; i < national; i++) {
                portal.queue(false);
            }
            int pulls = 0;
            start = System.nanoTime();
            while (portal.acknowledgements().size() - acknowledgedBefore < national) {
                intake.pull();
                intake.sendAcknowledgements();
                if (++pulls > national + 10) {
                    throw new IllegalStateException("intake does not progress: " + states(jdbc));
                }
            }
            double took = (System.nanoTime() - start) / 1e9;
            System.out.printf("intake: %d national dossiers taken in and acknowledged in %d pull rounds, %.2f s; "
                    + "intake states %s%n", national, pulls, took, states(jdbc));
            table.add(new String[] {"intake (" + national + " dossiers, " + pulls + " pulls)",
                    String.format("%.2f s", took), String.format("%.1f dossiers/s, %.1f ms per dossier",
                    national / took, took * 1000 / national)});

            // 3. Population checks.
            ResidentChecks checks = app.getBean(ResidentChecks.class);
            Identity resident = new Identity("citizen", "046090001234", "Nguyễn Văn An", LocalDate.of(1990, 5, 14));
            for (int i = 0; i < Math.min(100, lookups); i++) {
                checks.lookUp(resident); // warm-up
            }
            long[] nanos = new long[lookups];
            Map<Outcome, Integer> outcomes = new TreeMap<>();
            start = System.nanoTime();
            for (int i = 0; i < lookups; i++) {
                long t = System.nanoTime();
                Optional<Verdict> verdict = checks.lookUp(resident);
                nanos[i] = System.nanoTime() - t;
                outcomes.merge(verdict.map(Verdict::outcome).orElseThrow(), 1, Integer::sum);
            }
            double looked = (System.nanoTime() - start) / 1e9;
            Latencies.print("population lookUp (after 100 warm-up)", "calls", nanos);
            System.out.println("population outcomes: " + outcomes);
            long[] sorted = nanos.clone();
            java.util.Arrays.sort(sorted);
            table.add(new String[] {"population lookUp (" + lookups + " calls)", String.format("%.2f s", looked),
                    String.format("p50 %.2f ms, p95 %.2f ms, %.0f calls/s", Latencies.at(sorted, 0.50),
                            Latencies.at(sorted, 0.95), lookups / looked)});

            System.out.println();
            System.out.printf("| %-50s | %-9s | %-45s |%n", "step", "time", "rate");
            System.out.printf("| %-50s | %-9s | %-45s |%n", "---", "---", "---");
            for (String[] row : table) {
                System.out.printf("| %-50s | %-9s | %-45s |%n", (Object[]) row);
            }
        } finally {
            app.close();
        }
    }

    /** N walk-in dossiers submitted and received at the counter by the demo reception officer, 4 at a time. */
    static void counterDossiers(int port, Procedure procedure, int n) throws Exception {
        ApiClient reception = ApiClient.signIn(port, "reception", "demo123");
        Map<String, Object> parts = TestData.submission(procedure, AGENCY);
        @SuppressWarnings("unchecked")
        Map<String, Object> dossier = new HashMap<>((Map<String, Object>) parts.get("dossier"));
        dossier.put("applicant", Map.of("fullName", "Lê Văn Tám", "phone", "0905111222", "idNumber", "046080001111"));
        dossier.put("sets", 1);
        parts.put("dossier", dossier);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                work.add(pool.submit(() -> {
                    while (next.getAndIncrement() < n) {
                        ApiClient.Response created = reception.postMultipart("/api/v1/dossiers", parts, null);
                        if (created.status() != 201) {
                            throw new IllegalStateException("HTTP " + created.status() + ": " + created.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<String, Long> states(JdbcClient jdbc) {
        Map<String, Long> states = new TreeMap<>();
        jdbc.sql("select state, count(*) as n from national_intake group by state")
                .query((rs, i) -> states.put(rs.getString("state"), rs.getLong("n"))).list();
        return states;
    }
}
