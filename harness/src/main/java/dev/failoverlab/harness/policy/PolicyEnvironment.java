package dev.failoverlab.harness.policy;

import dev.failoverlab.harness.scenario.Pricing;
import dev.failoverlab.harness.scenario.ScriptedQuery;
import dev.failoverlab.harness.scenario.Settings;
import dev.failoverlab.harness.scenario.Slo;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The configuration a policy is deployed with: which Service and Deployments it manages, their autoscaling
 * bounds, the SLO, the business context, prices, the policy's own settings and the questions the scenario puts to
 * an agent at given moments. Nothing about the simulated workload.
 */
public record PolicyEnvironment(
        String namespace,
        String service,
        String initialActiveColor,
        List<ManagedDeployment> deployments,
        Slo slo,
        Map<String, String> context,
        Settings settings,
        Duration runDuration,
        Pricing pricing,
        List<ScriptedQuery> scriptedQueries) {

    public PolicyEnvironment {
        deployments = List.copyOf(deployments);
        context = Map.copyOf(context);
        scriptedQueries = List.copyOf(scriptedQueries);
    }

    /** An environment with default prices and no scripted queries (baseline policies need neither). */
    public PolicyEnvironment(String namespace, String service, String initialActiveColor,
                             List<ManagedDeployment> deployments, Slo slo, Map<String, String> context,
                             Settings settings, Duration runDuration) {
        this(namespace, service, initialActiveColor, deployments, slo, context, settings, runDuration,
                Pricing.DEFAULTS, List.of());
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
