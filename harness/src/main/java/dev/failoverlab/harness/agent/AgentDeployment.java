package dev.failoverlab.harness.agent;

import dev.failoverlab.agent.config.AgentConfig;
import dev.failoverlab.agent.config.GuardConfig;
import dev.failoverlab.harness.policy.PolicyEnvironment;
import dev.failoverlab.harness.scenario.Pricing;
import dev.failoverlab.harness.scenario.Slo;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the harness deploys the agent over a blue/green pair, the same way for benchmark runs and the live demo:
 * the scenario's SLO, prices and business context; write access to the pair's namespace and two deployments
 * only, at most 4 replicas per step, at most 30 actions a minute.
 */
public final class AgentDeployment {
    static final int MAX_SCALE_STEP = 4;
    static final int MAX_ACTIONS_PER_MINUTE = 30;

    private AgentDeployment() {
    }

    public static GuardConfig guard(String namespace, List<PolicyEnvironment.ManagedDeployment> deployments,
                                    boolean dryRun) {
        int maxReplicas = deployments.stream().mapToInt(PolicyEnvironment.ManagedDeployment::maxReplicas).max()
                .orElse(10);
        Set<String> names = deployments.stream().map(PolicyEnvironment.ManagedDeployment::name)
                .collect(Collectors.toSet());
        return new GuardConfig(Set.of(namespace), names, dryRun, MAX_SCALE_STEP, maxReplicas, MAX_ACTIONS_PER_MINUTE,
                null);
    }

    public static AgentConfig config(Slo slo, Pricing pricing, Map<String, String> context, boolean executeByDefault,
                                     GuardConfig guard) {
        return AgentConfig.defaults()
                .withSlo(new AgentConfig.Slo(slo.latencyP95Ms(), slo.errorRatePercent(), slo.availabilityPercent()))
                .withPrices(pricing.vcpuHour(), pricing.gibHour())
                .withExecution(executeByDefault, guard)
                .withContext(context);
    }
}
