/**
 * Statistics for {@code POST /evaluate} and {@code POST /failover-assessment}: confidence intervals and tests for
 * error-rate proportions (Wilson, two-proportion z, Fisher exact), rank-sum tests on latency samples with effect
 * sizes, and the same questions answered from Prometheus-style cumulative histograms, which is all a production
 * agent has: {@code histogram_quantile}-compatible percentiles, order-statistic confidence intervals for them, and
 * two-histogram comparisons (chi-square homogeneity and a grouped rank-sum).
 */
package dev.failoverlab.agent.analytics.stats;
