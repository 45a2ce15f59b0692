package vn.motcua.reporting;

import java.util.List;

/** A group of the service index (công khai minh bạch, tiến độ giải quyết, …) with its indicators. */
public record GroupScore(String code, String name, double max, double points, List<IndicatorScore> indicators) {
}
