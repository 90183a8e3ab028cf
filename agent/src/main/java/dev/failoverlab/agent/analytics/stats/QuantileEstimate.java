package dev.failoverlab.agent.analytics.stats;

import dev.failoverlab.agent.analytics.ModelEvidence;
import dev.failoverlab.agent.analytics.HasEvidence;

/**
 * A percentile read from a histogram, with a distribution-free confidence interval.
 *
 * @param q                  the quantile, e.g. 0.95
 * @param value              {@code histogram_quantile(q)}: linear interpolation inside the bucket
 * @param lower              interpolated value of the lower order statistic
 * @param upper              interpolated value of the upper order statistic
 * @param lowerConservative  lower edge of the bucket holding the lower order statistic (coverage guaranteed
 *                           whatever the shape inside buckets)
 * @param upperConservative  upper edge of the bucket holding the upper order statistic; {@code +Inf} when it is
 *                           the overflow bucket or the sample is too small for an upper bound
 * @param count              observations in the histogram
 * @param confidence         nominal coverage of the interval
 * @param evidence           method, ranks and the values above
 */
public record QuantileEstimate(double q, double value, double lower, double upper, double lowerConservative,
        double upperConservative, long count, double confidence, ModelEvidence evidence) implements HasEvidence {
}
