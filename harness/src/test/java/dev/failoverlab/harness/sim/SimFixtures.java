package dev.failoverlab.harness.sim;

import dev.failoverlab.harness.policy.Policy;
import dev.failoverlab.harness.policy.PolicyContext;
import dev.failoverlab.harness.policy.PolicyFactory;
import dev.failoverlab.harness.run.Backend;
import dev.failoverlab.harness.run.RunRecording;
import dev.failoverlab.harness.run.Sample;
import dev.failoverlab.harness.scenario.Budget;
import dev.failoverlab.harness.scenario.ClusterSpec;
import dev.failoverlab.harness.scenario.DeploymentSpec;
import dev.failoverlab.harness.scenario.FaultSpec;
import dev.failoverlab.harness.scenario.Pricing;
import dev.failoverlab.harness.scenario.Scenario;
import dev.failoverlab.harness.scenario.Settings;
import dev.failoverlab.harness.scenario.Slo;
import dev.failoverlab.loadgen.yaml.SourceLocation;
import dev.failoverlab.harness.scenario.WorkloadSpec;
import dev.failoverlab.loadgen.profile.LoadProfile;
import dev.failoverlab.loadgen.profile.LoadSegment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Scenarios and policies built directly from the model records, for the simulator's tests. */
final class SimFixtures {
    static final SourceLocation HERE = new SourceLocation("test.yaml", 1, 1);
    static final long MIB = 1024L * 1024L;

    private SimFixtures() {
    }

    /** A workload with the defaults' shape but explicit numbers, so tests do not move when defaults change. */
    static WorkloadSpec workload(double cpuPerRequestMs, double cpuCv) {
        return new WorkloadSpec(cpuPerRequestMs, cpuCv, 700, 20, 100, 1000, 10, 2, 120, 0.5);
    }

    /** Effectively unbounded threads and queue, no base latency: a pure queueing model. */
    static WorkloadSpec queueingWorkload(double cpuPerRequestMs) {
        return new WorkloadSpec(cpuPerRequestMs, 1.0, 700, 20, 100_000, 100_000, 600, 0, 120, 0.0);
    }

    static DeploymentSpec deployment(String color, int replicas, long cpuMillis) {
        return new DeploymentSpec("web-" + color, color, replicas, 1, 10, cpuMillis, cpuMillis, 256 * MIB,
                256 * MIB);
    }

    static LoadProfile constant(double rps, double seconds) {
        return new LoadProfile(List.of(new LoadSegment.Constant(rps, seconds)));
    }

    static Scenario scenario(String name, double seconds, WorkloadSpec workload, LoadProfile load,
                             List<DeploymentSpec> deployments, List<FaultSpec> faults) {
        return new Scenario(name, "simulator test", "test.yaml", Duration.ofMillis(Math.round(seconds * 1000)),
                new ClusterSpec("mcp-failover-clean", "web", deployments.get(0).color(), deployments), workload,
                Pricing.DEFAULTS, Slo.DEFAULTS, Map.of("time_of_day", "peak_hours"), load, faults,
                List.of("test"), Map.of(), List.of(), Budget.NONE);
    }

    static Scenario blueGreen(String name, double seconds, WorkloadSpec workload, LoadProfile load, int blue,
                              int green, long cpuMillis, List<FaultSpec> faults) {
        return scenario(name, seconds, workload, load,
                List.of(deployment("blue", blue, cpuMillis), deployment("green", green, cpuMillis)), faults);
    }

    static FaultSpec.PatchEnv patch(double atSeconds, String deployment, Map<String, String> env) {
        return new FaultSpec.PatchEnv(at(atSeconds), deployment, env, HERE);
    }

    static Duration at(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /** A policy whose start is the given code. */
    static PolicyFactory policy(String name, Consumer<PolicyContext> start) {
        return new PolicyFactory() {
            @Override public String name() { return name; }
            @Override public String description() { return "test policy " + name; }
            @Override public Set<String> settingKeys() { return Set.of(); }
            @Override public Policy create(Settings settings) { return start::accept; }
        };
    }

    static PolicyFactory idle() {
        return policy("idle", context -> { });
    }

    static RunRecording run(Scenario scenario, PolicyFactory policy, long seed) {
        return new SimBackend().run(scenario, policy, seed, Backend.Progress.NONE);
    }

    /** Samples whose interval ends in (from, to]. */
    static List<Sample> between(RunRecording run, double from, double to) {
        List<Sample> result = new ArrayList<>();
        for (Sample s : run.samples()) {
            if (s.tSeconds() > from && s.tSeconds() <= to) {
                result.add(s);
            }
        }
        return result;
    }
}
