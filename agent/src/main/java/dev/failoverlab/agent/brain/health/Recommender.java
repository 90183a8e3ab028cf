package dev.failoverlab.agent.brain.health;

import java.util.Map;

/**
 * Turns a health assessment into a recommendation without acting or changing the agent's plans, so
 * {@code /evaluate} recommends exactly what {@code /failover-assessment} would decide. Implemented by the failover
 * planner; passed in so this package does not depend on it.
 */
@FunctionalInterface
public interface Recommender {

    /** @param context business context ({@code time_of_day}, {@code user_tolerance}, ...), possibly empty */
    Recommendation recommend(ServiceHealth health, Map<String, String> context);
}
