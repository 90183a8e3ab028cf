package dev.failoverlab.harness.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The HPA's {@code behavior}: stabilisation windows over past recommendations and rate limits over past scale
 * events, as {@code normalizeDesiredReplicasWithBehaviors} in the controller's {@code horizontal.go} applies them.
 * Stateful (it remembers recommendations and scale events) but needs no scheduler: time is passed in.
 */
public final class ScalingBehavior {
    private final Rules scaleUp;
    private final Rules scaleDown;
    private final Deque<Timed> recommendations = new ArrayDeque<>();
    private final Deque<Timed> scaleUpEvents = new ArrayDeque<>();
    private final Deque<Timed> scaleDownEvents = new ArrayDeque<>();

    public ScalingBehavior(Rules scaleUp, Rules scaleDown) {
        this.scaleUp = scaleUp;
        this.scaleDown = scaleDown;
    }

    /** The API server's defaults for {@code autoscaling/v2}, with the given scale-down stabilisation window. */
    public static ScalingBehavior kubernetesDefaults(Duration scaleDownStabilization) {
        Duration period = Duration.ofSeconds(15);
        return new ScalingBehavior(
                new Rules(Duration.ZERO, Select.MAX,
                        List.of(new Policy(PolicyType.PODS, 4, period), new Policy(PolicyType.PERCENT, 100, period))),
                new Rules(scaleDownStabilization, Select.MAX, List.of(new Policy(PolicyType.PERCENT, 100, period))));
    }

    /** The first reconcile seeds the history with the current size, so a fresh HPA never scales down at once. */
    public void recordInitialRecommendation(int currentReplicas, Instant now) {
        if (recommendations.isEmpty()) {
            recommendations.add(new Timed(now, currentReplicas));
        }
    }

    /**
     * Applies stabilisation, then the rate limits and min/max, and records {@code desired} as a recommendation.
     * Min/max outside the current size are handled by the caller, as the controller does before normalising.
     */
    public Normalized normalize(int current, int desired, int minReplicas, int maxReplicas, Instant now) {
        int stabilized = stabilize(current, desired, now);
        if (stabilized > current) {
            int limit = Math.max(current, scaleUpLimit(current, now));
            int allowed = Math.min(maxReplicas, limit);
            if (stabilized > allowed) {
                return new Normalized(allowed, stabilized,
                        maxReplicas > limit ? "the scale-up rate limit" : "maxReplicas");
            }
        } else if (stabilized < current) {
            int limit = Math.min(current, scaleDownLimit(current, now));
            int allowed = Math.max(minReplicas, limit);
            if (stabilized < allowed) {
                return new Normalized(allowed, stabilized,
                        minReplicas < limit ? "the scale-down rate limit" : "minReplicas");
            }
        }
        return new Normalized(stabilized, stabilized, null);
    }

    /** Remembers a scale event for the rate limits of later periods. */
    public void recordScale(int previous, int next, Instant now) {
        if (next > previous) {
            prune(scaleUpEvents, now.minus(scaleUp.longestPeriod()));
            scaleUpEvents.add(new Timed(now, next - previous));
        } else if (next < previous) {
            prune(scaleDownEvents, now.minus(scaleDown.longestPeriod()));
            scaleDownEvents.add(new Timed(now, previous - next));
        }
    }

    /** Clamps the current size between the lowest recent (up window) and highest recent (down window) advice. */
    private int stabilize(int current, int desired, Instant now) {
        Instant upCutoff = now.minus(scaleUp.stabilizationWindow());
        Instant downCutoff = now.minus(scaleDown.stabilizationWindow());
        int upRecommendation = desired;
        int downRecommendation = desired;
        for (Timed rec : recommendations) {
            if (rec.at().isAfter(upCutoff)) {
                upRecommendation = Math.min(upRecommendation, rec.value());
            }
            if (rec.at().isAfter(downCutoff)) {
                downRecommendation = Math.max(downRecommendation, rec.value());
            }
        }
        Instant oldest = upCutoff.isBefore(downCutoff) ? upCutoff : downCutoff;
        prune(recommendations, oldest);
        recommendations.add(new Timed(now, desired));
        int recommendation = Math.max(current, upRecommendation);
        return Math.min(recommendation, downRecommendation);
    }

    private int scaleUpLimit(int current, Instant now) {
        if (scaleUp.select() == Select.DISABLED) {
            return current;
        }
        int result = scaleUp.select() == Select.MIN ? Integer.MAX_VALUE : Integer.MIN_VALUE;
        for (Policy p : scaleUp.policies()) {
            int periodStart = current - changeWithin(scaleUpEvents, p.period(), now)
                    + changeWithin(scaleDownEvents, p.period(), now);
            int proposed = p.type() == PolicyType.PODS ? periodStart + p.value()
                    : (int) Math.ceil(periodStart * (1 + p.value() / 100.0));
            result = scaleUp.select() == Select.MIN ? Math.min(result, proposed) : Math.max(result, proposed);
        }
        return result;
    }

    private int scaleDownLimit(int current, Instant now) {
        if (scaleDown.select() == Select.DISABLED) {
            return current;
        }
        int result = scaleDown.select() == Select.MIN ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        for (Policy p : scaleDown.policies()) {
            int periodStart = current - changeWithin(scaleUpEvents, p.period(), now)
                    + changeWithin(scaleDownEvents, p.period(), now);
            int proposed = p.type() == PolicyType.PODS ? periodStart - p.value()
                    : (int) (periodStart * (1 - p.value() / 100.0));
            result = scaleDown.select() == Select.MIN ? Math.max(result, proposed) : Math.min(result, proposed);
        }
        return result;
    }

    /** Replicas changed by events strictly after {@code now - period} ({@code getReplicasChangePerPeriod}). */
    private static int changeWithin(Deque<Timed> events, Duration period, Instant now) {
        Instant cutoff = now.minus(period);
        int sum = 0;
        for (Timed e : events) {
            if (e.at().isAfter(cutoff)) {
                sum += e.value();
            }
        }
        return sum;
    }

    private static void prune(Deque<Timed> entries, Instant cutoff) {
        entries.removeIf(e -> e.at().isBefore(cutoff));
    }

    private record Timed(Instant at, int value) {
    }

    /** The outcome: the size to set, the stabilised recommendation, and what limited it (null if nothing did). */
    public record Normalized(int replicas, int stabilized, String limitedBy) {
    }

    public enum PolicyType { PODS, PERCENT }

    public enum Select { MAX, MIN, DISABLED }

    /** One {@code HPAScalingPolicy}: change by at most {@code value} pods or percent per {@code period}. */
    public record Policy(PolicyType type, int value, Duration period) {
    }

    /** One direction's {@code HPAScalingRules}. */
    public record Rules(Duration stabilizationWindow, Select select, List<Policy> policies) {
        public Rules {
            policies = List.copyOf(policies);
        }

        Duration longestPeriod() {
            return policies.stream().map(Policy::period).max(Duration::compareTo).orElse(Duration.ZERO);
        }
    }
}
