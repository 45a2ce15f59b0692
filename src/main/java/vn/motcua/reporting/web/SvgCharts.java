package vn.motcua.reporting.web;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * Charts drawn on the server as inline SVG: no script, no library, a few kilobytes. Each chart is an image to
 * assistive technology ({@code role="img"} with its title as {@code aria-label} and {@code <title>}); the page shows the
 * same numbers in a table beside it. Lines differ by dash pattern as well as colour, so they can be told apart without
 * colour. Only presentation attributes are used (the pages' Content-Security-Policy forbids inline styles).
 * <p>
 * A chart has no viewBox: a viewBox would scale the text with the chart (a 640 wide drawing shown 330 px wide on a phone
 * writes 12 px text at 6 px). Instead heights are pixels and horizontal positions are percentages of the chart's width,
 * so text stays {@value #FONT} px at any width; labels take their own row rather than a column beside the drawing, so
 * that they fit a {@value #NARROWEST} px phone; the lines stretch in a nested drawing whose strokes do not scale.
 */
final class SvgCharts {

    /** Colours with at least 3:1 contrast on white, and dash patterns to tell lines apart without colour. */
    private static final String[] COLOURS = {"#a5121b", "#0b4fb3", "#12663a", "#8a4b00", "#6b2fa0", "#00707a", "#4f5a66"};
    private static final String[] DASHES = {"", "6 3", "2 3", "8 3 2 3", "12 4", "4 2 1 2", "1 2"};
    /** Text size in CSS pixels, at every width. */
    static final int FONT = 12;
    /** The narrowest chart laid out for (a 360 px phone less the page's margins), in pixels. */
    static final int NARROWEST = 320;
    /** About the width of a character of {@value #FONT} px text, to keep labels apart. */
    private static final double CHAR = 7;
    /** The line chart's plot runs between these percentages, leaving room for half an x label at each end. */
    private static final double PLOT_LEFT = 8, PLOT_RIGHT = 92;
    /** The bars take at most this share of the width; the rest holds the value written after the longest. */
    private static final double BAR_SPAN = 78;

    /** One line of a line chart: a value per point of the x axis. */
    record Series(String name, List<Double> values) {
    }

    /** One category of a bar chart: a value per series. */
    record Bar(String label, List<Double> values) {
    }

    private SvgCharts() {
    }

    /**
     * A line chart with a y axis from 0 to {@code yMax} (4 steps, each value written above its grid line), the x labels
     * under their points, and a legend below, one series a row.
     *
     * @param format how values are written (ticks and each point's tooltip)
     */
    static String line(String title, List<String> xLabels, List<Series> series, double yMax,
                       DoubleFunction<String> format) {
        int top = 16, plotHeight = 180;
        int legendRows = series.size() <= 1 ? 0 : series.size();
        int height = top + plotHeight + 24 + legendRows * 20 + 6;
        double max = yMax > 0 ? yMax : 1;
        StringBuilder svg = open(title, height);
        // Grid, with each value above its line at the left edge
        for (int i = 0; i <= 4; i++) {
            double v = max * i / 4;
            double y = top + plotHeight - plotHeight * i / 4.0;
            svg.append("<line x1=\"0\" x2=\"100%\" y1=\"").append(n(y)).append("\" y2=\"").append(n(y))
                    .append("\" stroke=\"").append(i == 0 ? "#4f5a66" : "#d5dbe1").append("\" stroke-width=\"1\"/>");
            svg.append("<text x=\"0\" y=\"").append(n(y - 3)).append("\">").append(escape(format.apply(v)))
                    .append("</text>");
        }
        // X labels, thinned so they never overlap on the narrowest chart, counted back from the last (the latest
        // month is always named)
        int points = xLabels.size();
        int longest = xLabels.stream().mapToInt(String::length).max().orElse(0);
        double spacing = points <= 1 ? NARROWEST : NARROWEST * (PLOT_RIGHT - PLOT_LEFT) / 100 / (points - 1);
        int every = Math.max(1, (int) Math.ceil((longest * CHAR + 8) / spacing));
        for (int i = 0; i < points; i++) {
            if ((points - 1 - i) % every == 0) {
                svg.append("<text x=\"").append(n(x(i, points))).append("%\" y=\"").append(top + plotHeight + 18)
                        .append("\" text-anchor=\"middle\">").append(escape(xLabels.get(i))).append("</text>");
            }
        }
        // Lines, stretched across the plot in a drawing of their own (1000 wide) whose strokes keep their width
        StringBuilder dots = new StringBuilder();
        svg.append("<svg x=\"").append(n(PLOT_LEFT)).append("%\" y=\"").append(top).append("\" width=\"")
                .append(n(PLOT_RIGHT - PLOT_LEFT)).append("%\" height=\"").append(plotHeight)
                .append("\" viewBox=\"0 0 1000 ").append(plotHeight)
                .append("\" preserveAspectRatio=\"none\" overflow=\"visible\">");
        for (int s = 0; s < series.size(); s++) {
            Series line = series.get(s);
            String colour = COLOURS[s % COLOURS.length];
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < Math.min(points, line.values().size()); i++) {
                Double v = line.values().get(i);
                if (v == null) {
                    continue;
                }
                double share = points <= 1 ? .5 : i / (double) (points - 1);
                double py = plotHeight - plotHeight * Math.min(Math.max(v, 0), max) / max;
                path.append(path.isEmpty() ? "" : " ").append(n(1000 * share)).append(',').append(n(py));
                dots.append("<circle cx=\"").append(n(x(i, points))).append("%\" cy=\"").append(n(top + py))
                        .append("\" r=\"3\" fill=\"").append(colour).append("\"><title>")
                        .append(escape(line.name() + " — " + xLabels.get(i) + ": " + format.apply(v)))
                        .append("</title></circle>");
            }
            svg.append("<polyline fill=\"none\" stroke=\"").append(colour)
                    .append("\" stroke-width=\"2\" vector-effect=\"non-scaling-stroke\"");
            dash(svg, s);
            svg.append(" points=\"").append(path).append("\"/>");
        }
        svg.append("</svg>").append(dots);
        // Legend, a series a row
        for (int s = 0; s < legendRows; s++) {
            int ly = top + plotHeight + 42 + s * 20;
            svg.append("<line x1=\"0\" x2=\"26\" y1=\"").append(ly - 4).append("\" y2=\"").append(ly - 4)
                    .append("\" stroke=\"").append(COLOURS[s % COLOURS.length]).append("\" stroke-width=\"2\"");
            dash(svg, s);
            svg.append("/><text x=\"32\" y=\"").append(ly).append("\">")
                    .append(escape(shorten(series.get(s).name(), fitting(32)))).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /**
     * A horizontal bar chart: per category its label on a row of its own, then one bar per series, each with its value
     * written after it; a legend on top, a series a row, when there is more than one. Bars are scaled to {@code max}
     * (at least the largest value).
     */
    static String bars(String title, List<String> seriesNames, List<Bar> bars, double max,
                       DoubleFunction<String> format) {
        int legendRow = 18, labelRow = 17, barHeight = 14, gap = 3, groupGap = 10;
        int top = seriesNames.size() > 1 ? seriesNames.size() * legendRow + 4 : 2;
        int perGroup = labelRow + seriesNames.size() * (barHeight + gap) - gap;
        int height = top + bars.size() * (perGroup + groupGap) + 4;
        double scale = max;
        for (Bar b : bars) {
            for (Double v : b.values()) {
                scale = Math.max(scale, v == null ? 0 : v);
            }
        }
        scale = scale > 0 ? scale : 1;
        StringBuilder svg = open(title, height);
        if (seriesNames.size() > 1) {
            for (int s = 0; s < seriesNames.size(); s++) {
                int ly = s * legendRow;
                svg.append("<rect x=\"0\" y=\"").append(ly + 3).append("\" width=\"14\" height=\"12\" fill=\"")
                        .append(COLOURS[s % COLOURS.length]).append("\"/><text x=\"20\" y=\"").append(ly + 13)
                        .append("\">").append(escape(shorten(seriesNames.get(s), fitting(20)))).append("</text>");
            }
        }
        int y = top;
        for (Bar b : bars) {
            svg.append("<text x=\"0\" y=\"").append(y + 12).append("\"><title>").append(escape(b.label()))
                    .append("</title>").append(escape(shorten(b.label(), fitting(0)))).append("</text>");
            for (int s = 0; s < seriesNames.size(); s++) {
                Double v = s < b.values().size() ? b.values().get(s) : null;
                double value = v == null ? 0 : Math.max(0, v);
                double w = BAR_SPAN * value / scale;
                int by = y + labelRow + s * (barHeight + gap);
                svg.append("<rect x=\"0\" y=\"").append(by).append("\" width=\"").append(n(w))
                        .append("%\" height=\"").append(barHeight).append("\" fill=\"")
                        .append(COLOURS[s % COLOURS.length]).append("\"><title>")
                        .append(escape(b.label() + " — " + seriesNames.get(s) + ": " + format.apply(value)))
                        .append("</title></rect>");
                svg.append("<text x=\"").append(n(w)).append("%\" dx=\"6\" y=\"").append(by + barHeight - 3)
                        .append("\">").append(escape(v == null ? "—" : format.apply(value))).append("</text>");
            }
            y += perGroup + groupGap;
        }
        return svg.append("</svg>").toString();
    }

    // ------------------------------------------------------------------

    private static StringBuilder open(String title, int height) {
        String t = escape(title);
        return new StringBuilder(4096).append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"100%\"")
                .append(" height=\"").append(height).append("\" role=\"img\" aria-label=\"").append(t)
                .append("\" focusable=\"false\" font-size=\"").append(FONT).append("\" fill=\"currentColor\"><title>")
                .append(t).append("</title>");
    }

    private static void dash(StringBuilder svg, int series) {
        if (!DASHES[series % DASHES.length].isEmpty()) {
            svg.append(" stroke-dasharray=\"").append(DASHES[series % DASHES.length]).append('"');
        }
    }

    /** How many characters of text fit from {@code x} px to the right edge of the narrowest chart. */
    private static int fitting(int x) {
        return (int) ((NARROWEST - x) / CHAR);
    }

    /** A point's x, in percent of the chart's width. */
    private static double x(int i, int points) {
        return points <= 1 ? (PLOT_LEFT + PLOT_RIGHT) / 2 : PLOT_LEFT + (PLOT_RIGHT - PLOT_LEFT) * i / (points - 1);
    }

    /** A coordinate with at most one decimal: enough for a screen, small on the wire. */
    private static String n(double v) {
        long tenths = Math.round(v * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : String.format(Locale.ROOT, "%.1f", tenths / 10.0);
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1).strip() + "…";
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
