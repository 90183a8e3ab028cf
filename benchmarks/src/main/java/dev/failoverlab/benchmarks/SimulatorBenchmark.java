package dev.failoverlab.benchmarks;

import dev.failoverlab.harness.policy.PolicyRegistry;
import dev.failoverlab.harness.run.Backend;
import dev.failoverlab.harness.run.RunRecording;
import dev.failoverlab.harness.scenario.Scenario;
import dev.failoverlab.harness.scenario.ScenarioParser;
import dev.failoverlab.harness.sim.SimBackend;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One simulated run of 20 minutes at a constant rate with the traditional policy (HPA + watcher), as the suite
 * runs them. Throughput mode: the score is runs per second, and the {@code events}/{@code requests} counters are
 * simulated events and requests per wall second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SimulatorBenchmark {

    @Param({"800"})
    public int rps;

    private Scenario scenario;
    private final SimBackend backend = new SimBackend();
    private final PolicyRegistry registry = PolicyRegistry.standard();
    private long seed;

    /** Simulated events and requests, reported per second of wall time. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Work {
        public long events;
        public long requests;
    }

    @Setup(Level.Trial)
    public void setUp() {
        String yaml = "name: bench\nduration: 20m\ncluster:\n  deployments:\n"
                + "    web-blue:  {color: blue,  replicas: 8, minReplicas: 1, maxReplicas: 20, cpu: 500m, memory: 256Mi}\n"
                + "    web-green: {color: green, replicas: 1, minReplicas: 1, maxReplicas: 20, cpu: 500m, memory: 256Mi}\n"
                + "load:\n  - constant: {rps: " + rps + ", for: 20m}\n";
        scenario = new ScenarioParser(registry).parse(yaml, "bench.yaml", Path.of("."));
    }

    @Benchmark
    public RunRecording twentyMinutes(Work work) {
        RunRecording r = backend.run(scenario, registry.get("traditional"), ++seed, Backend.Progress.NONE);
        work.events += r.stats().events();
        work.requests += r.stats().requests();
        return r;
    }
}
