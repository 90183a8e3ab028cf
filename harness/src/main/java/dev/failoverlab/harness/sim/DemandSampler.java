package dev.failoverlab.harness.sim;

import java.util.SplittableRandom;

/**
 * Draws a request's CPU demand multiplier X with mean 1 and a given coefficient of variation: fixed for cv 0,
 * exponential for cv 1, gamma(shape 1/cv², scale cv²) otherwise (Marsaglia–Tsang, with the
 * {@code U^(1/shape)} boost below shape 1). All draws come from the caller's stream, so a request's demand depends
 * only on its place in the arrival order.
 */
final class DemandSampler {
    private final double cv;
    private final double shape;
    private final double scale;
    private final boolean boost;
    private final double d;
    private final double c;
    private final double inverseShape;
    private double spareGaussian;
    private boolean hasSpare;

    DemandSampler(double cv) {
        if (!(cv >= 0) || Double.isInfinite(cv)) {
            throw new IllegalArgumentException("cpuCv must be a finite number >= 0, got " + cv);
        }
        this.cv = cv;
        this.shape = cv == 0 ? 1 : 1 / (cv * cv);
        this.scale = cv * cv;
        this.boost = shape < 1;
        double s = boost ? shape + 1 : shape;
        this.d = s - 1.0 / 3;
        this.c = 1 / Math.sqrt(9 * d);
        this.inverseShape = 1 / shape;
    }

    double next(SplittableRandom random) {
        if (cv == 0) {
            return 1.0;
        }
        if (cv == 1) {
            return -Math.log(1.0 - random.nextDouble());
        }
        double g = gamma(random);
        if (boost) {
            g *= Math.pow(1.0 - random.nextDouble(), inverseShape);
        }
        return g * scale;
    }

    private double gamma(SplittableRandom random) {
        while (true) {
            double x = gaussian(random);
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = 1.0 - random.nextDouble();
            double x2 = x * x;
            if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    /** Marsaglia's polar method; keeps the second value for the next call. */
    private double gaussian(SplittableRandom random) {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double m = Math.sqrt(-2 * Math.log(s) / s);
        spareGaussian = v * m;
        hasSpare = true;
        return u * m;
    }
}
