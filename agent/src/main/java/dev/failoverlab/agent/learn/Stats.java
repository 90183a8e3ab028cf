package dev.failoverlab.agent.learn;

import org.apache.commons.math3.distribution.TDistribution;

/** The few interval estimates the learner reports, each at 95 % confidence. */
final class Stats {
    static final double CONFIDENCE = 0.95;
    private static final double Z95 = 1.959963984540054;

    private Stats() {
    }

    /** An estimate with its 95 % interval. */
    record Interval(double estimate, double low, double high) {
        boolean excludesZero() {
            return low > 0 || high < 0;
        }

        Interval negate() {
            return new Interval(-estimate, -high, -low);
        }
    }

    /** Wilson score interval for a proportion; well-behaved for small n and for rates near 0 or 1. */
    static Interval wilson(int successes, int n) {
        if (n <= 0 || successes < 0 || successes > n) {
            throw new IllegalArgumentException("need 0 <= successes <= n and n > 0, got " + successes + " of " + n);
        }
        double p = (double) successes / n;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new Interval(p, Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /**
     * Mean of a series of paired differences with a batch-means interval: the series (in time order) is cut into
     * {@code batches} consecutive batches and the t interval is taken over batch means, so autocorrelation between
     * neighbouring observations does not make the interval falsely narrow.
     */
    static Interval batchMeans(double[] series, int batches) {
        int n = series.length;
        if (batches < 2 || n < batches) {
            throw new IllegalArgumentException("need at least 2 batches and one value per batch, got " + batches
                    + " batches for " + n + " values");
        }
        double[] sums = new double[batches];
        int[] counts = new int[batches];
        double total = 0;
        for (int i = 0; i < n; i++) {
            int b = (int) ((long) i * batches / n);
            sums[b] += series[i];
            counts[b]++;
            total += series[i];
        }
        double[] means = new double[batches];
        for (int b = 0; b < batches; b++) {
            means[b] = sums[b] / counts[b];
        }
        double half = tQuantile(batches - 1) * Math.sqrt(variance(means) / batches);
        double mean = total / n;
        return new Interval(mean, mean - half, mean + half);
    }

    /** Difference of means {@code a - b} with Welch's interval (unequal variances). */
    static Interval welch(double[] a, double[] b) {
        if (a.length < 2 || b.length < 2) {
            throw new IllegalArgumentException("Welch's interval needs at least 2 values per group, got "
                    + a.length + " and " + b.length);
        }
        double va = variance(a) / a.length;
        double vb = variance(b) / b.length;
        double diff = mean(a) - mean(b);
        double se = Math.sqrt(va + vb);
        if (se == 0) {
            return new Interval(diff, diff, diff);
        }
        double df = (va + vb) * (va + vb)
                / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
        double half = tQuantile(df) * se;
        return new Interval(diff, diff - half, diff + half);
    }

    /**
     * One-sided 95 % lower bound of the mean of paired differences (t distribution); the mean itself when all
     * differences are equal.
     */
    static double lowerBound(double[] differences) {
        if (differences.length < 2) {
            throw new IllegalArgumentException("a lower bound needs at least 2 differences, got " + differences.length);
        }
        double m = mean(differences);
        double sd = Math.sqrt(variance(differences));
        if (sd == 0) {
            return m;
        }
        double t = new TDistribution(null, differences.length - 1).inverseCumulativeProbability(CONFIDENCE);
        return m - t * sd / Math.sqrt(differences.length);
    }

    static double mean(double[] xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s / xs.length;
    }

    /** Sample variance (n - 1 in the denominator). */
    static double variance(double[] xs) {
        double m = mean(xs);
        double s = 0;
        for (double x : xs) {
            s += (x - m) * (x - m);
        }
        return s / (xs.length - 1);
    }

    private static double tQuantile(double degreesOfFreedom) {
        return new TDistribution(null, degreesOfFreedom).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
    }
}
