package dev.failoverlab.agent.analytics.forecast;

import java.util.SplittableRandom;

/** Seeded synthetic series for the forecasting tests. */
final class Synthetic {

    private Synthetic() {
    }

    /** The true seasonal pattern used by {@link #seasonal}: a daily cycle with a sharper afternoon peak. */
    static double seasonalShape(int phase, int m) {
        double x = 2 * Math.PI * phase / m;
        return 10 * Math.sin(x) + 4 * Math.cos(2 * x);
    }

    /** {@code level + slope t + season(t) + N(0, noise^2)}. */
    static double[] seasonal(int n, int m, double level, double slope, double noise, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = level + slope * t + seasonalShape(t % m, m) + noise * r.nextGaussian();
        }
        return y;
    }

    /** A path of ETS(A,A,N) (local linear trend) with Gaussian innovations of sd {@code sigma}. */
    static double[] localTrend(int n, double level, double trend, double alpha, double beta, double sigma,
            long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y = new double[n];
        double l = level;
        double b = trend;
        for (int t = 0; t < n; t++) {
            double e = sigma * r.nextGaussian();
            y[t] = l + b + e;
            l = l + b + alpha * e;
            b = b + beta * e;
        }
        return y;
    }

    /** A path of ETS(A,N,N) (local level). */
    static double[] localLevel(int n, double level, double alpha, double sigma, SplittableRandom r) {
        double[] y = new double[n];
        double l = level;
        for (int t = 0; t < n; t++) {
            double e = sigma * r.nextGaussian();
            y[t] = l + e;
            l += alpha * e;
        }
        return y;
    }
}
