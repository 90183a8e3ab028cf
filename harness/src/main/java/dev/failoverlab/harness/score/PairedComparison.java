package dev.failoverlab.harness.score;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A paired Wilcoxon signed-rank comparison of two policies on one metric.
 *
 * @param scope          the scenario name, or {@code suite} when all (scenario, seed) pairs are pooled
 * @param pairs          pairs compared (runs of both policies with the same scenario and seed)
 * @param nonZeroPairs   pairs whose difference is not zero (the test's n; zero differences are dropped)
 * @param meanDifference mean of {@code a − b} over the pairs
 * @param pValue         two-sided p; exact permutation p for n ≤ 30, normal approximation above
 */
public record PairedComparison(String scope, Metric metric, String a, String b, int pairs, int nonZeroPairs,
                               double meanDifference, double pValue, boolean exact) {
    /** Significance level of the verdict. */
    public static final double ALPHA = 0.05;

    public boolean identical() {
        return nonZeroPairs == 0;
    }

    public boolean differs() {
        return !identical() && pValue < ALPHA;
    }

    /** Plain words: {@code differs (p = 0.031)}, {@code no significant difference (p = 0.41, n = 5)}. */
    public String verdict() {
        if (identical()) {
            return "identical (p = 1, n = " + pairs + ")";
        }
        if (differs()) {
            return "differs (" + pIs(pValue) + ")";
        }
        return "no significant difference (" + pIs(pValue) + ", n = " + pairs + ")";
    }

    /** The policy with the lower mean (the better one for violation seconds and cost), or null if equal. */
    public String lower() {
        if (meanDifference < 0) {
            return a;
        }
        return meanDifference > 0 ? b : null;
    }

    /** Three significant digits, no exponent; below 0.0001 shown as {@code < 0.0001}. */
    /** {@code p = 0.031}, or {@code p < 0.0001} for tiny values. */
    static String pIs(double p) {
        String f = formatP(p);
        return f.startsWith("<") ? "p " + f : "p = " + f;
    }

    public static String formatP(double p) {
        if (p < 1e-4) {
            return "< 0.0001";
        }
        String s = new BigDecimal(p).round(new MathContext(3)).stripTrailingZeros().toPlainString();
        return s;
    }

    /**
     * The smallest two-sided p an exact test can reach with {@code n} non-zero pairs: {@code 2 / 2^n}
     * (0.0625 for 5 seeds, so 5 seeds can never show p &lt; 0.05).
     */
    public static double smallestExactP(int n) {
        return Math.min(1.0, 2.0 / Math.pow(2, n));
    }
}
