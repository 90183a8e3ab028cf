package dev.failoverlab.agent.analytics.optimize;

/**
 * The smallest change of one constraint, others kept, that makes some plan feasible.
 *
 * @param constraint      the constraint relaxed
 * @param currentLimit    its limit in the request
 * @param requiredLimit   the least relaxed limit that admits a plan (NaN when relaxing it alone is not enough)
 * @param relativeChange  size of the change: ratio minus one of the limits, for availability of the
 *                        unavailabilities ({@code (1 - A') / (1 - A) - 1}); +Inf when not sufficient
 * @param sufficient      whether relaxing this constraint alone admits a plan
 * @param plan            the cheapest plan under the relaxed limit, or null
 */
public record Relaxation(Constraint constraint, double currentLimit, double requiredLimit, double relativeChange,
        boolean sufficient, PlanOutcome plan) {
}
