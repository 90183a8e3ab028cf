package dev.failoverlab.harness.score;

import dev.failoverlab.harness.scenario.Budget;
import dev.failoverlab.harness.scenario.ClusterSpec;
import dev.failoverlab.harness.scenario.DeploymentSpec;
import dev.failoverlab.harness.scenario.Expectation;
import dev.failoverlab.harness.scenario.FaultSpec;
import dev.failoverlab.harness.scenario.Pricing;
import dev.failoverlab.harness.scenario.Scenario;
import dev.failoverlab.harness.scenario.Slo;
import dev.failoverlab.loadgen.yaml.SourceLocation;
import dev.failoverlab.harness.scenario.WorkloadSpec;
import dev.failoverlab.loadgen.profile.LoadProfile;
import dev.failoverlab.loadgen.profile.LoadSegment;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Scenarios built directly (no YAML): a blue/green pair of 500m CPU / 256 MiB pods (blue 2 replicas, green 1),
 * blue active, SLO p95 ≤ 100 ms and errors ≤ 1 %, default prices.
 */
public final class ScenarioFixtures {
    public static final SourceLocation HERE = new SourceLocation("test.yaml", 1, 1);
    public static final long MIB = 1024L * 1024;
    public static final DeploymentSpec BLUE = new DeploymentSpec("web-blue", "blue", 2, 1, 10, 500, 500, 256 * MIB,
            256 * MIB);
    public static final DeploymentSpec GREEN = new DeploymentSpec("web-green", "green", 1, 0, 10, 500, 500,
            256 * MIB, 256 * MIB);

    private ScenarioFixtures() {
    }

    public static Scenario scenario(String name, double seconds, List<FaultSpec> faults, List<Expectation> expect) {
        return scenario(name, seconds, faults, expect, Budget.NONE);
    }

    public static Scenario scenario(String name, double seconds, List<FaultSpec> faults, List<Expectation> expect,
                                    Budget budget) {
        return new Scenario(name, "Test scenario " + name + ".", name + ".yaml", seconds(seconds),
                new ClusterSpec("mcp-failover-clean", "web", "blue", List.of(BLUE, GREEN)), WorkloadSpec.DEFAULTS,
                Pricing.DEFAULTS, Slo.DEFAULTS, Map.of(),
                new LoadProfile(List.of(new LoadSegment.Constant(20, seconds))), faults,
                List.of("traditional", "ai-agent"), Map.of(), expect, budget);
    }

    public static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }

    public static FaultSpec.PatchEnv patch(double at, String deployment, Map<String, String> env) {
        return new FaultSpec.PatchEnv(seconds(at), deployment, env, HERE);
    }

    public static FaultSpec.FailReadiness failReadiness(double at, String deployment, double lasts) {
        return new FaultSpec.FailReadiness(seconds(at), deployment, seconds(lasts), HERE);
    }

    public static Expectation.TrafficOn trafficOn(String colour, double percent, double within, double after) {
        return new Expectation.TrafficOn(colour, percent, seconds(within), seconds(after), HERE);
    }
}
