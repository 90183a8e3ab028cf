package dev.failoverlab.harness.sim;

import dev.failoverlab.agent.port.Actuator;
import dev.failoverlab.agent.port.Clock;
import dev.failoverlab.agent.port.ClusterView;
import dev.failoverlab.harness.policy.DecisionLog;
import dev.failoverlab.harness.policy.PolicyContext;
import dev.failoverlab.harness.policy.PolicyEnvironment;
import dev.failoverlab.harness.policy.Scheduler;
import dev.failoverlab.harness.run.RunEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The policy's world in the simulator: the cluster view and actuator above, virtual time, a scheduler whose tasks
 * are simulated events, and a decision log feeding the run's events and query timings.
 */
final class SimPolicyContext implements PolicyContext, Scheduler, DecisionLog {
    private final Simulation sim;
    private final String source;
    private final SimClusterView view;
    private final SimActuator actuator;
    private final PolicyEnvironment environment;
    private final List<Runnable> tasks = new ArrayList<>();
    private final List<Double> periods = new ArrayList<>();

    SimPolicyContext(Simulation sim, String source, PolicyEnvironment environment) {
        this.sim = sim;
        this.source = source;
        this.view = new SimClusterView(sim);
        this.actuator = new SimActuator(sim, source);
        this.environment = environment;
    }

    @Override public ClusterView cluster() { return view; }
    @Override public Actuator actuator() { return actuator; }
    @Override public Clock clock() { return sim.clock; }
    @Override public Scheduler scheduler() { return this; }
    @Override public PolicyEnvironment environment() { return environment; }
    @Override public DecisionLog log() { return this; }

    @Override
    public void every(Duration period, Duration firstAfter, Runnable task) {
        if (period == null || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("scheduler.every: period must be > 0, got " + period);
        }
        schedule(firstAfter, task, period.toNanos() / 1e9, "every");
    }

    @Override
    public void at(Duration sinceStart, Runnable task) {
        schedule(sinceStart, task, 0, "at");
    }

    private void schedule(Duration when, Runnable task, double period, String call) {
        if (when == null || when.isNegative() || task == null) {
            throw new IllegalArgumentException("scheduler." + call + ": needs a time >= 0 and a task, got "
                    + when + " and " + task);
        }
        tasks.add(task);
        periods.add(period);
        // a time already past runs at the current instant
        sim.queue.push(Math.max(sim.clock.now, when.toNanos() / 1e9), EventType.POLICY_TASK, tasks.size() - 1);
    }

    /** Runs one scheduled task and, if periodic, schedules its next run. */
    void runTask(int index) {
        double period = periods.get(index);
        if (period > 0) {
            sim.queue.push(sim.clock.now + period, EventType.POLICY_TASK, index);
        }
        tasks.get(index).run();
    }

    @Override
    public void note(String detail) {
        sim.log.add(RunEvent.Kind.NOTE, source, "", "", detail);
    }

    @Override
    public void query(String endpoint, double wallMillis, long llmInputTokens, long llmOutputTokens) {
        sim.log.query(endpoint, wallMillis, llmInputTokens, llmOutputTokens);
    }
}
