package dev.failoverlab.agent.analytics.optimize;

import dev.failoverlab.agent.analytics.Require;

/**
 * The limits a plan must meet. Use {@code +Inf} for "no limit" on latency, error rate or budget and 0 for "no
 * availability target".
 *
 * @param maxLatencySeconds     limit on the response-time percentile (see {@link PlanProblem#latencyQuantile()})
 * @param maxErrorRate          limit on the fraction of failed requests
 * @param minAvailability       target fraction of requests served with enough pods up, e.g. 0.999
 * @param maxCostPerHour        budget per hour
 */
public record Constraints(double maxLatencySeconds, double maxErrorRate, double minAvailability,
        double maxCostPerHour) {

    public Constraints {
        if (!(maxLatencySeconds > 0)) {
            throw new IllegalArgumentException("maxLatencySeconds = " + maxLatencySeconds + " must be positive");
        }
        if (!(maxErrorRate >= 0)) {
            throw new IllegalArgumentException("maxErrorRate = " + maxErrorRate + " must be non-negative");
        }
        Require.inRange("minAvailability", minAvailability, 0, 1);
        if (!(maxCostPerHour >= 0)) {
            throw new IllegalArgumentException("maxCostPerHour = " + maxCostPerHour + " must be non-negative");
        }
    }

    /** The limit of {@code c}, in its own unit. */
    public double limit(Constraint c) {
        return switch (c) {
            case LATENCY -> maxLatencySeconds;
            case ERROR_RATE -> maxErrorRate;
            case AVAILABILITY -> minAvailability;
            case BUDGET -> maxCostPerHour;
        };
    }

    /** A copy with the limit of {@code c} replaced by {@code value}. */
    public Constraints with(Constraint c, double value) {
        return new Constraints(c == Constraint.LATENCY ? value : maxLatencySeconds,
                c == Constraint.ERROR_RATE ? value : maxErrorRate,
                c == Constraint.AVAILABILITY ? value : minAvailability,
                c == Constraint.BUDGET ? value : maxCostPerHour);
    }
}
