package dev.failoverlab.agent.analytics.forecast;

import java.util.Locale;

/**
 * Smoothing parameters of an additive ETS model in error-correction form (Hyndman et al. 2008, ch. 3):
 * {@code l = l' + phi b' + alpha e}, {@code b = phi b' + beta e}, {@code s = s[-m] + gamma e}. Unused
 * components carry {@code beta = 0}, {@code gamma = 0}, {@code phi = 1}.
 *
 * <p>The constraints are the "usual" region of the forecast package: {@code 0 < alpha < 1},
 * {@code 0 <= beta <= alpha}, {@code 0 <= gamma <= 1 - alpha}, {@code 0 < phi <= 1}.
 */
public record EtsParameters(double alpha, double beta, double gamma, double phi) {

    public EtsParameters {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "alpha = %s must be in (0, 1)", alpha));
        }
        if (!(beta >= 0 && beta <= alpha)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "beta = %s must be in [0, alpha = %s]", beta, alpha));
        }
        if (!(gamma >= 0 && gamma <= 1 - alpha + 1e-12)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "gamma = %s must be in [0, 1 - alpha = %s]", gamma, 1 - alpha));
        }
        if (!(phi > 0 && phi <= 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "phi = %s must be in (0, 1]", phi));
        }
    }

    /** Parameters of simple exponential smoothing. */
    public static EtsParameters ses(double alpha) {
        return new EtsParameters(alpha, 0, 0, 1);
    }
}
