package dev.failoverlab.harness.demo;

import dev.failoverlab.harness.policy.PolicyEnvironment;
import dev.failoverlab.harness.scenario.DeploymentSpec;
import dev.failoverlab.harness.scenario.Pricing;
import dev.failoverlab.harness.scenario.Scenario;
import dev.failoverlab.harness.scenario.Slo;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the agent is deployed in the demo: where to listen, what it manages (namespace, Service, the two Deployments
 * with their autoscaling bounds, the colour active at the start), the SLO it defends, prices and the business
 * context of the scenario. Nothing about the simulated workload.
 *
 * @param host        interface to listen on (loopback)
 * @param agentPort   port of the agent's HTTP API (the runbook's 8080)
 * @param controlUrl  the demo's control API, for links in the agent's own output if it wants them
 * @param speed       virtual seconds per wall second
 */
public record DemoSettings(
        String host,
        int agentPort,
        URI controlUrl,
        String namespace,
        String service,
        String initialActiveColor,
        List<PolicyEnvironment.ManagedDeployment> deployments,
        Slo slo,
        Pricing pricing,
        Map<String, String> context,
        double speed,
        long seed) {

    public DemoSettings {
        deployments = List.copyOf(deployments);
        context = Map.copyOf(context);
    }

    static DemoSettings of(Scenario s, String host, int agentPort, URI controlUrl, double speed, long seed) {
        List<PolicyEnvironment.ManagedDeployment> managed = new ArrayList<>();
        for (DeploymentSpec d : s.cluster().deployments()) {
            managed.add(new PolicyEnvironment.ManagedDeployment(d.name(), d.color(), d.minReplicas(), d.maxReplicas()));
        }
        return new DemoSettings(host, agentPort, controlUrl, s.cluster().namespace(), s.cluster().service(),
                s.cluster().active(), managed, s.slo(), s.pricing(), s.context(), speed, seed);
    }
}
