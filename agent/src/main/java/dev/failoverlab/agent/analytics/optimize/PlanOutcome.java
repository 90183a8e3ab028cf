package dev.failoverlab.agent.analytics.optimize;

import java.util.List;

/**
 * A plan and its predicted outcomes at the expected load.
 *
 * @param allocations         first colour, then second
 * @param latencySeconds      predicted response-time quantile of the whole service (+Inf when the slow fraction
 *                            alone exceeds the quantile's tail)
 * @param latencyExceedance   predicted fraction of requests slower than the latency limit
 * @param errorRate           predicted fraction of failed requests
 * @param availability        predicted fraction of requests served by a colour with enough pods up
 * @param costPerHour         replicas times price
 */
public record PlanOutcome(List<ColourAllocation> allocations, double latencySeconds, double latencyExceedance,
        double errorRate, double availability, double costPerHour) {

    public PlanOutcome {
        allocations = List.copyOf(allocations);
    }

    /** Share of traffic on the second colour. */
    public double secondShare() {
        return allocations.get(1).share();
    }

    public int replicas(int colourIndex) {
        return allocations.get(colourIndex).replicas();
    }
}
