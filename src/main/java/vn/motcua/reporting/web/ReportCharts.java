package vn.motcua.reporting.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.motcua.reporting.Figures;
import vn.motcua.reporting.GroupScore;
import vn.motcua.reporting.Measure;
import vn.motcua.reporting.ServiceIndex;

/** The report pages' charts, from the reporting service's answers, with titles in the reader's language. */
@Component
class ReportCharts {

    private final MessageSource messages;

    ReportCharts(MessageSource messages) {
        this.messages = messages;
    }

    /** The total, month by month. */
    String trendTotal(List<ServiceIndex> trend, String scopeName, Locale locale) {
        List<Double> totals = trend.stream().map(ServiceIndex::total).toList();
        return SvgCharts.line(text(locale, "reporting.chart.trendTotal", scopeName), months(trend),
                List.of(new SvgCharts.Series(text(locale, "reporting.total"), totals)), 100, points(locale));
    }

    /** Each group's points, month by month, on one scale (the largest group's maximum). */
    String trendGroups(List<ServiceIndex> trend, String scopeName, Locale locale) {
        List<SvgCharts.Series> series = new ArrayList<>();
        double max = 0;
        if (!trend.isEmpty()) {
            List<GroupScore> groups = trend.getFirst().groups();
            for (int g = 0; g < groups.size(); g++) {
                int index = g;
                series.add(new SvgCharts.Series(groups.get(g).name(),
                        trend.stream().map(i -> i.groups().get(index).points()).toList()));
                max = Math.max(max, groups.get(g).max());
            }
        }
        return SvgCharts.line(text(locale, "reporting.chart.trendGroups", scopeName), months(trend), series, max,
                points(locale));
    }

    /** Each group's points as a share of its maximum, so that groups of different weight compare. */
    String groups(ServiceIndex index, Locale locale) {
        List<SvgCharts.Bar> bars = index.groups().stream()
                .map(g -> new SvgCharts.Bar(g.name(), List.of(g.max() == 0 ? 0 : 100 * g.points() / g.max())))
                .toList();
        return SvgCharts.bars(text(locale, "reporting.chart.groups", index.agencyName()),
                List.of(text(locale, "reporting.chart.shareOfMax")), bars, 100,
                v -> ReportFormat.points(Math.round(v * 10) / 10.0, locale) + "%");
    }

    /** The agencies' totals, best first. */
    String ranking(List<ServiceIndex> ranking, Locale locale) {
        List<SvgCharts.Bar> bars = ranking.stream()
                .map(i -> new SvgCharts.Bar(i.agencyName(), List.of(i.total()))).toList();
        return SvgCharts.bars(text(locale, "reporting.chart.ranking"), List.of(text(locale, "reporting.total")), bars,
                100, points(locale));
    }

    /** Dossiers received and handled on each channel. */
    String channels(Map<String, Figures> byChannel, String scopeName, Locale locale) {
        List<SvgCharts.Bar> bars = byChannel.entrySet().stream()
                .map(e -> new SvgCharts.Bar(text(locale, "reporting.channel." + e.getKey()),
                        List.of((double) e.getValue().get(Measure.RECEIVED), (double) e.getValue().get(Measure.HANDLED))))
                .toList();
        return SvgCharts.bars(text(locale, "reporting.chart.channels", scopeName),
                List.of(text(locale, "reporting.count.RECEIVED"), text(locale, "reporting.count.HANDLED")), bars, 0,
                v -> java.text.NumberFormat.getIntegerInstance(locale).format(Math.round(v)));
    }

    static List<String> months(List<ServiceIndex> trend) {
        return trend.stream().map(i -> ReportFormat.month(i.from())).toList();
    }

    private static DoubleFunction<String> points(Locale locale) {
        return v -> ReportFormat.points(v, locale);
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
