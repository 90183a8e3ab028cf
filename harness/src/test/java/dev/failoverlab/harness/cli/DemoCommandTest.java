package dev.failoverlab.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failoverlab.harness.demo.DemoAgentFrontend;
import dev.failoverlab.harness.demo.DemoSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code failover-lab demo}, run for zero seconds: wiring, banner, shutdown and the one-line errors. */
final class DemoCommandTest {

    private record Result(int exit, String out, String err, Exception thrown) {
    }

    private static Result demo(Supplier<DemoAgentFrontend> frontends, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicReference<Exception> thrown = new AtomicReference<>();
        CommandLine cl = new CommandLine(new DemoCommand(frontends));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler((e, c, p) -> {
            thrown.set(e);
            return FailoverLab.EXIT_BAD_INPUT;
        });
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString(), thrown.get());
    }

    private static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = FailoverLab.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString(), null);
    }

    @Test
    void startsTheAgentPrintsTheRunbookAndStopsCleanly() {
        AtomicReference<DemoSettings> settings = new AtomicReference<>();
        boolean[] closed = {false};
        DemoAgentFrontend agent = (view, actuator, clock, s) -> {
            settings.set(s);
            return () -> closed[0] = true;
        };
        Result r = demo(() -> agent, "--port", "0", "--control-port", "0", "--rps", "250", "--speed", "10",
                "--seed", "9", "--for", "0s");
        assertThat(r.exit()).as(r.err() + r.thrown()).isZero();
        assertThat(r.out()).contains("Failover Lab demo: the runbook on this machine, no Kubernetes"
                + " (simulated cluster, speed 10x, seed 9)")
                .contains("web-blue 2 replicas (active), web-green 1 replica, Service web → blue")
                .contains("load     constant 250 rps")
                .contains("agent    http://localhost:0")
                .contains("control  http://127.0.0.1:")
                .contains("scripts/demo-kubectl.sh patch deployment web-blue -n mcp-failover-clean -p")
                .contains("scripts/gradual-load-test.sh --demo 300 &")
                .contains("] load 250 rps")
                .endsWith("demo stopped" + System.lineSeparator());
        assertThat(settings.get().speed()).isEqualTo(10);
        assertThat(settings.get().seed()).isEqualTo(9);
        assertThat(closed[0]).isTrue();
    }

    @Test
    void withoutTheAgentTheClusterAndControlApiRunAlone() {
        Result r = cli("demo", "--no-agent", "--control-port", "0", "--for", "0s");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("agent    not started (--no-agent)").contains("demo stopped");
    }

    @Test
    void anAgentThatCannotStartIsOneLineWithTheWayOut() {
        Result r = demo(() -> {
            throw new IllegalStateException("agent not wired yet");
        }, "--control-port", "0", "--for", "0s");
        assertThat(r.exit()).isEqualTo(FailoverLab.EXIT_BAD_INPUT);
        assertThat(r.thrown()).isInstanceOf(UserError.class)
                .hasMessage("the agent cannot start: agent not wired yet (run with --no-agent for the simulated"
                        + " cluster and the control API alone)");
    }

    @Test
    void badOptionsAreRejectedBeforeAnythingStarts() {
        record Case(String[] args, String message) {
        }
        for (Case c : new Case[] {
            new Case(new String[] {"demo", "--speed", "0"}, "--speed must be > 0 and at most 1000, got 0.0"),
            new Case(new String[] {"demo", "--speed", "5000"}, "--speed must be > 0 and at most 1000"),
            new Case(new String[] {"demo", "--rps", "-1"}, "--rps must be between 0 and 50000"),
            new Case(new String[] {"demo", "--port", "70000"}, "--port must be a port 1..65535"),
            new Case(new String[] {"demo", "--for", "soon"}, "--for expects a duration like 90s, 30m or 1h30m, got 'soon'"),
            new Case(new String[] {"demo", "--scenario", "no-such.yaml"}, "scenario file or folder not found: no-such.yaml"),
            new Case(new String[] {"demo", "--scenario", "src/test/resources/cli/unknown-key.yaml"}, "unknown-key.yaml:5:1"),
        }) {
            Result r = cli(c.args());
            assertThat(r.exit()).as(String.join(" ", c.args()) + ": " + r.err()).isEqualTo(FailoverLab.EXIT_BAD_INPUT);
            assertThat(r.err().strip().lines()).hasSize(1);
            assertThat(r.err()).startsWith("failover-lab: ").contains(c.message());
            assertThat(r.out()).isEmpty();
        }
    }
}
