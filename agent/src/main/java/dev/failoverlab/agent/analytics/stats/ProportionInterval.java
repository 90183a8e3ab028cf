package dev.failoverlab.agent.analytics.stats;

import dev.failoverlab.agent.analytics.ModelEvidence;
import dev.failoverlab.agent.analytics.HasEvidence;

/**
 * A proportion with its confidence interval, e.g. an error rate of 12 in 2,400 requests.
 *
 * @param successes  events counted (errors)
 * @param trials     opportunities (requests)
 * @param estimate   {@code successes / trials}
 * @param lower      lower confidence bound
 * @param upper      upper confidence bound
 * @param confidence nominal coverage, e.g. 0.95
 * @param evidence   method, inputs and the values above
 */
public record ProportionInterval(long successes, long trials, double estimate, double lower, double upper,
        double confidence, ModelEvidence evidence) implements HasEvidence {
}
