package dev.failoverlab.harness.policy;

import dev.failoverlab.harness.scenario.Settings;
import dev.failoverlab.harness.scenario.Slo;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The configuration a policy is deployed with: which Service and Deployments it manages, their autoscaling
 * bounds, the SLO, the business context and the policy's own settings. Nothing about the simulated workload.
 */
public record PolicyEnvironment(
        String namespace,
        String service,
        String initialActiveColor,
        List<ManagedDeployment> deployments,
        Slo slo,
        Map<String, String> context,
        Settings settings,
        Duration runDuration) {

    public PolicyEnvironment {
        deployments = List.copyOf(deployments);
        context = Map.copyOf(context);
    }

    /** A deployment the policy manages, with its HPA bounds. */
    public record ManagedDeployment(String name, String color, int minReplicas, int maxReplicas) {
    }

    public ManagedDeployment byColor(String color) {
        return deployments.stream().filter(d -> d.color().equals(color)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no deployment of colour " + color));
    }

    public String otherColor(String color) {
        return deployments.stream().map(ManagedDeployment::color).filter(c -> !c.equals(color)).findFirst()
                .orElseThrow();
    }
}
