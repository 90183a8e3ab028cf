/**
 * Reading metrics the way Prometheus does: PromQL's increase, rate and histogram_quantile over the scrapes a
 * {@link dev.failoverlab.agent.port.ClusterView} returns. Shared by the baselines and the agent, so both read the
 * same numbers from the same series.
 */
package dev.failoverlab.agent.metrics;
