package dev.failoverlab.agent.brain.capacity;

import dev.failoverlab.agent.analytics.ModelEvidence;
import dev.failoverlab.agent.analytics.forecast.Forecast;
import dev.failoverlab.agent.analytics.forecast.IntervalMethod;
import dev.failoverlab.agent.analytics.forecast.ModelSelector;
import dev.failoverlab.agent.analytics.forecast.PredictionInterval;
import dev.failoverlab.agent.analytics.forecast.Selection;
import dev.failoverlab.agent.evidence.Evidence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The service's total request rate over the horizon. With enough history the method is chosen by a rolling-origin
 * backtest at the horizon actually forecast ({@link ModelSelector}: naive, SES, OLS trend, Holt, damped Holt, on
 * the most recent {@value #MAX_HISTORY} points); with
 * fewer than {@value #MIN_HISTORY} points nothing can be backtested, so the forecast is the last value with a wide
 * empirical band (the largest deviation seen from it, at least a quarter of it) and says "insufficient history".
 */
final class DemandForecast {
    static final int MIN_HISTORY = 8;
    /**
     * Points the backtest and the fit use at most (40 minutes of 15 s steps, or four horizons if longer): enough for
     * three folds of a 10-minute horizon, recent enough to follow today's load, and half the fitting time of an hour.
     */
    static final int MAX_HISTORY = 160;
    /** Points the first backtest fold trains on at least (Holt needs 4). */
    private static final int MIN_FIT = 4;
    static final double LEVEL = 0.80;
    private static final double WIDE_FLOOR = 0.25;
    /** 1 / Phi^-1(3/4): the MAD of a Gaussian times this is its standard deviation. */
    private static final double MAD_TO_SIGMA = 1.4826;
    private static final double MIN_ROBUST_RATIO = 0.05;
    private static final NormalDistribution N01 = new NormalDistribution(null, 0, 1);

    /** A fitted forecast of {@code steps} steps of {@code stepSeconds}. */
    record Result(Forecast forecast, boolean insufficient, double stepSeconds) {

        String model() {
            return forecast.model();
        }

        int steps() {
            return forecast.horizon();
        }

        /** Highest point forecast over the horizon. */
        double peak() {
            return Arrays.stream(forecast.point()).max().orElseThrow();
        }

        /** Highest upper bound of the central {@link #LEVEL} interval over the first {@code steps} steps. */
        double upperPeak(int steps) {
            double[] upper = forecast.interval(LEVEL).upper();
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < Math.min(steps, upper.length); i++) {
                max = Math.max(max, upper[i]);
            }
            return max;
        }
    }

    private DemandForecast() {
    }

    /** Forecasts {@code steps} steps after {@code history} (at least one point); records the models used. */
    static Result fit(double[] history, double stepSeconds, int steps, Evidence evidence) {
        if (history.length < MIN_HISTORY) {
            Forecast f = wideNaive(history, steps);
            evidence.add(f.evidence());
            return new Result(f, true, stepSeconds);
        }
        // three folds need 3 x horizon points after the first origin: a short history is backtested at a shorter
        // horizon rather than scored in-sample, which favours the trend models that overshoot after a jump
        int used = Math.min(history.length, Math.max(MAX_HISTORY, 4 * steps));
        int backtest = Math.max(1, Math.min(steps, (used - MIN_FIT) / 3));
        Selection s = new ModelSelector(ModelSelector.defaultCandidates(0),
                new ModelSelector.Config(backtest, 3, backtest, 0, used)).select(history);
        evidence.add(s.evidence());
        Forecast f = s.chosen().forecast(steps, IntervalMethod.ANALYTIC, LEVEL, 0.95);
        evidence.add(f.evidence());
        return new Result(robust(f, s.chosen().residuals(), s.chosen().sigma(), evidence), false, stepSeconds);
    }

    /**
     * The forecast with its spread rescaled to a robust estimate of the one-step error (1.4826 x the median absolute
     * deviation of the in-sample errors) when that is smaller than the model's sigma. A level shift (a flash crowd
     * starting or ending) is one huge error that inflates the sample standard deviation for the whole next hour and
     * with it every upper bound the replicas are sized for; the MAD ignores it. Never scaled below a twentieth.
     */
    private static Forecast robust(Forecast f, double[] residuals, double sigma, Evidence evidence) {
        double[] e = Arrays.stream(residuals).filter(Double::isFinite).toArray();
        if (e.length < MIN_HISTORY || !(sigma > 0)) {
            return f;
        }
        double median = median(e);
        double[] dev = Arrays.stream(e).map(v -> Math.abs(v - median)).toArray();
        double mad = MAD_TO_SIGMA * median(dev);
        double ratio = Math.max(MIN_ROBUST_RATIO, Math.min(1, mad / sigma));
        ModelEvidence.Builder m = ModelEvidence.of("robust-band(MAD of one-step errors)")
                .param("sigma_one_step", sigma).param("mad_sigma", mad).param("min_ratio", MIN_ROBUST_RATIO)
                .output("ratio", ratio);
        if (ratio >= 1) {
            evidence.add(m.note("the MAD is not smaller than the model's sigma: band unchanged").build());
            return f;
        }
        double[] point = f.point();
        double[] s = f.sigma();
        for (int i = 0; i < s.length; i++) {
            s[i] *= ratio;
        }
        List<PredictionInterval> intervals = new ArrayList<>();
        for (PredictionInterval pi : f.intervals()) {
            double z = N01.inverseCumulativeProbability(0.5 + pi.level() / 2);
            double[] lo = new double[point.length];
            double[] hi = new double[point.length];
            for (int i = 0; i < point.length; i++) {
                lo[i] = point[i] - z * s[i];
                hi[i] = point[i] + z * s[i];
            }
            intervals.add(new PredictionInterval(pi.level(), lo, hi));
            m.series("upper_" + pi.percent(), hi);
        }
        evidence.add(m.note("band of " + f.model() + " rescaled: a level shift inflated its sigma").build());
        return new Forecast(f.model(), point, s, f.innovationWeights(), intervals, IntervalMethod.ANALYTIC,
                f.evidence());
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** The last value, with a band as wide as the largest deviation from it seen so far (at least 25 % of it). */
    private static Forecast wideNaive(double[] y, int steps) {
        double last = y[y.length - 1];
        double spread = Math.max(1.0, WIDE_FLOOR * Math.abs(last));
        for (double v : y) {
            spread = Math.max(spread, Math.abs(v - last));
        }
        double[] point = new double[steps];
        double[] sigma = new double[steps];
        double[] weights = new double[steps];
        Arrays.fill(point, last);
        Arrays.fill(sigma, spread);
        Arrays.fill(weights, 1); // a random walk: a path that starts high stays high
        ModelEvidence.Builder ev = ModelEvidence.of("naive(insufficient history)")
                .param("history_points", y.length).param("min_history_points", MIN_HISTORY)
                .param("spread_floor_fraction", WIDE_FLOOR).param("spread", spread)
                .output("horizon_steps", steps).output("point_last", last).output("point_max", last)
                .series("point", point).series("sigma", sigma)
                .note("insufficient history: " + y.length + " points cannot be backtested; naive forecast with a wide"
                        + " empirical band (largest deviation from the last value, at least a quarter of it)");
        List<PredictionInterval> intervals = new ArrayList<>();
        for (double level : new double[] {LEVEL, 0.95}) {
            double z = N01.inverseCumulativeProbability(0.5 + level / 2);
            double[] lo = new double[steps];
            double[] hi = new double[steps];
            for (int i = 0; i < steps; i++) {
                lo[i] = last - z * spread;
                hi[i] = last + z * spread;
            }
            PredictionInterval pi = new PredictionInterval(level, lo, hi);
            intervals.add(pi);
            ev.series("lower_" + pi.percent(), lo).series("upper_" + pi.percent(), hi);
        }
        return new Forecast("naive(insufficient history)", point, sigma, weights, intervals, IntervalMethod.EMPIRICAL,
                ev.build());
    }
}
