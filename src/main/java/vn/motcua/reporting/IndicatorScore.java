package vn.motcua.reporting;

/**
 * One indicator of the service index.
 *
 * @param rate      numerator ÷ denominator in percent (for MDHL3 the satisfaction rate), null when nothing happened
 *                  to measure ({@code denominator} 0)
 * @param threshold the rate, in percent, that earns the full points
 * @param measured  false when the system has no source for it yet (it scores 0 and says so)
 */
public record IndicatorScore(String code, String name, long numerator, long denominator, Double rate, double threshold,
                             double max, double points, boolean measured) {
}
