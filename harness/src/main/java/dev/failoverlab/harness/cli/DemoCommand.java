package dev.failoverlab.harness.cli;

import dev.failoverlab.harness.demo.DemoAgentFrontend;
import dev.failoverlab.harness.demo.DemoAgentFrontends;
import dev.failoverlab.harness.demo.DemoScenarios;
import dev.failoverlab.harness.demo.DemoSession;
import dev.failoverlab.harness.demo.RunbookSteps;
import dev.failoverlab.harness.policy.PolicyRegistry;
import dev.failoverlab.loadgen.yaml.Durations;
import dev.failoverlab.harness.scenario.Scenario;
import dev.failoverlab.loadgen.yaml.YamlFileException;
import dev.failoverlab.harness.sim.LiveLoad;
import dev.failoverlab.harness.sim.LiveSimulation;
import dev.failoverlab.harness.sim.live.KubectlText;
import dev.failoverlab.harness.sim.live.LiveRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code demo}: the runbook on a laptop — the simulated cluster in real time, its control API and the agent. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {
            "Runs the runbook's blue/green environment as a simulation in real time, with the agent's HTTP API on "
                    + "--port and a control API on --control-port for scripts/demo-kubectl.sh and "
                    + "scripts/gradual-load-test.sh. Runs until Ctrl-C (or --for). docs/runbook-local.md walks "
                    + "through the runbook's steps against it."})
final class DemoCommand implements Callable<Integer> {
    private static final long STATUS_EVERY_SECONDS = 10;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "Port of the agent's HTTP API (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--control-port", defaultValue = "8081",
            description = "Port of the control API on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int controlPort;

    @Option(names = "--speed", defaultValue = "1",
            description = "Virtual seconds per wall second, up to 1000 (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--rps", paramLabel = "RPS",
            description = "Constant load to start with (default: 100, or the scenario file's own load profile).")
    Double rps;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of arrivals and requests (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "Scenario file for the cluster, SLO and context; its faults play at their times "
                    + "(default: the built-in runbook setup).")
    Path scenario;

    @Option(names = "--no-agent", negatable = false,
            description = "Run only the simulated cluster and the control API (no agent on --port).")
    boolean noAgent;

    @Option(names = "--for", paramLabel = "DURATION",
            description = "Stop after this much wall time, e.g. 30m (default: run until Ctrl-C).")
    String runFor;

    private final Supplier<DemoAgentFrontend> frontends;

    DemoCommand() {
        this(DemoAgentFrontends::standard);
    }

    DemoCommand(Supplier<DemoAgentFrontend> frontends) {
        this.frontends = frontends;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        checkPort("--port", port);
        checkPort("--control-port", controlPort);
        if (!(speed > 0) || speed > LiveSimulation.MAX_SPEED) {
            throw new UserError("--speed must be > 0 and at most 1000, got " + speed);
        }
        if (rps != null && !(rps >= 0 && rps <= LiveLoad.MAX_RPS)) {
            throw new UserError("--rps must be between 0 and 50000 requests per second, got " + rps);
        }
        Duration limit = runFor == null ? null : duration(runFor);
        Scenario cluster = scenario == null ? DemoScenarios.builtin() : Scenarios.load(List.of(scenario),
                PolicyRegistry.standard()).get(0);
        LiveLoad load = DemoScenarios.initialLoad(cluster, rps, scenario == null);
        DemoAgentFrontend frontend = noAgent ? null : frontend();
        DemoSession session = start(new DemoSession.Config(cluster, load, speed, seed, port, controlPort, frontend,
                System::nanoTime, LiveRunner.DEFAULT_TICK));
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(10, TimeUnit.SECONDS); // let the main thread close the servers before the JVM goes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            RunbookSteps.banner(session.settings(), session.live().status(), session.controlUrl().toString(),
                    session.agentRunning(), load).forEach(out::println);
            out.flush();
            if (!runUntilStopped(session, stop, limit, out)) {
                out.println(session.live().status().line()); // the state the demo ends in
            }
        } finally {
            session.close();
            out.println("demo stopped");
            out.flush();
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // Ctrl-C: the hook is running and waits for `stopped`
            }
        }
        if (session.failure() != null) {
            throw new IllegalStateException("the simulation stopped: " + session.failure(), session.failure());
        }
        return 0;
    }

    /**
     * Prints new events every second and a status line every 10 s of wall time until stopped; returns whether the
     * last round ended with a status line (so the caller need not print the final state again).
     */
    private static boolean runUntilStopped(DemoSession session, CountDownLatch stop, Duration limit, PrintWriter out)
            throws InterruptedException {
        long start = System.nanoTime();
        long nextStatus = start + TimeUnit.SECONDS.toNanos(STATUS_EVERY_SECONDS);
        boolean statusLast = false;
        while (session.failure() == null) {
            statusLast = false;
            session.newEvents().forEach(e -> out.println(KubectlText.event(e)));
            long now = System.nanoTime();
            if (now - nextStatus >= 0) {
                out.println(session.live().status().line());
                nextStatus += TimeUnit.SECONDS.toNanos(STATUS_EVERY_SECONDS);
                statusLast = true;
            }
            out.flush();
            long left = limit == null ? Long.MAX_VALUE : limit.toNanos() - (now - start);
            if (left <= 0 || stop.await(Math.min(left, TimeUnit.SECONDS.toNanos(1)), TimeUnit.NANOSECONDS)) {
                return statusLast;
            }
        }
        return false;
    }

    private DemoAgentFrontend frontend() {
        try {
            return frontends.get();
        } catch (IllegalStateException e) {
            throw new UserError("the agent cannot start: " + e.getMessage()
                    + " (run with --no-agent for the simulated cluster and the control API alone)");
        }
    }

    private static DemoSession start(DemoSession.Config config) throws IOException {
        try {
            return DemoSession.start(config, System.err);
        } catch (BindException e) {
            throw new UserError(e.getMessage() + " (another demo running? pick free ports with --port and"
                    + " --control-port)");
        } catch (YamlFileException | IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    private static void checkPort(String option, int value) {
        if (value < 0 || value > 65_535) {
            throw new UserError(option + " must be a port 1..65535 (0 picks a free one), got " + value);
        }
    }

    private static Duration duration(String text) {
        return Durations.tryParse(text).orElseThrow(() -> new UserError(String.format(Locale.ROOT,
                "--for expects a duration like 90s, 30m or 1h30m, got '%s'", text)));
    }
}
