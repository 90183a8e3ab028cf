package dev.failoverlab.harness.demo;

import dev.failoverlab.harness.run.RunEvent;
import dev.failoverlab.harness.scenario.Scenario;
import dev.failoverlab.harness.sim.LiveLoad;
import dev.failoverlab.harness.sim.LiveSimulation;
import dev.failoverlab.harness.sim.live.ControlServer;
import dev.failoverlab.harness.sim.live.LiveRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * One running demo: the live simulation and the thread that advances it, the control API, and (unless left out)
 * the agent's HTTP API. Starts them in that order and stops them in reverse; a part that fails to start stops the
 * ones already running.
 */
public final class DemoSession implements AutoCloseable {
    /** Source name of the agent's actions in the event log. */
    public static final String AGENT = "agent";
    public static final String HOST = "127.0.0.1";

    /**
     * What to start.
     *
     * @param frontend the agent's HTTP API, or null to run the cluster and the control API alone
     * @param wallNanos the wall clock virtual time follows ({@code System::nanoTime} outside tests)
     */
    public record Config(Scenario scenario, LiveLoad load, double speed, long seed, int agentPort, int controlPort,
                         DemoAgentFrontend frontend, LongSupplier wallNanos, Duration tick) {
    }

    private final LiveSimulation live;
    private final LiveRunner runner;
    private final ControlServer control;
    private final AutoCloseable agent;
    private final DemoSettings settings;
    private int eventsShown;

    private DemoSession(LiveSimulation live, LiveRunner runner, ControlServer control, AutoCloseable agent,
                        DemoSettings settings) {
        this.live = live;
        this.runner = runner;
        this.control = control;
        this.agent = agent;
        this.settings = settings;
    }

    /** Starts everything; errors from the model go to {@code errors}. */
    public static DemoSession start(Config c, PrintStream errors) throws IOException {
        LiveSimulation live = new LiveSimulation(c.scenario(), c.seed(), c.speed(), c.load(), c.wallNanos());
        LiveRunner runner = LiveRunner.start(live, c.tick());
        ControlServer control = null;
        try {
            try {
                control = ControlServer.start(live, c.controlPort(), errors);
            } catch (BindException e) {
                throw bindError("the control API", c.controlPort(), e);
            }
            DemoSettings settings = DemoSettings.of(c.scenario(), HOST, c.agentPort(), control.url(), c.speed(),
                    c.seed());
            AutoCloseable agent = null;
            if (c.frontend() != null) {
                try {
                    agent = c.frontend().start(live.view(), live.actuator(AGENT), live.clock(), settings);
                } catch (BindException e) {
                    throw bindError("the agent's HTTP API", c.agentPort(), e);
                }
            }
            return new DemoSession(live, runner, control, agent, settings);
        } catch (IOException | RuntimeException e) {
            if (control != null) {
                control.close();
            }
            runner.close();
            throw e;
        }
    }

    private static BindException bindError(String what, int port, BindException cause) {
        BindException e = new BindException(what + " cannot listen on port " + port + ": " + cause.getMessage());
        e.initCause(cause);
        return e;
    }

    public LiveSimulation live() {
        return live;
    }

    public DemoSettings settings() {
        return settings;
    }

    public URI controlUrl() {
        return control.url();
    }

    public boolean agentRunning() {
        return agent != null;
    }

    /** Why the simulation stopped, or null while it runs. */
    public Throwable failure() {
        return runner.failure();
    }

    /** Events (faults, agent and operator actions, refusals, load changes) not returned by an earlier call. */
    public List<RunEvent> newEvents() {
        List<RunEvent> events = live.eventsSince(eventsShown);
        eventsShown += events.size();
        return events;
    }

    /** Stops the agent, the control API and the simulation thread, in that order, even if the agent fails to. */
    @Override
    public void close() {
        RuntimeException agentFailure = null;
        if (agent != null) {
            try {
                agent.close();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                agentFailure = new IllegalStateException("stopping the agent's HTTP API failed: " + e, e);
            }
        }
        control.close();
        runner.close();
        if (agentFailure != null) {
            throw agentFailure;
        }
    }
}
