package dev.failoverlab.agent.analytics.forecast;

import dev.failoverlab.agent.analytics.ModelEvidence;
import dev.failoverlab.agent.analytics.Require;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Turns a {@link Forecast} into the probability that the series exceeds a threshold at some step of the horizon,
 * and the distribution of the first crossing. The maximum of correlated Gaussian steps has no closed form, so
 * sample paths are simulated with a seeded {@link SplittableRandom}: the step-h error is the innovation sum
 * {@code sum_j c_j eps_{h-j}} of the model, rescaled so each step has exactly the forecast's sigma, which keeps the
 * steps' correlation (a path that starts high stays high) instead of treating them as independent. The estimate is
 * checked against two model-free bounds that are always reported: {@code max_h P_h} below and the Bonferroni
 * {@code min(1, sum_h P_h)} above. Cost is {@code paths x horizon^2 / 2} multiply-adds (10,000 paths of 48 steps:
 * about 12 million, a few milliseconds).
 */
public final class ExceedanceProbability {

    /** Default number of simulated paths: standard error at most 0.005. */
    public static final int DEFAULT_PATHS = 10_000;

    /** Upper limit on {@code paths x horizon^2 / 2}, about half a second of work. */
    static final double MAX_WORK = 5e8;

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private ExceedanceProbability() {
    }

    /**
     * Estimates P(max over the horizon &gt; threshold).
     *
     * @param forecast      the forecast (point, sigma and innovation weights are used)
     * @param threshold     crossing level, in the series' unit
     * @param originSeconds time of the last observation, reported back for the caller's clock arithmetic
     * @param stepSeconds   seconds between forecast steps
     * @param paths         simulated paths (at least 100)
     * @param seed          seed of the path generator; same seed, same answer
     */
    public static Exceedance estimate(Forecast forecast, double threshold, double originSeconds, double stepSeconds,
            int paths, long seed) {
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold = " + threshold + " must be finite");
        }
        Require.positive("stepSeconds", stepSeconds);
        Require.atLeast("paths", paths, 100);
        double[] point = forecast.point();
        double[] sigma = forecast.sigma();
        double[] c = forecast.innovationWeights();
        int horizon = point.length;
        if ((double) paths * horizon * horizon / 2 > MAX_WORK) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%d paths of %d steps need %.3g multiply-adds (limit %.0g); use fewer paths or a coarser step",
                    paths, horizon, (double) paths * horizon * horizon / 2, MAX_WORK));
        }
        double[] scale = new double[horizon];
        double[] stepP = new double[horizon];
        double cumulative = 0;
        double sumP = 0;
        double maxP = 0;
        for (int h = 0; h < horizon; h++) {
            cumulative += c[h] * c[h];
            scale[h] = cumulative > 0 ? sigma[h] / Math.sqrt(cumulative) : 0;
            stepP[h] = sigma[h] > 0 ? 1 - STANDARD_NORMAL.cumulativeProbability((threshold - point[h]) / sigma[h])
                    : (point[h] > threshold ? 1 : 0);
            sumP += stepP[h];
            maxP = Math.max(maxP, stepP[h]);
        }
        long[] firstAt = new long[horizon];
        long crossed = 0;
        SplittableRandom random = new SplittableRandom(seed);
        double[] eps = new double[horizon];
        // non-seasonal weights accumulate in O(1) per step; others need the O(h) convolution
        InnovationShape shape = InnovationShape.of(c);
        for (int p = 0; p < paths; p++) {
            for (int h = 0; h < horizon; h++) {
                eps[h] = random.nextGaussian();
            }
            int first = shape != null ? firstCrossingRecursive(shape, eps, point, scale, threshold)
                    : firstCrossingConvolved(c, eps, point, scale, threshold);
            if (first >= 0) {
                firstAt[first]++;
                crossed++;
            }
        }
        double probability = (double) crossed / paths;
        double[] firstP = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            firstP[h] = (double) firstAt[h] / paths;
        }
        double se = Math.sqrt(probability * (1 - probability) / paths);
        double upper = Math.min(1, sumP);
        ModelEvidence.Builder ev = ModelEvidence.of("exceedance(" + forecast.model() + ", monte-carlo)")
                .param("threshold", threshold).param("horizon_steps", horizon).param("step_seconds", stepSeconds)
                .param("origin_seconds", originSeconds).param("paths", paths).param("seed", seed)
                .fit("monte_carlo_standard_error", se)
                .output("probability", probability).output("lower_bound", maxP).output("upper_bound", upper)
                .series("step_probability", stepP).series("first_crossing_probability", firstP)
                .note("paths keep the model's step correlation; bounds are max_h P_h and min(1, sum_h P_h)");
        Exceedance provisional = new Exceedance(threshold, probability, se, maxP, upper, stepP, firstP,
                originSeconds, stepSeconds, ev.build());
        if (crossed > 0) {
            ev.output("expected_first_crossing_seconds", provisional.expectedFirstCrossingSeconds())
                    .output("first_crossing_p25_seconds", provisional.firstCrossingQuantileSeconds(0.25))
                    .output("first_crossing_median_seconds", provisional.firstCrossingQuantileSeconds(0.5))
                    .output("first_crossing_p75_seconds", provisional.firstCrossingQuantileSeconds(0.75));
        } else {
            ev.note("no simulated path crossed the threshold; crossing times are undefined");
        }
        return new Exceedance(threshold, probability, se, maxP, upper, stepP, firstP, originSeconds, stepSeconds,
                ev.build());
    }

    /** {@link #estimate} with {@link #DEFAULT_PATHS} paths. */
    public static Exceedance estimate(Forecast forecast, double threshold, double originSeconds, double stepSeconds,
            long seed) {
        return estimate(forecast, threshold, originSeconds, stepSeconds, DEFAULT_PATHS, seed);
    }

    /** First step at which the path crosses, or -1; the direct convolution {@code sum_j c_j eps_(h-j)}. */
    private static int firstCrossingConvolved(double[] c, double[] eps, double[] point, double[] scale,
            double threshold) {
        for (int h = 0; h < point.length; h++) {
            double e = 0;
            for (int j = 0; j <= h; j++) {
                if (c[j] != 0) {
                    e += c[j] * eps[h - j];
                }
            }
            if (point[h] + scale[h] * e > threshold) {
                return h;
            }
        }
        return -1;
    }

    /** The same crossing with the error accumulated recursively (see {@link InnovationShape}). */
    private static int firstCrossingRecursive(InnovationShape shape, double[] eps, double[] point, double[] scale,
            double threshold) {
        double sum = 0;
        double damped = 0;
        for (int h = 0; h < point.length; h++) {
            double e = shape.c0() * eps[h] + shape.a() * sum + shape.b() * damped;
            if (point[h] + scale[h] * e > threshold) {
                return h;
            }
            sum += eps[h];
            damped = shape.phi() * (sum + damped);
        }
        return -1;
    }
}
