package dev.failoverlab.harness.score;

import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * Wilcoxon signed-rank test on paired differences. Zero differences are dropped (Wilcoxon's convention; Commons
 * Math would count them as negative). Ranks are Commons Math mid-ranks. For n ≤ 30 the p-value is the exact
 * permutation p, counted by dynamic programming over the (doubled, so integral) ranks: identical to Commons
 * Math's exact p without ties, correct with ties, and O(n³) instead of Commons Math's O(n·2ⁿ) enumeration, which
 * takes minutes at n = 30. Above 30 it is Commons Math's normal approximation.
 */
public final class PairedWilcoxon {
    public static final int EXACT_LIMIT = 30;

    private PairedWilcoxon() {
    }

    /** Result of one test: non-zero pairs, two-sided p, and whether p is exact. */
    public record Result(int nonZero, double pValue, boolean exact) {
    }

    public static Result test(double[] differences) {
        int n = 0;
        for (double d : differences) {
            if (Double.isNaN(d)) {
                throw new IllegalArgumentException("paired difference is NaN: drop pairs without a value first");
            }
            if (d != 0) {
                n++;
            }
        }
        if (n == 0) {
            return new Result(0, 1.0, true);
        }
        double[] nonZero = new double[n];
        double[] abs = new double[n];
        int k = 0;
        for (double d : differences) {
            if (d != 0) {
                nonZero[k] = d;
                abs[k] = Math.abs(d);
                k++;
            }
        }
        if (n > EXACT_LIMIT) {
            double p = new WilcoxonSignedRankTest().wilcoxonSignedRankTest(nonZero, new double[n], false);
            return new Result(n, Math.min(1.0, p), false);
        }
        double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(abs);
        return new Result(n, exactP(nonZero, ranks), true);
    }

    /** Two-sided exact p: 2 × the smaller tail of the sign-flip distribution of W+, capped at 1. */
    static double exactP(double[] nonZero, double[] ranks) {
        int n = nonZero.length;
        int[] doubled = new int[n];
        int total = 0;
        int wPlus = 0;
        for (int i = 0; i < n; i++) {
            doubled[i] = (int) Math.round(2 * ranks[i]);
            total += doubled[i];
            if (nonZero[i] > 0) {
                wPlus += doubled[i];
            }
        }
        long[] ways = new long[total + 1];
        ways[0] = 1;
        for (int r : doubled) {
            for (int s = total; s >= r; s--) {
                ways[s] += ways[s - r];
            }
        }
        long atLeast = 0;
        long atMost = 0;
        for (int s = 0; s <= total; s++) {
            if (s >= wPlus) {
                atLeast += ways[s];
            }
            if (s <= wPlus) {
                atMost += ways[s];
            }
        }
        double outcomes = Math.pow(2, n);
        return Math.min(1.0, 2.0 * Math.min(atLeast, atMost) / outcomes);
    }
}
