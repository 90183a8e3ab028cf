package dev.failoverlab.agent.analytics.optimize;

/**
 * One colour's part of a plan.
 *
 * @param colour       colour name
 * @param replicas     replicas to run
 * @param share        fraction of traffic routed to it
 * @param arrivalRate  requests per second it receives
 * @param utilisation  {@code arrivalRate / (replicas x serviceRatePerPod)} (0 without traffic)
 */
public record ColourAllocation(String colour, int replicas, double share, double arrivalRate, double utilisation) {
}
