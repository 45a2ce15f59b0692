package vn.motcua.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The index of service to citizens and businesses (Decision 766/QĐ-TTg) of an agency, or of the province when
 * {@code agencyCode} is null, over the days {@code from}–{@code to}.
 *
 * @param band   EXCELLENT, GOOD, FAIR, AVERAGE or WEAK
 * @param counts the read model's sums behind it, by {@link Measure} name
 */
public record ServiceIndex(String agencyCode, String agencyName, LocalDate from, LocalDate to, double total,
                           double measuredMax, String band, String bandName, List<GroupScore> groups,
                           Map<String, Long> counts) {

    public GroupScore group(String code) {
        return groups.stream().filter(g -> g.code().equals(code)).findFirst().orElseThrow();
    }

    public IndicatorScore indicator(String code) {
        return groups.stream().flatMap(g -> g.indicators().stream()).filter(i -> i.code().equals(code)).findFirst()
                .orElseThrow();
    }
}
