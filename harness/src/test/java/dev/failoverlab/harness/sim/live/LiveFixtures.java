package dev.failoverlab.harness.sim.live;

import dev.failoverlab.harness.policy.PolicyRegistry;
import dev.failoverlab.harness.scenario.Scenario;
import dev.failoverlab.harness.scenario.ScenarioParser;
import dev.failoverlab.harness.sim.LiveLoad;
import dev.failoverlab.harness.sim.LiveSimulation;

/** A live cluster on a wall clock the test moves by hand. */
final class LiveFixtures {
    static final String NAMESPACE = "mcp-failover-clean";
    private static final String YAML = """
            name: control-test
            duration: 10m
            cluster:
              namespace: mcp-failover-clean
              service: web
              active: blue
              deployments:
                web-blue:  {color: blue,  replicas: 2, minReplicas: 1, maxReplicas: 10, cpu: 500m, memory: 256Mi}
                web-green: {color: green, replicas: 1, minReplicas: 1, maxReplicas: 10, cpu: 500m, memory: 256Mi}
            load:
              - constant: {rps: 100, for: 10m}
            """;

    final LiveSimulation live;
    private volatile long wallNanos = 7_000_000_000L;

    LiveFixtures(double rps) {
        Scenario scenario = new ScenarioParser(PolicyRegistry.standard()).parse(YAML, "control-test.yaml", null);
        live = new LiveSimulation(scenario, 21, 1, new LiveLoad.Constant(rps), () -> wallNanos);
    }

    /** Moves the wall clock by whole seconds, advancing the model after each. */
    void run(int seconds) {
        for (int i = 0; i < seconds; i++) {
            step();
        }
    }

    void step() {
        wallNanos = wallNanos + 1_000_000_000L; // only the test thread writes it
        live.advance();
    }
}
