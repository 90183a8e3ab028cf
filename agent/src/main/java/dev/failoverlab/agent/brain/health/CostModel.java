package dev.failoverlab.agent.brain.health;

import dev.failoverlab.agent.config.AgentConfig;
import dev.failoverlab.agent.evidence.Evidence;
import dev.failoverlab.agent.port.DeploymentInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The hourly cost change of a recommendation: each added or removed pod costs its CPU request x the vCPU-hour
 * price plus its memory request x the GiB-hour price (the configuration's list prices). A traffic move alone costs
 * nothing extra: the pods run either way.
 */
public final class CostModel {

    private CostModel() {
    }

    /** The change and its text; {@code perHour} NaN when a Deployment's requests are unknown. */
    public record Delta(double perHour, String text) {
    }

    public static Delta of(List<Recommendation.ScaleChange> changes, Map<String, DeploymentInfo> deployments,
            AgentConfig cfg, Evidence ev) {
        double total = 0;
        List<String> parts = new ArrayList<>();
        Evidence.ModelBuilder model = ev.model("cost-delta(requested resources x list price)")
                .parameter("vcpu_hour", cfg.vcpuHour()).parameter("gib_hour", cfg.gibHour());
        for (Recommendation.ScaleChange s : changes) {
            DeploymentInfo d = deployments.get(s.color());
            if (d == null) {
                ev.missing("cost: requests of " + s.deployment() + " unknown (api-server)");
                return new Delta(Double.NaN, "n/a (pod requests of " + s.deployment() + " unreadable)");
            }
            double perPod = cfg.podCostPerHour(d.cpuRequestMillis(), d.memoryRequestBytes());
            double delta = (s.toReplicas() - s.fromReplicas()) * perPod;
            total += delta;
            String key = s.deployment();
            model.parameter(key + ".cpu_request_millis", d.cpuRequestMillis())
                    .parameter(key + ".memory_request_mib", d.memoryRequestBytes() / (1024.0 * 1024.0))
                    .parameter(key + ".from_replicas", s.fromReplicas()).parameter(key + ".to_replicas", s.toReplicas())
                    .output(key + ".pod_cost_per_hour", perPod).output(key + ".delta_per_hour", delta);
            parts.add(String.format(Locale.ROOT, "%s %d→%d pods at %s per pod (%dm CPU, %sMiB requested)",
                    s.deployment(), s.fromReplicas(), s.toReplicas(), Fmt.dollarsPerHour(perPod).replace("+", ""),
                    d.cpuRequestMillis(), Fmt.number(d.memoryRequestBytes() / (1024.0 * 1024.0))));
        }
        model.output("delta_per_hour", total).add();
        String text = parts.isEmpty()
                ? Fmt.dollarsPerHour(0) + ": no pod count changes (a traffic move only; pods are billed either way)"
                : Fmt.dollarsPerHour(total) + ": " + String.join("; ", parts);
        return new Delta(total, text);
    }
}
