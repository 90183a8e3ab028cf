package dev.failoverlab.agent.brain.failover;

import dev.failoverlab.agent.brain.health.ColorHealth;
import dev.failoverlab.agent.brain.health.Fmt;
import dev.failoverlab.agent.brain.health.HealthStatus;
import dev.failoverlab.agent.brain.health.ServiceHealth;
import java.util.ArrayList;
import java.util.List;

/**
 * The runbook's sentences of a failover assessment, built only from figures the evidence holds (measurements of
 * the Observer and the short window, SLO tests, the affected-requests and business-impact models, the plan).
 */
final class AssessmentText {

    private AssessmentText() {
    }

    /** "Pods healthy (2/2 ready), but UX degrading: 21% slower than 100ms, 4.8% errors". */
    static String subjectStatus(ColorHealth c, ServiceHealth h) {
        String pods = c.readyReplicas() + "/" + c.specReplicas() + " ready";
        return switch (c.status()) {
            case FAILING -> "Pods failing (" + pods + "): " + c.basis();
            case DEGRADED -> ("DEGRADED".equals(c.technical()) ? "Pods degraded (" + pods + ")"
                    : "Pods healthy (" + pods + ")") + ", but UX degrading: " + ux(c, h);
            case OPTIMAL -> "Pods healthy (" + pods + "), within SLO: " + ux(c, h);
            case UNKNOWN -> "Unknown (" + pods + "): " + c.basis();
        };
    }

    /** "Ready (1/1 pods), idle: unproven"; a standing unsafe mark is appended. */
    static String otherStatus(ColorHealth c, ServiceHealth h) {
        String mark = c.failedVerification() ? "; marked unsafe as a target (" + c.failedDetail() + ")" : "";
        return state(c, h) + mark;
    }

    private static String state(ColorHealth c, ServiceHealth h) {
        String pods = c.readyReplicas() + "/" + c.specReplicas() + " ready";
        if ("SCALED_TO_ZERO".equals(c.technical())) {
            return "Scaled to zero (standby without pods)";
        }
        if (c.status() == HealthStatus.FAILING) {
            return "Failing (" + pods + "): " + c.basis();
        }
        if (c.status() == HealthStatus.DEGRADED) {
            return "Degraded (" + pods + "): " + c.basis();
        }
        if (!c.hasTraffic()) {
            return "Ready (" + pods + "), idle: " + (c.proven() ? "proven within SLO recently" : "unproven");
        }
        return "Ready and optimal (" + pods + "): " + ux(c, h);
    }

    private static String ux(ColorHealth c, ServiceHealth h) {
        List<String> parts = new ArrayList<>();
        if (!Double.isNaN(c.slowFraction())) {
            parts.add(Fmt.percent(c.slowFraction()) + " slower than " + Fmt.ms(h.sloLatencyMs()));
        }
        if (!Double.isNaN(c.errorRate())) {
            parts.add(Fmt.percent(c.errorRate()) + " errors");
        }
        return parts.isEmpty() ? "no traffic measured" : String.join(", ", parts) + " (short window)";
    }

    static String responseTime(ColorHealth c) {
        double p95 = c.observation().p95Ms();
        if (Double.isNaN(p95)) {
            return "n/a (no traffic measured)";
        }
        String base = Double.isNaN(c.baselineP95Ms()) ? "no baseline yet" : "baseline: " + Fmt.ms(c.baselineP95Ms());
        return Fmt.ms(p95) + " p95 (" + base + ")";
    }

    static String errorRate(ColorHealth c, ServiceHealth h) {
        double e = c.observation().errorRate();
        if (Double.isNaN(e)) {
            return "n/a (no traffic measured)";
        }
        return Fmt.percent(e) + " (SLO: " + Fmt.percent(h.errorLimit()) + ")";
    }

    static String userImpact(ColorHealth c, ServiceHealth h, ImpactLevel level) {
        if (Double.isNaN(c.affectedRps())) {
            return level + ": n/a (no traffic measured); sessions n/a (no session metric)";
        }
        return level + ": " + Fmt.rps(c.affectedRps()) + " affected (" + Fmt.percent(c.affectedFraction()) + " of "
                + c.color() + "'s requests slower than " + Fmt.ms(h.sloLatencyMs())
                + " or failed); sessions n/a (no session metric)";
    }

    static String technical(ServiceHealth h, String first, String second) {
        return Fmt.title(first) + "=" + h.color(first).technical().replace('_', ' ') + ", " + Fmt.title(second) + "="
                + h.color(second).technical().replace('_', ' ');
    }

    static String userExperience(ServiceHealth h, String first, String second) {
        return Fmt.title(first) + "=" + ux(h.color(first)) + ", " + Fmt.title(second) + "=" + ux(h.color(second));
    }

    private static String ux(ColorHealth c) {
        return switch (c.status()) {
            case OPTIMAL -> "OPTIMAL";
            case DEGRADED -> "POOR";
            case FAILING -> "FAILING";
            case UNKNOWN -> c.hasTraffic() || !c.ready() ? "UNKNOWN" : "NO TRAFFIC";
        };
    }

    static String businessImpact(ImpactLevel level, ServiceHealth h) {
        double total = h.totalRps();
        double affected = h.affectedRps();
        if (level == ImpactLevel.NONE || !(total > 0)) {
            return "NONE (no requests affected)";
        }
        return level + " if no action taken (" + Fmt.rps(affected) + " affected, " + Fmt.percent(affected / total)
                + " of requests)";
    }

    static String risk(Risk risk, String reason) {
        return risk + " (" + reason + ")";
    }
}
