package vn.motcua.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SvgChartsTest {

    @Test
    void chartsAreNotScaledSoTheirTextKeepsTwelvePixelsOnAPhone() {
        String line = SvgCharts.line("Tổng điểm", List.of("01/2026", "02/2026", "03/2026"),
                List.of(new SvgCharts.Series("Công khai, minh bạch", List.of(10.0, 12.0, 14.0)),
                        new SvgCharts.Series("Tiến độ giải quyết", List.of(5.0, 8.0, 9.0))), 20, String::valueOf);
        String bars = SvgCharts.bars("Xếp hạng", List.of("Tổng điểm"),
                List.of(new SvgCharts.Bar("Phường Thuận Hóa", List.of(80.0))), 100, String::valueOf);

        for (String chart : List.of(line, bars)) {
            String outer = chart.substring(0, chart.indexOf('>'));
            assertThat(outer).contains("width=\"100%\"", "font-size=\"12\"", "role=\"img\"", "aria-label=")
                    .doesNotContain("viewBox");
        }
        // The lines stretch in a nested drawing whose strokes keep their width; points and labels sit at percentages.
        assertThat(line).contains("preserveAspectRatio=\"none\"", "vector-effect=\"non-scaling-stroke\"",
                "<text x=\"92%\" y=\"214\" text-anchor=\"middle\">03/2026</text>", "Tiến độ giải quyết</text>");
        // A bar's label has a row of its own above the bar, and the value follows the bar.
        assertThat(bars).contains("<text x=\"0\" y=\"14\"><title>Phường Thuận Hóa</title>Phường Thuận Hóa</text>",
                "width=\"62.4%\"", "<text x=\"62.4%\" dx=\"6\"");
    }
}
