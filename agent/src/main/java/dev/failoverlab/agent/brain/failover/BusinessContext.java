package dev.failoverlab.agent.brain.failover;

import dev.failoverlab.agent.api.FailoverAssessmentRequest;
import dev.failoverlab.agent.evidence.Evidence;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The caller's business context (the request's, else the configured default), and the business impact rule: the
 * measured share of requests affected (slow or failed) gives the level — at least {@value #HIGH_SHARE} HIGH, at
 * least {@value #MEDIUM_SHARE} MEDIUM, any LOW, none NONE — raised one step for {@code peak_hours} and one for
 * {@code user_tolerance: low}, lowered one step for quiet times ({@code off_peak}, {@code night},
 * {@code maintenance_window}) and one for {@code user_tolerance: high}, within LOW..HIGH.
 */
public record BusinessContext(String timeOfDay, String userTolerance, String failoverCost, String businessPriority,
        String source) {

    static final double HIGH_SHARE = 0.10;
    static final double MEDIUM_SHARE = 0.02;

    /** From the request's context, falling back field by field to {@code defaults} (config.defaultContext()). */
    public static BusinessContext of(FailoverAssessmentRequest request, Map<String, String> defaults) {
        FailoverAssessmentRequest.Context c = request == null ? null : request.context();
        boolean fromRequest = c != null || request != null && request.businessPriority() != null;
        return new BusinessContext(
                pick(c == null ? null : c.timeOfDay(), defaults.get("time_of_day")),
                pick(c == null ? null : c.userTolerance(), defaults.get("user_tolerance")),
                pick(c == null ? null : c.failoverCost(), defaults.get("failover_cost")),
                pick(request == null ? null : request.businessPriority(), defaults.get("business_priority")),
                fromRequest ? "request" : defaults.isEmpty() ? "none" : "config default");
    }

    public static BusinessContext of(Map<String, String> defaults) {
        return of(null, defaults);
    }

    private static String pick(String value, String fallback) {
        return value != null ? value : fallback;
    }

    public boolean lowTolerance() {
        return "low".equals(userTolerance);
    }

    /** Failover cost forbids moving away from a merely degraded colour. */
    public boolean failoverProhibitive() {
        return "prohibitive".equals(failoverCost);
    }

    /** Failover cost rules out an immediate switch away from a merely degraded colour. */
    public boolean immediateAllowed() {
        return !"high".equals(failoverCost) && !"prohibitive".equals(failoverCost) && !"cost".equals(businessPriority);
    }

    /** The impact level for {@code affectedShare} of all requests, recorded as a model in {@code ev}. */
    public ImpactLevel impact(double affectedShare, double affectedRps, Evidence ev) {
        ImpactLevel base = !(affectedShare > 0) ? ImpactLevel.NONE
                : affectedShare >= HIGH_SHARE ? ImpactLevel.HIGH
                : affectedShare >= MEDIUM_SHARE ? ImpactLevel.MEDIUM : ImpactLevel.LOW;
        int steps = 0;
        if ("peak_hours".equals(timeOfDay)) {
            steps++;
        }
        if (lowTolerance()) {
            steps++;
        }
        if ("off_peak".equals(timeOfDay) || "night".equals(timeOfDay) || "maintenance_window".equals(timeOfDay)) {
            steps--;
        }
        if ("high".equals(userTolerance)) {
            steps--;
        }
        ImpactLevel level = base.shift(steps);
        Evidence.ModelBuilder b = ev.model("business-impact(rules)")
                .parameter("high_share", HIGH_SHARE).parameter("medium_share", MEDIUM_SHARE)
                .parameter("context_steps", steps);
        if (Double.isFinite(affectedShare)) {
            b.parameter("affected_share", affectedShare).parameter("affected_rps", affectedRps);
        }
        b.output("level_ordinal", level.ordinal())
                .note("levels NONE=0 LOW=1 MEDIUM=2 HIGH=3; context from " + source + ": " + labels())
                .add();
        return level;
    }

    /** The context as episode labels (absent fields left out). */
    public Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "time_of_day", timeOfDay);
        put(m, "user_tolerance", userTolerance);
        put(m, "failover_cost", failoverCost);
        put(m, "business_priority", businessPriority);
        return m;
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
