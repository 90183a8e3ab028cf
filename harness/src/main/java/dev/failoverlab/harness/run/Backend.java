package dev.failoverlab.harness.run;

import dev.failoverlab.harness.policy.PolicyFactory;
import dev.failoverlab.harness.scenario.Scenario;

/**
 * Where a scenario runs: the embedded simulator or a real cluster. Each call gets its own cluster state,
 * fed the same load and fault timeline for every policy.
 */
public interface Backend {

    String name();

    /**
     * Runs {@code scenario} under a new policy from {@code policy} with {@code seed}.
     *
     * @param progress told how far the run has come, in scenario seconds
     */
    RunRecording run(Scenario scenario, PolicyFactory policy, long seed, Progress progress);

    /** Receives progress of one run; must be cheap and thread-safe. */
    @FunctionalInterface
    interface Progress {
        Progress NONE = seconds -> { };

        void advancedTo(double scenarioSeconds);
    }
}
