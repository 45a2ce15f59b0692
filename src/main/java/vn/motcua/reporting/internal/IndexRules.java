package vn.motcua.reporting.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the service index: points and thresholds per indicator (defaults in {@link Indicator}), the bands,
 * and how an indicator with nothing to measure scores.
 *
 * <pre>
 * motcua.reporting.index.points.TDGQ1=20
 * motcua.reporting.index.thresholds.CLGQ3=50
 * motcua.reporting.index.bands.EXCELLENT=90
 * motcua.reporting.index.nothing-to-measure-scores-full=true
 * </pre>
 */
@ConfigurationProperties("motcua.reporting.index")
public class IndexRules {

    private Map<String, Double> points = new LinkedHashMap<>();
    private Map<String, Double> thresholds = new LinkedHashMap<>();
    /** Lowest total of each band, checked from the top. */
    private Map<String, Double> bands = new LinkedHashMap<>(Map.of("EXCELLENT", 90.0, "GOOD", 80.0, "FAIR", 70.0,
            "AVERAGE", 50.0, "WEAK", 0.0));
    /**
     * An agency that handled no dossier (or received no petition) in the period has nothing to be judged on: by default
     * it keeps the indicator's points, as the portal does, rather than losing them.
     */
    private boolean nothingToMeasureScoresFull = true;

    public double max(Indicator i) {
        return points.getOrDefault(i.name(), i.max);
    }

    public double threshold(Indicator i) {
        return thresholds.getOrDefault(i.name(), i.threshold);
    }

    public String band(double total) {
        return bands.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .filter(b -> total >= b.getValue()).map(Map.Entry::getKey).findFirst().orElse("WEAK");
    }

    public Map<String, Double> getPoints() {
        return points;
    }

    public void setPoints(Map<String, Double> points) {
        this.points = points;
    }

    public Map<String, Double> getThresholds() {
        return thresholds;
    }

    public void setThresholds(Map<String, Double> thresholds) {
        this.thresholds = thresholds;
    }

    public Map<String, Double> getBands() {
        return bands;
    }

    public void setBands(Map<String, Double> bands) {
        this.bands = bands;
    }

    public boolean isNothingToMeasureScoresFull() {
        return nothingToMeasureScoresFull;
    }

    public void setNothingToMeasureScoresFull(boolean nothingToMeasureScoresFull) {
        this.nothingToMeasureScoresFull = nothingToMeasureScoresFull;
    }
}
