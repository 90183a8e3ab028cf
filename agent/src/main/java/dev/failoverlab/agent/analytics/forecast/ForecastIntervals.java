package dev.failoverlab.agent.analytics.forecast;

import dev.failoverlab.agent.analytics.ModelEvidence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Builds prediction intervals and the evidence of a {@link Forecast}, shared by every model so all forecasts
 * report the same fields. Gaussian intervals use the analytic step variances; empirical ones add quantiles of the
 * model's in-sample h-step errors (type-7 interpolation), and are refused for a step with fewer than
 * {@value #MIN_EMPIRICAL_ERRORS} errors because tail quantiles of 20-odd values are noise.
 */
final class ForecastIntervals {

    static final int MIN_EMPIRICAL_ERRORS = 30;
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private ForecastIntervals() {
    }

    static void checkRequest(int horizon, double[] levels) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon = " + horizon + " must be at least 1 step");
        }
        for (double level : levels) {
            if (!(level > 0 && level < 1)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "interval level %s must lie strictly between 0 and 1, e.g. 0.8 or 0.95", level));
            }
        }
    }

    /** Gaussian intervals {@code point +- z sigma}; Student-t quantiles instead when {@code df > 0}. */
    static List<PredictionInterval> gaussian(double[] point, double[] sigma, double[] levels, double df) {
        List<PredictionInterval> out = new ArrayList<>();
        for (double level : levels) {
            double p = 0.5 + level / 2;
            double z = df > 0 ? new TDistribution(null, df).inverseCumulativeProbability(p)
                    : STANDARD_NORMAL.inverseCumulativeProbability(p);
            double[] lo = new double[point.length];
            double[] hi = new double[point.length];
            for (int i = 0; i < point.length; i++) {
                lo[i] = point[i] - z * sigma[i];
                hi[i] = point[i] + z * sigma[i];
            }
            out.add(new PredictionInterval(level, lo, hi));
        }
        return out;
    }

    /**
     * Empirical intervals, or {@code null} when some step has too few in-sample errors.
     *
     * @param errors {@code errors[h-1]} holds the in-sample errors {@code y_{t+h} - yhat_{t+h|t}}
     */
    static List<PredictionInterval> empirical(double[] point, double[][] errors, double[] levels) {
        for (double[] e : errors) {
            if (e.length < MIN_EMPIRICAL_ERRORS) {
                return null;
            }
        }
        double[][] sorted = new double[errors.length][];
        for (int h = 0; h < errors.length; h++) {
            sorted[h] = errors[h].clone();
            Arrays.sort(sorted[h]);
        }
        List<PredictionInterval> out = new ArrayList<>();
        for (double level : levels) {
            double[] lo = new double[point.length];
            double[] hi = new double[point.length];
            for (int h = 0; h < point.length; h++) {
                lo[h] = point[h] + quantile(sorted[h], (1 - level) / 2);
                hi[h] = point[h] + quantile(sorted[h], (1 + level) / 2);
            }
            out.add(new PredictionInterval(level, lo, hi));
        }
        return out;
    }

    /** Type-7 (linear interpolation) quantile of an ascending array. */
    static double quantile(double[] sorted, double p) {
        double pos = p * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        if (i >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        return sorted[i] + (pos - i) * (sorted[i + 1] - sorted[i]);
    }

    /** Assembles the forecast and its evidence from the fitted model's evidence. */
    static Forecast assemble(ModelEvidence modelEvidence, double[] point, double[] sigma, double[] weights,
            List<PredictionInterval> intervals, IntervalMethod method, String note) {
        ModelEvidence.Builder b = ModelEvidence.of(modelEvidence.model());
        for (Map.Entry<String, Double> e : modelEvidence.parameters().entrySet()) {
            b.param(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Double> e : modelEvidence.fit().entrySet()) {
            b.fit(e.getKey(), e.getValue());
        }
        modelEvidence.notes().forEach(b::note);
        b.output("horizon_steps", point.length)
                .output("point_last", point[point.length - 1])
                .output("point_max", Arrays.stream(point).max().orElseThrow())
                .series("point", point)
                .series("sigma", sigma);
        for (PredictionInterval pi : intervals) {
            b.series("lower_" + pi.percent(), pi.lower()).series("upper_" + pi.percent(), pi.upper());
        }
        b.note("intervals: " + (method == IntervalMethod.ANALYTIC ? "analytic forecast variance"
                : "empirical quantiles of in-sample h-step errors"));
        if (note != null) {
            b.note(note);
        }
        return new Forecast(modelEvidence.model(), point, sigma, weights, intervals, method, b.build());
    }
}
