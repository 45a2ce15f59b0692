package vn.motcua.reporting.web;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * Charts drawn on the server as inline SVG: no script, no library, a few kilobytes. Each chart is an image to
 * assistive technology ({@code role="img"} with its title as {@code aria-label} and {@code <title>}); the page shows the
 * same numbers in a table beside it. Lines differ by dash pattern as well as colour, so they can be told apart without
 * colour. Only presentation attributes are used (the pages' Content-Security-Policy forbids inline styles).
 */
final class SvgCharts {

    /** Colours with at least 3:1 contrast on white, and dash patterns to tell lines apart without colour. */
    private static final String[] COLOURS = {"#a5121b", "#0b4fb3", "#12663a", "#8a4b00", "#6b2fa0", "#00707a", "#4f5a66"};
    private static final String[] DASHES = {"", "6 3", "2 3", "8 3 2 3", "12 4", "4 2 1 2", "1 2"};
    private static final int WIDTH = 640;
    private static final int FONT = 12;

    /** One line of a line chart: a value per point of the x axis. */
    record Series(String name, List<Double> values) {
    }

    /** One category of a bar chart: a value per series. */
    record Bar(String label, List<Double> values) {
    }

    private SvgCharts() {
    }

    /**
     * A line chart with a y axis from 0 to {@code yMax} (4 steps), the x labels under their points and a legend below.
     *
     * @param format how values are written (ticks and each point's tooltip)
     */
    static String line(String title, List<String> xLabels, List<Series> series, double yMax,
                       DoubleFunction<String> format) {
        int left = 48, right = 16, top = 12, plotHeight = 180;
        int plotWidth = WIDTH - left - right;
        int legendColumns = 3, legendRows = series.size() <= 1 ? 0 : (series.size() + legendColumns - 1) / legendColumns;
        int height = top + plotHeight + 26 + legendRows * 20 + 6;
        double max = yMax > 0 ? yMax : 1;
        StringBuilder svg = open(title, height);
        // Grid and y axis
        for (int i = 0; i <= 4; i++) {
            double v = max * i / 4;
            double y = top + plotHeight - plotHeight * i / 4.0;
            svg.append("<line x1=\"").append(left).append("\" x2=\"").append(left + plotWidth).append("\" y1=\"")
                    .append(n(y)).append("\" y2=\"").append(n(y)).append("\" stroke=\"")
                    .append(i == 0 ? "#4f5a66" : "#d5dbe1").append("\" stroke-width=\"1\"/>");
            svg.append("<text x=\"").append(left - 6).append("\" y=\"").append(n(y + 4))
                    .append("\" text-anchor=\"end\">").append(escape(format.apply(v))).append("</text>");
        }
        svg.append("<line x1=\"").append(left).append("\" x2=\"").append(left).append("\" y1=\"").append(top)
                .append("\" y2=\"").append(top + plotHeight).append("\" stroke=\"#4f5a66\" stroke-width=\"1\"/>");
        // X labels, thinned so they never overlap, counted back from the last (the latest month is always named)
        int points = xLabels.size();
        int longest = xLabels.stream().mapToInt(String::length).max().orElse(0);
        double spacing = points <= 1 ? plotWidth : (plotWidth - 16) / (double) (points - 1);
        int every = Math.max(1, (int) Math.ceil((longest * 7.5 + 8) / spacing));
        for (int i = 0; i < points; i++) {
            if ((points - 1 - i) % every == 0) {
                svg.append("<text x=\"").append(n(x(i, points, left, plotWidth))).append("\" y=\"")
                        .append(top + plotHeight + 18).append("\" text-anchor=\"middle\">")
                        .append(escape(xLabels.get(i))).append("</text>");
            }
        }
        // Lines and their points
        for (int s = 0; s < series.size(); s++) {
            Series line = series.get(s);
            String colour = COLOURS[s % COLOURS.length];
            StringBuilder path = new StringBuilder();
            StringBuilder dots = new StringBuilder();
            for (int i = 0; i < Math.min(points, line.values().size()); i++) {
                Double v = line.values().get(i);
                if (v == null) {
                    continue;
                }
                double px = x(i, points, left, plotWidth);
                double py = top + plotHeight - plotHeight * Math.min(Math.max(v, 0), max) / max;
                path.append(path.isEmpty() ? "" : " ").append(n(px)).append(',').append(n(py));
                dots.append("<circle cx=\"").append(n(px)).append("\" cy=\"").append(n(py))
                        .append("\" r=\"3\" fill=\"").append(colour).append("\"><title>")
                        .append(escape(line.name() + " — " + xLabels.get(i) + ": " + format.apply(v)))
                        .append("</title></circle>");
            }
            svg.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\"");
            if (!DASHES[s % DASHES.length].isEmpty()) {
                svg.append(" stroke-dasharray=\"").append(DASHES[s % DASHES.length]).append('"');
            }
            svg.append(" points=\"").append(path).append("\"/>").append(dots);
        }
        // Legend
        if (legendRows > 0) {
            int columnWidth = (WIDTH - left) / legendColumns;
            for (int s = 0; s < series.size(); s++) {
                int lx = left + (s % legendColumns) * columnWidth;
                int ly = top + plotHeight + 40 + (s / legendColumns) * 20;
                svg.append("<line x1=\"").append(lx).append("\" x2=\"").append(lx + 26).append("\" y1=\"")
                        .append(ly - 4).append("\" y2=\"").append(ly - 4).append("\" stroke=\"")
                        .append(COLOURS[s % COLOURS.length]).append("\" stroke-width=\"2\"");
                if (!DASHES[s % DASHES.length].isEmpty()) {
                    svg.append(" stroke-dasharray=\"").append(DASHES[s % DASHES.length]).append('"');
                }
                svg.append("/><text x=\"").append(lx + 32).append("\" y=\"").append(ly).append("\">")
                        .append(escape(shorten(series.get(s).name(), 26))).append("</text>");
            }
        }
        return svg.append("</svg>").toString();
    }

    /**
     * A horizontal bar chart: one row per category, one bar per series in it, each with its value written after it;
     * a legend on top when there is more than one series. Bars are scaled to {@code max} (at least the largest value).
     */
    static String bars(String title, List<String> seriesNames, List<Bar> bars, double max,
                       DoubleFunction<String> format) {
        int labelWidth = 200, valueWidth = 64, top = seriesNames.size() > 1 ? 28 : 6;
        int plotWidth = WIDTH - labelWidth - valueWidth;
        int barHeight = 14, gap = 3, groupGap = 10;
        int perGroup = seriesNames.size() * (barHeight + gap) - gap;
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
            int lx = labelWidth;
            for (int s = 0; s < seriesNames.size(); s++) {
                svg.append("<rect x=\"").append(lx).append("\" y=\"6\" width=\"14\" height=\"12\" fill=\"")
                        .append(COLOURS[s % COLOURS.length]).append("\"/><text x=\"").append(lx + 20)
                        .append("\" y=\"16\">").append(escape(seriesNames.get(s))).append("</text>");
                lx += 28 + seriesNames.get(s).length() * 7;
            }
        }
        svg.append("<line x1=\"").append(labelWidth).append("\" x2=\"").append(labelWidth).append("\" y1=\"")
                .append(top).append("\" y2=\"").append(height - 4).append("\" stroke=\"#4f5a66\" stroke-width=\"1\"/>");
        int y = top;
        for (Bar b : bars) {
            svg.append("<text x=\"").append(labelWidth - 8).append("\" y=\"").append(n(y + perGroup / 2.0 + 4))
                    .append("\" text-anchor=\"end\"><title>").append(escape(b.label())).append("</title>")
                    .append(escape(shorten(b.label(), 30))).append("</text>");
            for (int s = 0; s < seriesNames.size(); s++) {
                Double v = s < b.values().size() ? b.values().get(s) : null;
                double value = v == null ? 0 : Math.max(0, v);
                double w = plotWidth * value / scale;
                int by = y + s * (barHeight + gap);
                svg.append("<rect x=\"").append(labelWidth + 1).append("\" y=\"").append(by).append("\" width=\"")
                        .append(n(w)).append("\" height=\"").append(barHeight).append("\" fill=\"")
                        .append(COLOURS[s % COLOURS.length]).append("\"><title>")
                        .append(escape(b.label() + " — " + seriesNames.get(s) + ": " + format.apply(value)))
                        .append("</title></rect>");
                svg.append("<text x=\"").append(n(labelWidth + w + 6)).append("\" y=\"").append(by + barHeight - 3)
                        .append("\">").append(escape(v == null ? "—" : format.apply(value))).append("</text>");
            }
            y += perGroup + groupGap;
        }
        return svg.append("</svg>").toString();
    }

    // ------------------------------------------------------------------

    private static StringBuilder open(String title, int height) {
        String t = escape(title);
        return new StringBuilder(4096).append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" role=\"img\" aria-label=\"").append(t)
                .append("\" focusable=\"false\" font-size=\"").append(FONT).append("\" fill=\"currentColor\"><title>")
                .append(t).append("</title>");
    }

    private static double x(int i, int points, int left, int plotWidth) {
        return points <= 1 ? left + plotWidth / 2.0 : left + 8 + (plotWidth - 16) * i / (double) (points - 1);
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
