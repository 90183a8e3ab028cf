package dev.failoverlab.harness.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failoverlab.harness.scenario.Scenario;
import dev.failoverlab.harness.sim.LiveLoad;
import dev.failoverlab.harness.sim.LiveSimulation;
import dev.failoverlab.harness.sim.live.ControlServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/demo-kubectl.sh and scripts/gradual-load-test.sh, run with bash and curl against a control API. */
final class DemoScriptsTest {
    private static final Path SCRIPTS = Path.of("../scripts");
    private static final String NS = "mcp-failover-clean";
    /** Runbook step 6's patch body, verbatim. */
    private static final String STEP6_PATCH = """
            {
              "spec": {
                "template": {
                  "spec": {
                    "containers": [{
                      "name": "web",
                      "env": [{"name": "SLOW_REQUESTS", "value": "20"}]
                    }]
                  }
                }
              }
            }""";

    @TempDir
    Path tmp;
    private volatile long wall = 0;
    private LiveSimulation live;
    private ControlServer server;

    private record Result(int exit, String out, String err) {
    }

    @BeforeAll
    static void needsBashAndCurl() {
        for (String tool : List.of("bash", "curl")) {
            boolean present;
            try {
                present = new ProcessBuilder(tool, "--version").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
            } catch (IOException | InterruptedException e) {
                present = false;
            }
            Assumptions.assumeTrue(present, tool + " not found on PATH: skipping the demo script tests");
        }
    }

    @BeforeEach
    void start() throws IOException {
        Scenario builtin = DemoScenarios.builtin();
        live = new LiveSimulation(builtin, 5, 1, new LiveLoad.Constant(100), () -> wall);
        server = ControlServer.start(live, 0, new PrintStream(PrintStream.nullOutputStream()));
        step(10);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void step(int seconds) {
        for (int i = 0; i < seconds; i++) {
            wall += 1_000_000_000L;
            live.advance();
        }
    }

    private ProcessBuilder script(String name, String controlUrl, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPTS.resolve(name).toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("DEMO_CONTROL_URL", controlUrl);
        pb.environment().put("DEMO_WATCH_SECONDS", "0.2");
        return pb;
    }

    /** Runs a script to its end; the model does not move meanwhile. */
    private Result run(String name, String... args) throws Exception {
        return finish(script(name, server.url().toString(), args), null);
    }

    /**
     * Runs a script to its end. With {@code whileRunning}, once the script has printed its first line, runs it
     * (stepping the model) between short waits for the script, at most 600 times: rollout status needs time to pass.
     */
    private Result finish(ProcessBuilder pb, Runnable whileRunning) throws Exception {
        Path out = tmp.resolve("out-" + System.nanoTime());
        Path err = tmp.resolve("err-" + System.nanoTime());
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (int steps = 0; whileRunning != null && p.isAlive() && System.nanoTime() < deadline; ) {
            if (steps < 600 && Files.size(out) > 0) {
                whileRunning.run();
                steps++;
            }
            p.waitFor(5, TimeUnit.MILLISECONDS);
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("the script ends").isTrue();
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static void assertOneLineError(Result r, String fragment) {
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
        assertThat(r.err()).contains(fragment);
    }

    @Test
    void patchAndRolloutStatusAsInRunbookStep6() throws Exception {
        Result patched = run("demo-kubectl.sh", "patch", "deployment", "web-blue", "-n", NS, "-p", STEP6_PATCH);
        assertThat(patched.exit()).as(patched.err()).isZero();
        assertThat(patched.out()).isEqualTo("deployment.apps/web-blue patched\n");
        assertThat(live.rollout("web-blue").complete()).isFalse();

        Result rollout = finish(script("demo-kubectl.sh", server.url().toString(), "rollout", "status",
                "deployment/web-blue", "-n", NS), () -> step(1));
        assertThat(rollout.exit()).as(rollout.err()).isZero();
        List<String> lines = rollout.out().lines().toList();
        assertThat(lines.get(0)).startsWith("Waiting for deployment \"web-blue\" rollout to finish:");
        assertThat(lines).last().isEqualTo("deployment \"web-blue\" successfully rolled out");
        assertThat(live.status().deployment("web-blue").appKnobs()).containsEntry("SLOW_REQUESTS", 20.0);
    }

    @Test
    void rolloutStatusFailsOnItsTimeout() throws Exception {
        run("demo-kubectl.sh", "patch", "deployment/web-blue", "-p", "{\"env\":{\"SLOW_REQUESTS\":\"20\"}}");
        Result r = run("demo-kubectl.sh", "rollout", "status", "deployment/web-blue", "--timeout=50ms");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).startsWith("Waiting for deployment \"web-blue\"");
        assertThat(r.err()).isEqualTo("demo-kubectl: error: timed out waiting for the condition\n");
    }

    @Test
    void getPodsAndTheServiceSelector() throws Exception {
        Result pods = run("demo-kubectl.sh", "get", "pods", "-n", NS);
        assertThat(pods.exit()).as(pods.err()).isZero();
        List<String> rows = pods.out().lines().toList();
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).startsWith("NAME").endsWith("AGE");
        assertThat(rows.subList(1, 4)).allSatisfy(r -> assertThat(r).contains("1/1").contains("Running"));

        Result selector = run("demo-kubectl.sh", "get", "svc", "web", "-n", NS, "-o", "jsonpath={.spec.selector}");
        assertThat(selector.out()).isEqualTo("{\"app\":\"web\",\"color\":\"blue\"}\n");
        live.actuator("agent").switchSelector("green", "test");
        Result quoted = run("demo-kubectl.sh", "get", "svc", "web", "-n", NS, "-o", "jsonpath='{.spec.selector}'");
        assertThat(quoted.out()).isEqualTo("{\"app\":\"web\",\"color\":\"green\"}\n");
    }

    @Test
    void getPodsWatchPrintsTheTableThenEachChange() throws Exception {
        Process p = script("demo-kubectl.sh", server.url().toString(), "get", "pods", "-n", NS, "-w")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                r.lines().forEach(lines::add);
            } catch (IOException ignored) {
                // the process was stopped
            }
        });
        reader.start();
        try {
            List<String> table = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                table.add(lines.poll(20, TimeUnit.SECONDS));
            }
            assertThat(table.get(0)).startsWith("NAME");
            assertThat(table.subList(1, 4)).allSatisfy(r -> assertThat(r).contains("Running"));
            live.operator().scale("web-green", 2);
            String change = lines.poll(20, TimeUnit.SECONDS);
            assertThat(change).startsWith("web-green-").contains("0/1").contains("Pending");
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
            reader.join(10_000);
        }
    }

    @Test
    void errorsAreOneLineAndNonZero() throws Exception {
        assertOneLineError(run("demo-kubectl.sh", "get", "nodes"), "demo-kubectl: unsupported: get nodes (supported:");
        assertOneLineError(run("demo-kubectl.sh"), "demo-kubectl: no command given");
        assertOneLineError(run("demo-kubectl.sh", "delete", "pod", "x"), "unsupported command 'delete pod x'");
        assertOneLineError(run("demo-kubectl.sh", "patch", "deployment", "web-purple", "-p", "{\"env\":{\"A\":\"1\"}}"),
                "demo-kubectl: error: deployment: unknown deployment 'web-purple' (known: web-blue, web-green)");
        assertOneLineError(run("demo-kubectl.sh", "patch", "deployment", "web-blue"), "patch needs -p");
        assertOneLineError(run("demo-kubectl.sh", "get", "pods", "-n", "default"),
                "namespace: 'default' is not the demo's namespace (mcp-failover-clean)");
        assertOneLineError(run("demo-kubectl.sh", "get", "svc", "web", "-o", "yaml"),
                "only -o jsonpath={.spec.selector} is supported");
        assertOneLineError(run("demo-kubectl.sh", "get", "pods", "--all-namespaces"), "unsupported flag '--all-namespaces'");
        assertOneLineError(run("demo-kubectl.sh", "rollout", "status", "deployment/nope"),
                "demo-kubectl: error: deployment: unknown deployment 'nope'");
        String nowhere = "http://127.0.0.1:" + DemoSessionTest.freePort();
        assertOneLineError(finish(script("demo-kubectl.sh", nowhere, "get", "pods"), null),
                "cannot reach the demo's control API at " + nowhere);
        assertOneLineError(finish(script("demo-kubectl.sh", nowhere, "rollout", "status", "deployment/web-blue"), null),
                "cannot reach the demo's control API");
    }

    @Test
    void gradualLoadRampsTheDemosLoad() throws Exception {
        Result r = run("gradual-load-test.sh", "300");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("load: ramp 50→800 rps over 300 s (then holds 800 rps;");
        assertThat(live.status().load()).isEqualTo("ramp 50→800 rps over 300 s");
        step(150);
        assertThat(live.offeredRps()).isCloseTo(425, org.assertj.core.data.Offset.offset(1e-6));
        Result custom = run("gradual-load-test.sh", "120", "100", "400");
        assertThat(custom.exit()).isZero();
        assertThat(live.status().load()).isEqualTo("ramp 100→400 rps over 120 s");

        assertOneLineError(run("gradual-load-test.sh", "abc"), "gradual-load-test: SECONDS must be a whole number > 0");
        assertOneLineError(run("gradual-load-test.sh", "0"), "SECONDS must be a whole number > 0, got '0'");
        assertOneLineError(run("gradual-load-test.sh"), "expected 1 to 3 arguments, got 0");
        assertOneLineError(run("gradual-load-test.sh", "60", "10", "99999999"),
                "gradual-load-test: error: to: must be a rate in requests per second between 0 and 50000");
        assertOneLineError(finish(script("gradual-load-test.sh", "http://127.0.0.1:" + DemoSessionTest.freePort(), "60"),
                null), "cannot reach the demo's control API");
    }
}
