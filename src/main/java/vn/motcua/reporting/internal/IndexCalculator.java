package vn.motcua.reporting.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import vn.motcua.integration.SynchronisedDossiers;
import vn.motcua.reporting.Figures;
import vn.motcua.reporting.GroupScore;
import vn.motcua.reporting.IndicatorScore;
import vn.motcua.reporting.Measure;
import vn.motcua.reporting.ServiceIndex;

/**
 * Scores the service index from the read model's sums and the catalog: each rate becomes
 * {@code min(max, rate × max ÷ threshold)} points, groups add their indicators, the total adds the groups.
 */
@Component
public class IndexCalculator {

    private static final Set<String> ONLINE_CHANNELS = Set.of("ONLINE", "NATIONAL_PORTAL");

    private final IndexRules rules;
    private final SynchronisedDossiers synchronised;

    IndexCalculator(IndexRules rules, SynchronisedDossiers synchronised) {
        this.rules = rules;
        this.synchronised = synchronised;
    }

    /**
     * @param sums       the sums per agency and channel, and the procedures used online, of the agencies in scope
     * @param copies     the copies certified from originals in scope: {electronic, all} (MDSH3)
     * @param procedures the catalog's procedures decided in scope
     * @param population the population database's figures in scope (MDSH6, MDSH7)
     * @param names      the label of a message key ({@code reporting.indicator.TDGQ1}, {@code reporting.group.TDGQ},
     *                   {@code reporting.band.GOOD})
     */
    public ServiceIndex score(String agencyCode, String agencyName, LocalDate from, LocalDate to,
                              ReportStore.Sums sums, long[] copies, Collection<ProcedureProfile> procedures,
                              PopulationUse population, Function<String, String> names) {
        List<ReportStore.Row> rows = sums.totals();
        Figures f = new Figures();
        rows.forEach(r -> f.add(r.values()));
        long receivedOnline = rows.stream().filter(r -> ONLINE_CHANNELS.contains(r.channel()))
                .mapToLong(r -> r.values()[Measure.RECEIVED.ordinal()]).sum();
        Set<String> withOnlineDossier = sums.procedures().stream().filter(ReportStore.ProcedureUse::onlineDossier)
                .map(ReportStore.ProcedureUse::procedure).collect(Collectors.toSet());
        Set<String> withOnlinePayment = sums.procedures().stream().filter(ReportStore.ProcedureUse::onlinePayment)
                .map(ReportStore.ProcedureUse::procedure).collect(Collectors.toSet());

        List<ProcedureProfile> online = procedures.stream().filter(ProcedureProfile::online).toList();
        List<ProcedureProfile> feeBearing = procedures.stream().filter(ProcedureProfile::feeBearing).toList();
        List<ProcedureProfile> payableOnline = feeBearing.stream().filter(ProcedureProfile::online).toList();
        long handled = f.get(Measure.HANDLED);
        long withResult = handled - f.get(Measure.REFUSED) - f.get(Measure.WITHDRAWN) - f.get(Measure.WAITING);
        long paper = f.get(Measure.RECEIVED) - receivedOnline;
        long dissatisfied = f.get(Measure.LATE) + f.get(Measure.RATINGS_UNSATISFIED) + f.get(Measure.PETITIONS_ON_DOSSIERS);

        Map<Indicator, IndicatorScore> scores = new LinkedHashMap<>();
        for (Indicator i : Indicator.values()) {
            long[] nd = switch (i) {
                // the agencies with figures in the period are those that can have received dossiers in it
                case CKMB4 -> new long[]{Math.min(f.get(Measure.RECEIVED), synchronised.synchronisedReceived(
                        rows.stream().map(ReportStore.Row::agency).collect(Collectors.toSet()), from, to)),
                        f.get(Measure.RECEIVED)};
                case CKMB1 -> rate(procedures, ProcedureProfile::announcedOnTime);
                case CKMB2 -> rate(procedures, ProcedureProfile::publishedOnTime);
                case MDSH6 -> new long[]{population.matchedReceived(), f.get(Measure.RECEIVED)};
                case MDSH7 -> new long[]{procedures.stream().filter(p -> population.connectedProcedures()
                        .contains(p.code())).count(), procedures.size()};
                case MDSH3 -> new long[]{copies[0], copies[1]};
                case CKMB3 -> new long[]{procedures.stream().filter(ProcedureProfile::fullContent).count(), procedures.size()};
                case TDGQ1 -> new long[]{f.get(Measure.EARLY) + f.get(Measure.ON_TIME), handled};
                case CLGQ1 -> new long[]{online.size(), procedures.size()};
                case CLGQ2 -> new long[]{online.stream().filter(p -> withOnlineDossier.contains(p.code())).count(), online.size()};
                case CLGQ3 -> new long[]{receivedOnline, f.get(Measure.RECEIVED)};
                case TTTT1 -> new long[]{payableOnline.size(), feeBearing.size()};
                case TTTT2 -> new long[]{payableOnline.stream().filter(p -> withOnlinePayment.contains(p.code())).count(),
                        payableOnline.size()};
                case TTTT3 -> new long[]{f.get(Measure.PAID_ONLINE), f.get(Measure.FEE_PAID)};
                case MDSH1 -> new long[]{Math.min(f.get(Measure.E_RESULTS), withResult), withResult};
                case MDSH2 -> new long[]{Math.min(f.get(Measure.DIGITISED), paper), paper};
                case MDSH4 -> new long[]{f.get(Measure.REUSED), f.get(Measure.RECEIVED)};
                case MDSH5 -> new long[]{f.get(Measure.RESULTS_TO_STORE), f.get(Measure.E_RESULTS)};
                case MDHL1 -> new long[]{f.get(Measure.PETITIONS_ON_TIME), f.get(Measure.PETITIONS_CLOSED)};
                case MDHL2 -> new long[]{f.get(Measure.PETITIONS_SATISFIED), f.get(Measure.PETITIONS_RATED)};
                case MDHL3 -> new long[]{Math.max(0, handled - dissatisfied), handled};
            };
            scores.put(i, score(i, nd[0], nd[1], names));
        }
        List<GroupScore> groups = new ArrayList<>();
        for (String group : Indicator.GROUPS) {
            List<IndicatorScore> of = scores.entrySet().stream().filter(e -> e.getKey().group.equals(group))
                    .map(Map.Entry::getValue).toList();
            groups.add(new GroupScore(group, names.apply("reporting.group." + group),
                    round(of.stream().mapToDouble(IndicatorScore::max).sum()),
                    round(of.stream().mapToDouble(IndicatorScore::points).sum()), of));
        }
        double total = round(groups.stream().mapToDouble(GroupScore::points).sum());
        double measuredMax = round(scores.values().stream().filter(IndicatorScore::measured).mapToDouble(IndicatorScore::max).sum());
        String band = rules.band(total);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Measure m : Measure.values()) {
            counts.put(m.name(), f.get(m));
        }
        counts.put("RECEIVED_ONLINE", receivedOnline);
        counts.put("COPIES_ELECTRONIC", copies[0]);
        counts.put("COPIES_CERTIFIED", copies[1]);
        return new ServiceIndex(agencyCode, agencyName, from, to, total, measuredMax, band,
                names.apply("reporting.band." + band), groups, counts);
    }

    /** Procedures where the test holds ÷ procedures where it can be told (null: a date is missing). */
    private static long[] rate(Collection<ProcedureProfile> procedures, Function<ProcedureProfile, Boolean> test) {
        return new long[]{procedures.stream().filter(p -> Boolean.TRUE.equals(test.apply(p))).count(),
                procedures.stream().filter(p -> test.apply(p) != null).count()};
    }

    private IndicatorScore score(Indicator i, long numerator, long denominator, Function<String, String> names) {
        double max = rules.max(i);
        double threshold = rules.threshold(i);
        String name = names.apply("reporting.indicator." + i.name());
        if (!i.measured) {
            return new IndicatorScore(i.name(), name, 0, 0, null, threshold, max, 0, false);
        }
        if (denominator == 0) {
            return new IndicatorScore(i.name(), name, 0, 0, null, threshold, max,
                    rules.isNothingToMeasureScoresFull() ? max : 0, true);
        }
        double rate = 100.0 * numerator / denominator;
        double points = Math.min(max, rate * max / threshold);
        return new IndicatorScore(i.name(), name, numerator, denominator, round(rate), threshold, max, round(points), true);
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /**
     * The population database's figures of a scope and period.
     *
     * @param matchedReceived     dossiers received whose applicant's check is MATCH (MDSH6)
     * @param connectedProcedures procedures with a document the state holds or at least one check (MDSH7)
     */
    public record PopulationUse(long matchedReceived, Set<String> connectedProcedures) {
    }
}
