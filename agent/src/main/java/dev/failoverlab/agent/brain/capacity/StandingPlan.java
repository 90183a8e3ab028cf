package dev.failoverlab.agent.brain.capacity;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A plan an executed {@code /optimize} left standing: the replicas per colour and the traffic split to reach, and
 * the limits later {@code /analyze} calls must respect until it expires (its replicas as floors, its budget as a
 * cap on scale-ups). {@code splitApplied} and {@code complete} record how far the hand-over has got; the plan is
 * immutable, progress makes a copy.
 *
 * @param id                 the optimize episode's id
 * @param createdAt          when {@code /optimize} executed it
 * @param expiresAt          end of {@code duration_minutes}; null for a plan that stands until replaced
 * @param replicas           target replicas per colour
 * @param splitPercent       target traffic percent per colour (sums to 100)
 * @param deployments        deployment name per colour
 * @param budgetPerHour      budget the autoscaler must stay within; null for none
 * @param pricePerReplicaHour price of one replica per colour
 * @param splitApplied       whether the split has been set (or already held)
 * @param complete           whether every colour has reached its replicas after the split
 */
record StandingPlan(
        String id,
        Instant createdAt,
        Instant expiresAt,
        Map<String, Integer> replicas,
        Map<String, Integer> splitPercent,
        Map<String, String> deployments,
        Double budgetPerHour,
        Map<String, Double> pricePerReplicaHour,
        boolean splitApplied,
        boolean complete) {

    StandingPlan {
        replicas = Map.copyOf(replicas);
        splitPercent = new LinkedHashMap<>(splitPercent);
        deployments = Map.copyOf(deployments);
        pricePerReplicaHour = Map.copyOf(pricePerReplicaHour);
    }

    @Override
    public Map<String, Integer> splitPercent() {
        return new LinkedHashMap<>(splitPercent);
    }

    boolean activeAt(Instant now) {
        return expiresAt == null || now.isBefore(expiresAt);
    }

    int replicas(String colour) {
        return replicas.getOrDefault(colour, 0);
    }

    StandingPlan withSplitApplied() {
        return new StandingPlan(id, createdAt, expiresAt, replicas, splitPercent, deployments, budgetPerHour,
                pricePerReplicaHour, true, complete);
    }

    StandingPlan completed() {
        return new StandingPlan(id, createdAt, expiresAt, replicas, splitPercent, deployments, budgetPerHour,
                pricePerReplicaHour, splitApplied, true);
    }

    /** The {@link dev.failoverlab.agent.brain.AgentState} entry holding the plan in force (at most one). */
    static final class Holder {
        private StandingPlan plan;

        synchronized StandingPlan get() {
            return plan;
        }

        synchronized void set(StandingPlan newPlan) {
            plan = newPlan;
        }

        /** The plan if it is still in force at {@code now}, else null. */
        synchronized StandingPlan activeAt(Instant now) {
            return plan != null && plan.activeAt(now) ? plan : null;
        }
    }
}
