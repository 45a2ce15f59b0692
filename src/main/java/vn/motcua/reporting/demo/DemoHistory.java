package vn.motcua.reporting.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureLevel;
import vn.motcua.organization.Agency;
import vn.motcua.organization.OrganizationService;
import vn.motcua.platform.MotCuaProperties;
import vn.motcua.reporting.internal.Fact;
import vn.motcua.reporting.internal.Fact.Kind;
import vn.motcua.reporting.internal.ReadModel;
import vn.motcua.reporting.internal.ReportStore;
import vn.motcua.workflow.WorkingCalendar;

/**
 * Demo mode: a year of made-up history for the dashboard, so that a leader signing in to the demo sees trends and
 * rankings. It is told to the read model as facts, like real events, with dossier codes marked {@code MAU} (sample),
 * which open no dossier. Written once, into an empty history; never on a real installation
 * ({@code motcua.demo.history}, set only by the demo profile).
 */
@Component
@Order(50)
@ConditionalOnProperty("motcua.demo.history")
public class DemoHistory implements ApplicationRunner {

    /** Marks the sample dossiers' codes. */
    public static final String SAMPLE = "-MAU-";
    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);
    private static final int DOSSIERS = 15_000;

    private final CatalogService catalog;
    private final OrganizationService organization;
    private final ReportStore store;
    private final ReadModel model;
    private final Clock clock;
    private final boolean demo;

    DemoHistory(CatalogService catalog, OrganizationService organization, ReportStore store, ReadModel model,
                Clock clock, MotCuaProperties properties) {
        this.demo = properties.demo().enabled();
        this.catalog = catalog;
        this.organization = organization;
        this.store = store;
        this.model = model;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        // Also off when demo mode is turned off under the demo profile (trying a first start from the source tree):
        // there is no demo catalog to make history of then.
        if (!demo || store.hasHistory() || catalog.all().isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        List<Fact> facts = generate(LocalDate.now(clock.withZone(WorkingCalendar.ZONE)));
        store.appendAll(facts);
        model.rebuild();
        log.info("Demo history: {} sample dossiers, {} facts, in {} ms", DOSSIERS, facts.size(),
                (System.nanoTime() - start) / 1_000_000);
    }

    List<Fact> generate(LocalDate today) {
        Random random = new Random(766);
        List<Procedure> procedures = catalog.all().stream().filter(p -> p.onlineLevel() != null).toList();
        List<Agency> communes = organization.activeCommunes();
        List<Fact> facts = new ArrayList<>();
        Instant now = today.atTime(LocalTime.of(7, 0)).atZone(WorkingCalendar.ZONE).toInstant();
        for (int n = 1; n <= DOSSIERS; n++) {
            // A few procedures take most of the work, as in any province.
            Procedure p = procedures.get((int) Math.min(procedures.size() - 1,
                    Math.floor(Math.pow(random.nextDouble(), 2.5) * procedures.size())));
            String agency = !p.agencies().isEmpty() ? p.agencies().getFirst()
                    : p.level() == ProcedureLevel.COMMUNE && !communes.isEmpty()
                    ? communes.get(random.nextInt(communes.size())).code() : null;
            if (agency == null) {
                continue;
            }
            boolean canOnline = p.onlineLevel() != OnlineLevel.INFO;
            double c = random.nextDouble();
            String channel = canOnline && c < 0.35 + n * 0.25 / DOSSIERS ? "ONLINE" : c > 0.96 ? "POSTAL" : "COUNTER";
            LocalDate day = today.minusDays(1 + random.nextInt(365));
            while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                day = day.minusDays(1);
            }
            Instant received = day.atTime(7, 30).plusMinutes(random.nextInt(540)).atZone(WorkingCalendar.ZONE).toInstant();
            int days = Math.max(1, p.processingDays());
            Instant due = day.plusDays(Math.round(days * 1.4)).atTime(17, 0).atZone(WorkingCalendar.ZONE).toInstant();
            String code = agency + SAMPLE + String.format("%06d", n);
            boolean account = channel.equals("ONLINE");
            int digitised = !channel.equals("ONLINE") && random.nextDouble() < 0.6 ? 1 + random.nextInt(3) : 0;
            int stored = account && random.nextDouble() < 0.2 ? 1 : 0;
            facts.add(fact(code, Kind.RECEIVED, received, agency, p, channel, due, digitised, stored, 0, account, ""));
            Duration span = Duration.between(received, due);
            Instant end = received.plus(span.multipliedBy(30 + random.nextInt(85)).dividedBy(100));
            if (end.isAfter(now)) {
                continue; // still being handled
            }
            double outcome = random.nextDouble();
            if (outcome < 0.08) {
                Instant asked = received.plus(span.dividedBy(4));
                facts.add(fact(code, Kind.SUPPLEMENT_REQUESTED, asked, agency, p, channel, null, 0, 0, 0, false, ""));
                if (outcome < 0.02) {
                    continue; // still waiting for the applicant
                }
                facts.add(fact(code, Kind.SUPPLEMENT_RECEIVED, asked.plus(Duration.ofDays(2)), agency, p, channel,
                        due.plus(Duration.ofDays(2)), 0, 0, 0, false, ""));
                end = end.plus(Duration.ofDays(2));
            }
            if (outcome > 0.95) {
                facts.add(fact(code, outcome > 0.98 ? Kind.WITHDRAWN : Kind.REFUSED, end, agency, p, channel, null,
                        0, 0, 0, false, ""));
                continue;
            }
            facts.add(fact(code, Kind.RESULT_READY, end, agency, p, channel, null, 0, 0, 0, account, ""));
            if (!p.free()) {
                boolean online = account && random.nextDouble() < 0.55;
                long amount = p.fees().stream().mapToLong(f -> f.amount()).filter(a -> a > 0).findFirst().orElse(0);
                facts.add(fact(code, Kind.PAID, received.plus(Duration.ofHours(2)), null, null, null, null,
                        online ? 1 : 0, 0, amount, true, "MAU" + n));
            }
            Instant returned = end.plus(Duration.ofHours(4 + random.nextInt(60)));
            if (returned.isBefore(now)) {
                facts.add(fact(code, Kind.RETURNED, returned, agency, p, channel, null, 0, 0, 0, false, ""));
                if (random.nextDouble() < 0.2) {
                    facts.add(fact(code, Kind.RATED, returned.plus(Duration.ofHours(1)), agency, p, channel, null,
                            0, 0, 0, random.nextDouble() > 0.06, ""));
                }
            }
            if (random.nextDouble() < 0.006) {
                String petition = "PAKN-MAU-" + n;
                facts.add(new Fact(petition, Kind.PETITION_RECEIVED, returned, agency, p.code(), "", null, 0, 0, 0,
                        false, code));
                Instant closed = returned.plus(Duration.ofDays(3 + random.nextInt(20)));
                if (closed.isBefore(now)) {
                    facts.add(new Fact(petition, Kind.PETITION_CLOSED, closed, agency, p.code(), "", null, 0, 0, 0,
                            random.nextDouble() < 0.85, "ANSWERED"));
                    facts.add(new Fact(petition, Kind.PETITION_RATED, closed.plus(Duration.ofDays(1)), agency, p.code(),
                            "", null, 0, 0, 0, random.nextDouble() < 0.8, ""));
                }
            }
        }
        return facts;
    }

    private static Fact fact(String code, Kind kind, Instant at, String agency, Procedure p, String channel, Instant due,
                             int n1, int n2, long amount, boolean flag, String detail) {
        return new Fact(code, kind, at, agency, p == null ? null : p.code(), channel, due, n1, n2, amount, flag, detail);
    }
}
