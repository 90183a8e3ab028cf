package dev.failoverlab.workload;

import java.util.SplittableRandom;

/**
 * The CPU demand of one {@code GET /}: a draw with a given mean and coefficient of variation. CV 0 is a fixed
 * demand, CV 1 the exponential (the M/M/c service time), any other CV a gamma with shape 1/CV² and scale
 * mean·CV², which keeps the mean and matches the CV the simulator's workload model is fitted with.
 */
final class CpuDemand {

    private final double meanMs;
    private final double cv;
    private final double shape;
    private final double scaleMs;

    CpuDemand(double meanMs, double cv) {
        if (!(meanMs >= 0) || !(cv >= 0) || Double.isInfinite(meanMs) || Double.isInfinite(cv)) {
            throw new IllegalArgumentException("CPU demand needs a finite mean >= 0 and CV >= 0, got mean "
                    + meanMs + " and CV " + cv);
        }
        this.meanMs = meanMs;
        this.cv = cv;
        this.shape = cv == 0 ? 0 : 1 / (cv * cv);
        this.scaleMs = meanMs * cv * cv;
    }

    double meanMs() {
        return meanMs;
    }

    /** One demand in nanoseconds of thread CPU time. */
    long drawNanos(SplittableRandom random) {
        return Math.round(drawMs(random) * 1e6);
    }

    double drawMs(SplittableRandom random) {
        if (meanMs == 0 || cv == 0) {
            return meanMs;
        }
        if (cv == 1) {
            return meanMs * random.nextExponential();
        }
        return scaleMs * gamma(shape, random);
    }

    /**
     * Marsaglia and Tsang (2000) for shape >= 1; for shape < 1 the boost Gamma(k) = Gamma(k+1)·U^(1/k), which is
     * exact and keeps the same rejection sampler.
     */
    static double gamma(double shape, SplittableRandom random) {
        if (shape < 1) {
            double u = random.nextDouble();
            return gamma(shape + 1, random) * Math.pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = random.nextGaussian();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
