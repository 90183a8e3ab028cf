package dev.failoverlab.agent.analytics.stats;

import dev.failoverlab.agent.analytics.ModelEvidence;
import java.util.Locale;
import org.apache.commons.math3.distribution.HypergeometricDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Tests whether two error rates differ: the pooled two-proportion z-test when every expected cell of the 2x2 table
 * is at least 5 (Cochran's rule), Fisher's exact test otherwise, because a colour with 3 errors in 200 requests is
 * the normal case for the agent and the z approximation is poor there. Two-sided Fisher P-values sum the
 * probabilities of all tables no more likely than the observed one (the convention of R's fisher.test). The
 * difference comes with Newcombe's (1998, method 10) hybrid score interval, built from the two Wilson intervals,
 * which stays inside [-1, 1] and keeps coverage for rates near 0.
 */
public final class TwoProportionTest {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);
    private static final double MIN_EXPECTED = 5;

    private TwoProportionTest() {
    }

    /** Compares {@code x1/n1} with {@code x2/n2}, choosing the test by Cochran's rule. */
    public static ProportionComparison compare(long x1, long n1, long x2, long n2, double confidence) {
        checkCounts(x1, n1, x2, n2);
        double minExpected = minExpectedCell(x1, n1, x2, n2);
        return minExpected >= MIN_EXPECTED ? zTest(x1, n1, x2, n2, confidence)
                : fisher(x1, n1, x2, n2, confidence);
    }

    /** The pooled two-proportion z-test. */
    public static ProportionComparison zTest(long x1, long n1, long x2, long n2, double confidence) {
        checkCounts(x1, n1, x2, n2);
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double pooled = (double) (x1 + x2) / (n1 + n2);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        double z = se == 0 ? 0 : (p1 - p2) / se;
        double greater = se == 0 ? 0.5 : 1 - STANDARD_NORMAL.cumulativeProbability(z);
        double twoSided = se == 0 ? 1 : 2 * (1 - STANDARD_NORMAL.cumulativeProbability(Math.abs(z)));
        return result("two-proportion-z", x1, n1, x2, n2, confidence, z, twoSided, greater);
    }

    /** Fisher's exact test on the 2x2 table {@code [[x1, n1 - x1], [x2, n2 - x2]]}. */
    public static ProportionComparison fisher(long x1, long n1, long x2, long n2, double confidence) {
        checkCounts(x1, n1, x2, n2);
        if (n1 + n2 > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Fisher's exact test is for small counts; n1 + n2 = " + (n1 + n2)
                    + " is too large, use zTest");
        }
        HypergeometricDistribution h = new HypergeometricDistribution(null, (int) (n1 + n2), (int) (x1 + x2),
                (int) n1);
        int observed = (int) x1;
        double pObserved = h.probability(observed);
        double twoSided = 0;
        for (int k = h.getSupportLowerBound(); k <= h.getSupportUpperBound(); k++) {
            double pk = h.probability(k);
            if (pk <= pObserved * (1 + 1e-7)) {
                twoSided += pk;
            }
        }
        double greater = h.upperCumulativeProbability(observed);
        return result("fisher-exact", x1, n1, x2, n2, confidence, x1, Math.min(1, twoSided), Math.min(1, greater));
    }

    private static ProportionComparison result(String method, long x1, long n1, long x2, long n2, double confidence,
            double statistic, double twoSided, double greater) {
        double z = Proportions.z(confidence);
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double[] w1 = Proportions.wilsonBounds(x1, n1, z);
        double[] w2 = Proportions.wilsonBounds(x2, n2, z);
        double d = p1 - p2;
        double lower = d - Math.sqrt(sq(p1 - w1[0]) + sq(w2[1] - p2));
        double upper = d + Math.sqrt(sq(w1[1] - p1) + sq(p2 - w2[0]));
        double minExpected = minExpectedCell(x1, n1, x2, n2);
        ModelEvidence evidence = ModelEvidence.of(method)
                .param("x1", x1).param("n1", n1).param("x2", x2).param("n2", n2).param("confidence", confidence)
                .param("min_expected_cell", minExpected)
                .output("p1", p1).output("p2", p2).output("difference", d)
                .output("difference_lower", lower).output("difference_upper", upper)
                .output("statistic", statistic).output("p_value_two_sided", twoSided)
                .output("p_value_greater", greater)
                .note(String.format(Locale.ROOT, "smallest expected cell %.2f; Fisher's exact test is used below %.0f",
                        minExpected, MIN_EXPECTED))
                .note("difference interval: Newcombe hybrid score (method 10)")
                .build();
        return new ProportionComparison(method, p1, p2, d, lower, upper, statistic, twoSided, greater, evidence);
    }

    private static double minExpectedCell(long x1, long n1, long x2, long n2) {
        double total = n1 + n2;
        double successes = x1 + x2;
        double failures = total - successes;
        return Math.min(Math.min(n1, n2) * successes / total, Math.min(n1, n2) * failures / total);
    }

    private static void checkCounts(long x1, long n1, long x2, long n2) {
        Proportions.checkCounts(x1, n1, " (first group)");
        Proportions.checkCounts(x2, n2, " (second group)");
    }

    private static double sq(double v) {
        return v * v;
    }
}
