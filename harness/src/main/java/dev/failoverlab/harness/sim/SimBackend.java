package dev.failoverlab.harness.sim;

import dev.failoverlab.harness.policy.PolicyFactory;
import dev.failoverlab.harness.run.Backend;
import dev.failoverlab.harness.run.RunRecording;
import dev.failoverlab.harness.scenario.Scenario;

/**
 * The embedded {@code sim} backend: each run is a fresh discrete-event simulation of the blue/green Service,
 * deterministic for a (scenario, policy, seed) triple. Thread-safe: runs share no state.
 */
public final class SimBackend implements Backend {
    public static final String NAME = "sim";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RunRecording run(Scenario scenario, PolicyFactory policy, long seed, Progress progress) {
        return new Simulation(scenario, policy, seed, progress == null ? Progress.NONE : progress).run();
    }
}
