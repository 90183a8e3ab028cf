package dev.failoverlab.harness.policy;

import dev.failoverlab.agent.port.Actuator;
import dev.failoverlab.agent.port.Clock;
import dev.failoverlab.agent.port.ClusterView;
import dev.failoverlab.harness.scenario.Settings;
import dev.failoverlab.harness.scenario.Slo;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A blue/green pair (web-blue active, web-green standby) wired to the fakes. */
final class FakeContext implements PolicyContext {
    final FakeCluster cluster = new FakeCluster();
    final RecordingActuator actuator = new RecordingActuator(cluster);
    final ManualScheduler scheduler = new ManualScheduler();
    final RecordingLog log = new RecordingLog();
    private final PolicyEnvironment environment;

    FakeContext(int blueMin, int blueMax) {
        environment = new PolicyEnvironment("mcp-failover-clean", "web", "blue",
                List.of(new PolicyEnvironment.ManagedDeployment("web-blue", "blue", blueMin, blueMax),
                        new PolicyEnvironment.ManagedDeployment("web-green", "green", 0, 10)),
                Slo.DEFAULTS, Map.of(), Settings.EMPTY, Duration.ofMinutes(20));
        cluster.deployment("web-blue", "blue", 2, 500);
        cluster.deployment("web-green", "green", 1, 500);
    }

    FakeContext() {
        this(1, 10);
    }

    PolicyEnvironment.ManagedDeployment managed(String name) {
        return environment.deployments().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    @Override
    public ClusterView cluster() {
        return cluster;
    }

    @Override
    public Actuator actuator() {
        return actuator;
    }

    @Override
    public Clock clock() {
        return scheduler;
    }

    @Override
    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public PolicyEnvironment environment() {
        return environment;
    }

    @Override
    public DecisionLog log() {
        return log;
    }
}
