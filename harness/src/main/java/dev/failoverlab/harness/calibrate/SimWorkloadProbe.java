package dev.failoverlab.harness.calibrate;

import dev.failoverlab.harness.policy.Policy;
import dev.failoverlab.harness.policy.PolicyFactory;
import dev.failoverlab.harness.run.Backend;
import dev.failoverlab.harness.run.ColorSample;
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
import dev.failoverlab.harness.scenario.WorkloadSpec;
import dev.failoverlab.harness.sim.SimBackend;
import dev.failoverlab.loadgen.profile.LoadProfile;
import dev.failoverlab.loadgen.profile.LoadSegment;
import dev.failoverlab.loadgen.yaml.SourceLocation;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs the {@code sim} backend's model of the demo app on one pod of a given CPU size at a constant Poisson rate,
 * with no faults and a policy that does nothing, and reports latency percentiles and CPU use over the steady part
 * (after {@link #WARMUP_SECONDS}). This is the simulator side of calibration: the same code path a scenario run
 * takes, only with a scenario built here instead of parsed.
 *
 * <p>The backend exposes latency per 5 s sample, not per run, so the percentiles are the count-weighted mean of the
 * interval percentiles; with hundreds of requests per interval and a stationary load this differs from the pooled
 * percentile by well under the 20 % fidelity budget (and the fit uses the same estimator on both sides of its
 * synthetic test).
 */
public final class SimWorkloadProbe {
    /** Long enough for ~10^5 requests at the calibration rates, yet a few ms of CPU per run. */
    public static final double DEFAULT_SECONDS = 300;
    /** Skipped at the start: a SLOW_REQUESTS rollout replaces the pod within about a second. */
    public static final double WARMUP_SECONDS = 10;
    static final String DEPLOYMENT = "web-blue";
    private static final String COLOR = "blue";
    private static final long MIB = 1024L * 1024L;
    private static final SourceLocation HERE = new SourceLocation("calibration", 1, 1);

    private final double cores;
    private final double seconds;
    private final long seed;

    /**
     * @param cores   CPU of the pod in cores (request = limit); the sim gives it ceil(cores) CPU servers
     * @param seconds simulated length of each run, warm-up included
     * @param seed    seed of arrivals and request attributes (common to every run of this probe)
     */
    public SimWorkloadProbe(double cores, double seconds, long seed) {
        if (!(cores > 0) || Double.isInfinite(cores)) {
            throw new IllegalArgumentException("cores must be > 0, got " + cores);
        }
        if (!(seconds >= WARMUP_SECONDS + 20)) {
            throw new IllegalArgumentException("seconds must be >= " + (WARMUP_SECONDS + 20) + ", got " + seconds);
        }
        this.cores = cores;
        this.seconds = seconds;
        this.seed = seed;
    }

    public double cores() {
        return cores;
    }

    public SimLevel measure(WorkloadSpec workload, double rps) {
        return measure(workload, rps, 0);
    }

    /** One run at {@code rps}; {@code slowPercent} > 0 rolls out SLOW_REQUESTS at time zero. */
    public SimLevel measure(WorkloadSpec workload, double rps, double slowPercent) {
        if (!(rps > 0) || Double.isInfinite(rps)) {
            throw new IllegalArgumentException("rps must be > 0, got " + rps);
        }
        RunRecording run = new SimBackend().run(scenario(workload, rps, slowPercent), IDLE, seed,
                Backend.Progress.NONE);
        double weight = 0;
        double p50 = 0;
        double p95 = 0;
        double p99 = 0;
        double cpuCoreSeconds = 0;
        double steadySeconds = 0;
        double previous = 0;
        for (Sample s : run.samples()) {
            double interval = s.tSeconds() - previous;
            previous = s.tSeconds();
            if (s.tSeconds() <= WARMUP_SECONDS) {
                continue;
            }
            ColorSample c = s.color(COLOR);
            long finished = c.ok() + c.errors();
            if (finished > 0) {
                weight += finished;
                p50 += finished * c.p50Ms();
                p95 += finished * c.p95Ms();
                p99 += finished * c.p99Ms();
            }
            // cpuUtilPercent is relative to the CPU request of the pods that ran; podSeconds is their integral
            cpuCoreSeconds += c.cpuUtilPercent() / 100.0 * cores * c.podSeconds();
            steadySeconds += interval;
        }
        if (weight == 0) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "the simulated pod finished no request at %.1f req/s in %.0f s", rps, seconds));
        }
        return new SimLevel(rps, p50 / weight, p95 / weight, p99 / weight, cpuCoreSeconds / steadySeconds);
    }

    private Scenario scenario(WorkloadSpec w, double rps, double slowPercent) {
        // a rollout's new pod is ready at once, so the SLOW_REQUESTS patch takes about a second (pod scheduling)
        WorkloadSpec workload = new WorkloadSpec(w.cpuPerRequestMs(), w.cpuCv(), w.slowDelayMs(), 0, w.concurrency(),
                w.queueLimit(), w.timeoutSeconds(), w.baseLatencyMs(), w.memoryBaseMiB(), w.memoryPerInflightMiB());
        long millicores = Math.round(cores * 1000);
        DeploymentSpec pod = new DeploymentSpec(DEPLOYMENT, COLOR, 1, 1, 1, millicores, millicores, 1024 * MIB,
                1024 * MIB);
        List<FaultSpec> faults = slowPercent > 0
                ? List.of(new FaultSpec.PatchEnv(Duration.ZERO, DEPLOYMENT,
                        Map.of("SLOW_REQUESTS", Double.toString(slowPercent)), HERE))
                : List.of();
        LoadProfile load = new LoadProfile(List.of(new LoadSegment.Constant(rps, seconds)));
        return new Scenario("calibration-probe", "one pod at a constant rate", "calibration",
                Duration.ofMillis(Math.round(seconds * 1000)),
                new ClusterSpec("calibration", "web", COLOR, List.of(pod)), workload, Pricing.DEFAULTS,
                Slo.DEFAULTS, Map.of(), load, faults, List.of(IDLE.name()), Map.of(), List.of(), Budget.NONE);
    }

    /** Changes nothing: the pod keeps one replica and all the traffic. */
    private static final PolicyFactory IDLE = new PolicyFactory() {
        @Override
        public String name() {
            return "none";
        }

        @Override
        public String description() {
            return "does nothing (calibration)";
        }

        @Override
        public Set<String> settingKeys() {
            return Set.of();
        }

        @Override
        public Policy create(Settings settings) {
            return context -> { };
        }
    };
}
