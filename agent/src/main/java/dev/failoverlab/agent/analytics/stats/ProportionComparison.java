package dev.failoverlab.agent.analytics.stats;

import dev.failoverlab.agent.analytics.ModelEvidence;
import dev.failoverlab.agent.analytics.HasEvidence;

/**
 * The comparison of two proportions, e.g. blue's error rate against green's.
 *
 * @param method           {@code two-proportion-z} or {@code fisher-exact}
 * @param p1               first proportion
 * @param p2               second proportion
 * @param difference       {@code p1 - p2}
 * @param differenceLower  lower confidence bound of the difference (Newcombe's hybrid score interval)
 * @param differenceUpper  upper confidence bound of the difference
 * @param statistic        z for the z-test, the observed count {@code x1} for Fisher's test
 * @param pValueTwoSided   P-value against "the proportions are equal"
 * @param pValueGreater    one-sided P-value against "p1 is not greater than p2"
 * @param evidence         inputs, why the method was chosen, and the values above
 */
public record ProportionComparison(String method, double p1, double p2, double difference, double differenceLower,
        double differenceUpper, double statistic, double pValueTwoSided, double pValueGreater, ModelEvidence evidence)
        implements HasEvidence {

    /** Whether {@code p1 > p2} at one-sided significance level {@code alpha}. */
    public boolean firstIsGreater(double alpha) {
        return pValueGreater < alpha;
    }
}
