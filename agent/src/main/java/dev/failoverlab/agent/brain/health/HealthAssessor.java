package dev.failoverlab.agent.brain.health;

import dev.failoverlab.agent.api.BadRequestException;
import dev.failoverlab.agent.api.EvaluateRequest;
import dev.failoverlab.agent.brain.BrainContext;
import dev.failoverlab.agent.evidence.Evidence;
import dev.failoverlab.agent.observe.ColorObservation;
import dev.failoverlab.agent.port.ClusterUnavailableException;
import dev.failoverlab.agent.port.DeploymentInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code POST /evaluate}: each colour's health against the SLO and against the other colour, with confidence; the
 * recommendation is what the failover planner would decide (nothing is executed); the business impact is the
 * measured rate of affected requests; the cost impact is the hourly cost change of the recommendation.
 * Wire it with the failover planner: {@code new HealthAssessor(ctx, new FailoverPlanner(ctx))}.
 */
public final class HealthAssessor {
    private final BrainContext ctx;
    private final Recommender recommender;

    public HealthAssessor(BrainContext ctx, Recommender recommender) {
        this.ctx = ctx;
        this.recommender = recommender;
    }

    public EvaluateResponse handle(EvaluateRequest request) {
        request.validated();
        checkDeployments(request);
        Evidence ev = new Evidence();
        ServiceHealth h = new ServiceAssessor(ctx).assess(ev);
        Map<String, String> context = ctx.config().defaultContext();
        Recommendation rec = recommender.recommend(h, context);
        Map<String, EvaluateResponse.ColorSummary> assessment = new LinkedHashMap<>();
        Map<String, EvaluateResponse.ColorDetail> details = new LinkedHashMap<>();
        for (ColorHealth c : h.colors()) {
            if (request.deployments() != null && !request.deployments().isEmpty()
                    && !request.deployments().contains(c.deployment())) {
                continue;
            }
            assessment.put(c.color(), summary(c));
            details.put(c.color(), detail(c));
        }
        CostModel.Delta cost = CostModel.of(rec.scaleChanges(), h.deployments(), ctx.config(), ev);
        String text = h.pairKnown() ? rec.text() : "insufficient data: " + rec.text();
        HealthEpisodes.record(ctx, h, ctx.rules().current(), "evaluate", context);
        return new EvaluateResponse(assessment, text, businessImpact(h, ev), cost.text(), details,
                new EvaluateResponse.Recommended(rec.outcome(), rec.targetColor(), rec.scaleChanges()), ev,
                "deterministic", null);
    }

    /** A named deployment must exist (when the API server can say). */
    private void checkDeployments(EvaluateRequest request) {
        if (request.deployments() == null || request.deployments().isEmpty()) {
            return;
        }
        List<String> known = new ArrayList<>();
        try {
            for (DeploymentInfo d : ctx.view().deployments()) {
                known.add(d.name());
            }
        } catch (ClusterUnavailableException e) {
            return; // the assessment lists the API server as missing
        }
        for (int i = 0; i < request.deployments().size(); i++) {
            if (!known.contains(request.deployments().get(i))) {
                throw new BadRequestException("deployments[" + i + "]", "no deployment \""
                        + request.deployments().get(i) + "\" in namespace " + ctx.view().namespace()
                        + "; known: " + new TreeSet<>(known));
            }
        }
    }

    private static EvaluateResponse.ColorSummary summary(ColorHealth c) {
        ColorObservation o = c.observation();
        String noTraffic = c.hasTraffic() ? "n/a (not measured)" : "n/a (no traffic)";
        return new EvaluateResponse.ColorSummary(
                Double.isNaN(o.cpuUtilization()) ? "n/a (metrics-server)" : Fmt.percent(o.cpuUtilization()),
                Double.isNaN(o.memoryBytesPerPod()) ? "n/a (metrics-server)"
                        : Fmt.mib(o.memoryBytesPerPod() / (1024.0 * 1024.0)),
                Double.isNaN(o.p95Ms()) ? noTraffic : Fmt.ms(o.p95Ms()) + " p95",
                Double.isNaN(o.errorRate()) ? noTraffic : Fmt.percent(o.errorRate()),
                c.status());
    }

    private static EvaluateResponse.ColorDetail detail(ColorHealth c) {
        double share = c.observation().trafficShare();
        return new EvaluateResponse.ColorDetail(c.status(), finite(c.confidence()), c.basis(), c.technical(),
                c.readyReplicas(), c.specReplicas(), finite(share), finite(c.slowFraction()), finite(c.errorRate()),
                finite(c.affectedRps()), c.detector().alarm(), c.detector().consecutiveAlarms(),
                c.capacity().recentlyCapacityBound(), c.proven(), c.failedVerification());
    }

    private static String businessImpact(ServiceHealth h, Evidence ev) {
        double total = h.totalRps();
        if (!h.pairKnown() || h.colors().stream().noneMatch(ColorHealth::hasTraffic)) {
            return "insufficient data: no request metrics (see evidence.missing)";
        }
        double affected = h.affectedRps();
        List<String> parts = new ArrayList<>();
        for (ColorHealth c : h.colors()) {
            if (c.affectedRps() > 0) {
                parts.add(c.color() + " " + Fmt.rps(c.affectedRps()));
            }
        }
        ev.model("affected-requests(service)").parameter("total_rps", total).output("affected_rps", affected)
                .output("affected_share", total > 0 ? affected / total : 0)
                .note("sum over colours of requests slower than the SLO bound or failed (short window)").add();
        if (parts.isEmpty()) {
            return "no requests affected: " + Fmt.rps(total) + " served within the SLO";
        }
        return Fmt.rps(affected) + " affected now (" + Fmt.percent(total > 0 ? affected / total : 0)
                + " of requests slower than the SLO bound or failed: " + String.join(", ", parts)
                + "); no session metric, so users are not estimated";
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
