package dev.failoverlab.agent.analytics.stats;

import dev.failoverlab.agent.analytics.ModelEvidence;
import dev.failoverlab.agent.analytics.HasEvidence;

/**
 * A Mann-Whitney U (Wilcoxon rank-sum) comparison of sample {@code x} (e.g. blue's latencies) against {@code y}.
 *
 * @param n1                      size of x
 * @param n2                      size of y
 * @param u                       U statistic of x: pairs with {@code x > y}, ties counted one half
 * @param method                  {@code exact} (no ties, small samples) or {@code normal} (tie-corrected, with
 *                                continuity correction)
 * @param pValueTwoSided          P-value against "same distribution"
 * @param pValueGreater           one-sided P-value against "x is not stochastically greater than y"
 * @param probabilityOfSuperiority {@code U / (n1 n2)}: P(x &gt; y) + P(x = y) / 2, the common-language effect size
 * @param rankBiserial            {@code 2 A - 1}, in [-1, 1]
 * @param shift                   Hodges-Lehmann estimate of the location shift x - y (median pairwise difference)
 * @param shiftLower              lower bound of the Moses confidence interval for the shift
 * @param shiftUpper              upper bound of the Moses confidence interval for the shift
 * @param confidence              coverage of the shift interval
 * @param evidence                inputs and the values above
 */
public record RankSumResult(int n1, int n2, double u, String method, double pValueTwoSided, double pValueGreater,
        double probabilityOfSuperiority, double rankBiserial, double shift, double shiftLower, double shiftUpper,
        double confidence, ModelEvidence evidence) implements HasEvidence {
}
