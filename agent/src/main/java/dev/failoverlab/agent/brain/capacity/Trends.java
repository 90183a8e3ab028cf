package dev.failoverlab.agent.brain.capacity;

import dev.failoverlab.agent.evidence.Evidence;
import dev.failoverlab.agent.metrics.PromQl;
import dev.failoverlab.agent.observe.ColorObservation;
import dev.failoverlab.agent.observe.ServiceObservation;
import dev.failoverlab.agent.port.ClusterUnavailableException;
import dev.failoverlab.agent.port.ClusterView;
import dev.failoverlab.agent.port.ScrapeSample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * The words of the runbook's analysis, each backed by a fitted model: how much traffic changed over the last
 * minutes (means of the newest minute against the minute three minutes earlier), whether load is trending upward
 * or accelerating (quadratic least squares on the last five minutes; a word is used only when its coefficient is
 * significant at 5 % and large enough to matter), and whether the service's p95 latency is trending upward (least
 * squares on the p95 of each scrape interval over five minutes).
 */
final class Trends {
    static final double SIGNIFICANCE = 0.05;
    /** A fitted rise smaller than this fraction of the level is not worth a word, however significant. */
    static final double MIN_RATE_RISE = 0.03;
    static final double MIN_LATENCY_RISE = 0.10;
    private static final int TREND_POINTS = 20;
    private static final int MIN_TREND_POINTS = 6;
    private static final int MIN_REQUESTS_PER_STEP = 20;

    /** Traffic change between two one-minute means {@code windowMinutes} apart; {@code change} NaN from zero. */
    record TrafficChange(double fromRps, double toRps, double change, double windowMinutes) {
    }

    /** What the fitted trend says in words. */
    record Trend(boolean upward, boolean accelerating) {
        static final Trend NONE = new Trend(false, false);
    }

    private Trends() {
    }

    /** Null with fewer than two points. */
    static TrafficChange trafficChange(double[] y, double stepSeconds, Evidence evidence) {
        int n = y.length;
        if (n < 2) {
            return null;
        }
        int k = Math.max(1, Math.min((int) Math.round(60 / stepSeconds), n / 2));
        int lag = Math.min((int) Math.round(180 / stepSeconds), n - k);
        double to = mean(y, n - k, n);
        double from = mean(y, n - k - lag, n - lag);
        double change = from > 0 ? to / from - 1 : Double.NaN;
        double minutes = lag * stepSeconds / 60;
        var m = evidence.model("traffic-change(means of the newest points vs the same span earlier)")
                .parameter("points_per_mean", k).parameter("lag_seconds", lag * stepSeconds)
                .parameter("window_minutes", minutes).output("from_rps", from).output("to_rps", to);
        if (Double.isFinite(change)) {
            m.output("change_fraction", change);
        }
        m.add();
        return new TrafficChange(from, to, change, minutes);
    }

    /** Trend words for the request rate (and so CPU, its linear function) from a quadratic fit. */
    static Trend rateTrend(double[] history, double stepSeconds, Evidence evidence) {
        int n = Math.min(TREND_POINTS, history.length);
        if (n < MIN_TREND_POINTS) {
            return Trend.NONE;
        }
        double[] y = Arrays.copyOfRange(history, history.length - n, history.length);
        double[][] x = new double[n][2];
        for (int i = 0; i < n; i++) {
            double t = (i - (n - 1)) * stepSeconds / 60; // minutes before the newest point
            x[i][0] = t;
            x[i][1] = t * t;
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(y, x);
        double[] b;
        double[] se;
        try {
            b = ols.estimateRegressionParameters();
            se = ols.estimateRegressionParametersStandardErrors();
        } catch (RuntimeException e) {
            return Trend.NONE; // a singular design: nothing to say
        }
        TDistribution t = new TDistribution(null, n - 3);
        double slope = b[1];
        double acceleration = 2 * b[2];
        double pSlope = pValue(slope, se[1], t);
        double pCurve = pValue(b[2], se[2], t);
        double level = Math.max(Math.abs(b[0]), 1e-9);
        double window = (n - 1) * stepSeconds / 60;
        double rise = slope * window / level;
        boolean upward = slope > 0 && pSlope < SIGNIFICANCE && rise >= MIN_RATE_RISE;
        boolean accelerating = acceleration > 0 && pCurve < SIGNIFICANCE && slope >= 0
                && acceleration * window * window / 2 / level >= MIN_RATE_RISE;
        evidence.model("rate-trend(quadratic least squares, newest points)").parameter("points", n)
                .parameter("window_minutes", window).parameter("significance", SIGNIFICANCE)
                .parameter("min_rise_fraction", MIN_RATE_RISE).fit("r_squared", ols.calculateRSquared())
                .output("level_rps", b[0]).output("slope_rps_per_minute", slope).output("slope_p_value", pSlope)
                .output("acceleration_rps_per_minute2", acceleration).output("acceleration_p_value", pCurve)
                .output("fitted_rise_fraction", rise).output("trending_upward", upward ? 1 : 0)
                .output("accelerating", accelerating ? 1 : 0).add();
        return new Trend(upward, accelerating);
    }

    /** Whether the service's p95 rose over the last five minutes, from each scrape interval's histogram. */
    static Trend latencyTrend(ClusterView view, ServiceObservation obs, Evidence evidence) {
        double step = obs.historyStepSeconds();
        int steps = TREND_POINTS;
        double[][] perStep = null;
        double[] bounds = null;
        for (ColorObservation c : obs.colors()) {
            List<ScrapeSample> s;
            try {
                s = PromQl.select(view.scrapes(c.color(), Duration.ofSeconds((long) (step * (steps + 2)))),
                        obs.at(), Duration.ofSeconds((long) (step * (steps + 1))));
            } catch (ClusterUnavailableException e) {
                evidence.missing("latency trend: scrapes of " + c.color() + " unavailable (" + e.getMessage() + ")");
                return Trend.NONE;
            }
            for (int i = Math.max(1, s.size() - steps); i < s.size(); i++) {
                ScrapeSample a = s.get(i - 1);
                ScrapeSample b = s.get(i);
                if (bounds == null) {
                    bounds = b.bucketUpperMs().clone();
                    perStep = new double[steps][bounds.length];
                }
                if (!Arrays.equals(bounds, b.bucketUpperMs()) || !Arrays.equals(bounds, a.bucketUpperMs())) {
                    continue;
                }
                int slot = steps - (s.size() - i);
                for (int k = 0; k < bounds.length; k++) {
                    perStep[slot][k] += Math.max(0, b.bucketCounts()[k] - a.bucketCounts()[k]);
                }
            }
        }
        if (perStep == null) {
            return Trend.NONE;
        }
        SimpleRegression reg = new SimpleRegression();
        List<Double> p95 = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            if (perStep[i][bounds.length - 1] >= MIN_REQUESTS_PER_STEP) {
                double q = PromQl.histogramQuantile(0.95, bounds, perStep[i]);
                reg.addData((i - (steps - 1)) * step / 60, q);
                p95.add(q);
            }
        }
        if (reg.getN() < MIN_TREND_POINTS) {
            return Trend.NONE;
        }
        double slope = reg.getSlope();
        double p = reg.getMeanSquareError() > 0 ? reg.getSignificance() : (slope != 0 ? 0 : 1);
        double window = (steps - 1) * step / 60;
        double start = reg.predict(-window);
        double rise = start > 0 ? slope * window / start : 0;
        boolean upward = slope > 0 && p < SIGNIFICANCE && rise >= MIN_LATENCY_RISE;
        evidence.model("latency-trend(least squares on p95 per scrape interval)").parameter("points", reg.getN())
                .parameter("window_minutes", window).parameter("significance", SIGNIFICANCE)
                .parameter("min_rise_fraction", MIN_LATENCY_RISE).output("slope_ms_per_minute", slope)
                .output("slope_p_value", p).output("fitted_rise_fraction", rise)
                .output("trending_upward", upward ? 1 : 0).add();
        return new Trend(upward, false);
    }

    /** The service's p95 over the window from both colours' histograms merged; NaN without data. */
    static double serviceP95(ServiceObservation obs, Evidence evidence) {
        double[] bounds = null;
        double[] sum = null;
        for (ColorObservation c : obs.colors()) {
            if (c.bucketCounts() == null) {
                continue;
            }
            if (sum == null) {
                bounds = c.bucketUpperMs();
                sum = new double[bounds.length];
            }
            if (!Arrays.equals(bounds, c.bucketUpperMs())) {
                continue;
            }
            for (int i = 0; i < sum.length; i++) {
                sum[i] += c.bucketCounts()[i];
            }
        }
        if (sum == null || sum[sum.length - 1] <= 0) {
            return Double.NaN;
        }
        double p95 = PromQl.histogramQuantile(0.95, bounds, sum);
        evidence.model("service-latency(merged histogram, histogram_quantile)").parameter("quantile", 0.95)
                .parameter("requests", sum[sum.length - 1]).output("p95_ms", p95).add();
        return p95;
    }

    private static double pValue(double coefficient, double se, TDistribution t) {
        if (!(se > 0)) {
            return coefficient == 0 ? 1 : 0;
        }
        return 2 * (1 - t.cumulativeProbability(Math.abs(coefficient / se)));
    }

    private static double mean(double[] y, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += y[i];
        }
        return s / (to - from);
    }
}
