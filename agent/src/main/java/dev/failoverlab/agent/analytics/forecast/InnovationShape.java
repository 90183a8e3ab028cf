package dev.failoverlab.agent.analytics.forecast;

/**
 * Recognises innovation weights of the form {@code c_j = a + b (phi + phi^2 + ... + phi^j)} for {@code j >= 1}
 * — what SES, Holt, damped Holt, naive and OLS forecasts produce — so that a simulated path's step-h error
 * {@code sum_j c_j eps_(h-j)} can be accumulated in O(1) per step instead of O(h):
 * {@code e_h = c_0 eps_h + a S_h + b D_h} with {@code S_(h+1) = S_h + eps_h} and
 * {@code D_(h+1) = phi (S_(h+1) + D_h)}. Seasonal weights do not have this shape; callers fall back to the
 * direct convolution.
 */
record InnovationShape(double c0, double a, double b, double phi) {
    private static final double TOLERANCE = 1e-9;

    /** The shape of {@code c}, or null when the weights do not have it (e.g. seasonal models). */
    static InnovationShape of(double[] c) {
        int n = c.length;
        if (n < 2) {
            return new InnovationShape(c.length == 0 ? 1 : c[0], 0, 0, 0);
        }
        double d2 = n > 2 ? c[2] - c[1] : 0;
        double a;
        double b;
        double phi;
        if (Math.abs(d2) <= TOLERANCE * Math.max(1, Math.abs(c[1]))) {
            a = c[1];
            b = 0;
            phi = 0;
        } else {
            if (n < 4) {
                return null;
            }
            phi = (c[3] - c[2]) / d2;
            if (!(phi > 0) || !Double.isFinite(phi)) {
                return null;
            }
            b = d2 / (phi * phi);
            a = c[1] - b * phi;
        }
        InnovationShape shape = new InnovationShape(c[0], a, b, phi);
        return shape.reproduces(c) ? shape : null;
    }

    /** The step errors {@code e_h} of one path, accumulated recursively (for checking against the convolution). */
    double[] errors(double[] eps) {
        double[] e = new double[eps.length];
        double sum = 0;
        double damped = 0;
        for (int h = 0; h < eps.length; h++) {
            e[h] = c0 * eps[h] + a * sum + b * damped;
            sum += eps[h];
            damped = phi * (sum + damped);
        }
        return e;
    }

    private boolean reproduces(double[] c) {
        double w = 0;
        for (int j = 1; j < c.length; j++) {
            w = phi * (1 + w);
            double expected = a + b * w;
            if (Math.abs(expected - c[j]) > TOLERANCE * Math.max(1, Math.abs(c[j]))) {
                return false;
            }
        }
        return true;
    }
}
