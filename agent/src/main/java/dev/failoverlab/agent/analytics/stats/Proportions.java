package dev.failoverlab.agent.analytics.stats;

import dev.failoverlab.agent.analytics.ModelEvidence;
import dev.failoverlab.agent.analytics.Require;
import java.util.Locale;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Confidence intervals for a single proportion by the Wilson score method (Wilson 1927). Error rates are small
 * proportions measured over a few hundred requests, exactly where the textbook Wald interval collapses (0 errors
 * in 10 requests gives [0, 0]); Wilson's interval keeps nominal coverage there (Brown, Cai &amp; DasGupta 2001) and
 * gives 0 of 10 an upper bound of 27.8 %, which is the honest answer to "is green error-free?".
 */
public final class Proportions {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private Proportions() {
    }

    /** The two-sided standard normal quantile for {@code confidence}, e.g. 1.95996 for 0.95. */
    static double z(double confidence) {
        Require.openUnit("confidence", confidence);
        return STANDARD_NORMAL.inverseCumulativeProbability(0.5 + confidence / 2);
    }

    /**
     * Wilson score interval for {@code successes} out of {@code trials}.
     *
     * @throws IllegalArgumentException when {@code trials == 0}: with no observations there is no estimate, and
     *                                  the caller must say "no data" rather than print [0, 1]
     */
    public static ProportionInterval wilson(long successes, long trials, double confidence) {
        checkCounts(successes, trials, "");
        double z = z(confidence);
        double[] bounds = wilsonBounds(successes, trials, z);
        double p = (double) successes / trials;
        ModelEvidence evidence = ModelEvidence.of("wilson-score-interval")
                .param("successes", successes).param("trials", trials).param("confidence", confidence)
                .param("z", z)
                .output("estimate", p).output("lower", bounds[0]).output("upper", bounds[1])
                .build();
        return new ProportionInterval(successes, trials, p, bounds[0], bounds[1], confidence, evidence);
    }

    /** Wilson interval at 95 %. */
    public static ProportionInterval wilson(long successes, long trials) {
        return wilson(successes, trials, 0.95);
    }

    static double[] wilsonBounds(long successes, long trials, double z) {
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        // clamp the rounding error at the edges: 0 successes must give exactly 0
        double lower = successes == 0 ? 0 : Math.max(0, centre - half);
        double upper = successes == trials ? 1 : Math.min(1, centre + half);
        return new double[] {lower, upper};
    }

    static void checkCounts(long successes, long trials, String which) {
        Require.count("successes" + which, successes);
        Require.count("trials" + which, trials);
        if (trials == 0) {
            throw new IllegalArgumentException("trials" + which + " = 0: no requests observed, so there is no rate to"
                    + " estimate; report 'no data' for this window");
        }
        if (successes > trials) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "successes%s = %d exceeds trials%s = %d; check that errors are counted within the same window",
                    which, successes, which, trials));
        }
    }
}
