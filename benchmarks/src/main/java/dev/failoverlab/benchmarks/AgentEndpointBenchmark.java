package dev.failoverlab.benchmarks;

import dev.failoverlab.agent.api.AgentResponse;
import dev.failoverlab.agent.api.AnalyzeRequest;
import dev.failoverlab.agent.api.EvaluateRequest;
import dev.failoverlab.agent.api.FailoverAssessmentRequest;
import dev.failoverlab.agent.api.InsightsRequest;
import dev.failoverlab.agent.api.OptimizeRequest;
import dev.failoverlab.agent.brain.FailoverAgent;
import dev.failoverlab.agent.config.AgentConfig;
import dev.failoverlab.agent.config.GuardConfig;
import dev.failoverlab.agent.guard.AuditLog;
import dev.failoverlab.agent.guard.GuardedActuator;
import dev.failoverlab.agent.learn.InMemoryEpisodeLog;
import dev.failoverlab.agent.learn.Learner;
import dev.failoverlab.harness.policy.PolicyRegistry;
import dev.failoverlab.harness.scenario.Scenario;
import dev.failoverlab.harness.scenario.ScenarioParser;
import dev.failoverlab.harness.sim.LiveLoad;
import dev.failoverlab.harness.sim.LiveSimulation;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Deterministic compute time of each endpoint with one hour of 15 s samples for two colours: a simulated cluster
 * runs one hour at 400 rps (blue serving, green idle), then stands still while each endpoint is asked without
 * executing anything. Sample mode gives the percentiles (p50, p99) of the time per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AgentEndpointBenchmark {
    private FailoverAgent agent;
    private long wall;

    private final AnalyzeRequest analyze = new AnalyzeRequest(AnalyzeRequest.TASK,
            new AnalyzeRequest.Context(null, "10_minutes", "demo_environment"), false);
    private final EvaluateRequest evaluate = new EvaluateRequest(EvaluateRequest.TASK,
            List.of("web-blue", "web-green"), List.of("response_time", "error_rate", "cpu_usage", "user_experience"));
    private final FailoverAssessmentRequest assess = new FailoverAssessmentRequest("performance_degradation",
            "user_experience", new FailoverAssessmentRequest.Context("peak_hours", "low", "acceptable"), false, true);
    private final OptimizeRequest optimize = new OptimizeRequest("multi_objective",
            new OptimizeRequest.Constraints(100.0, 1.0, 99.9, 12.5),
            new OptimizeRequest.CurrentScenario("2x_normal", 45.0, "high"), false);
    private final InsightsRequest insights = new InsightsRequest("summarize_learnings", "current_demo");

    @Setup(Level.Trial)
    public void setUp() {
        String yaml = "name: hour\nduration: 2h\nload:\n  - constant: {rps: 400, for: 2h}\n";
        Scenario scenario = new ScenarioParser(PolicyRegistry.standard()).parse(yaml, "hour.yaml", Path.of("."));
        LiveSimulation sim = new LiveSimulation(scenario, 1, LiveSimulation.MAX_SPEED, new LiveLoad.Constant(400),
                () -> wall);
        for (int second = 0; second < 3600; second += 5) {
            wall += 5_000_000L; // 5 ms of wall time = 5 s of cluster time at speed 1000
            sim.advance();
        }
        GuardConfig guard = new GuardConfig(java.util.Set.of(sim.namespace()), java.util.Set.of("web-blue", "web-green"),
                true, 4, 20, 1_000_000, null);
        AgentConfig config = AgentConfig.defaults().withExecution(false, guard);
        agent = new FailoverAgent(sim.view(), new GuardedActuator(sim.actuator("bench"), sim.view(), guard,
                sim.clock(), AuditLog.to(line -> { }), "bench"), sim.clock(), config,
                new Learner(new InMemoryEpisodeLog(5_000)));
    }

    @Benchmark
    public AgentResponse analyze() {
        return agent.analyze(analyze);
    }

    @Benchmark
    public AgentResponse evaluate() {
        return agent.evaluate(evaluate);
    }

    @Benchmark
    public AgentResponse failoverAssessment() {
        return agent.failoverAssessment(assess);
    }

    @Benchmark
    public AgentResponse optimize() {
        return agent.optimize(optimize);
    }

    @Benchmark
    public AgentResponse insights() {
        return agent.insights(insights);
    }
}
