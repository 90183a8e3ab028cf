package dev.failoverlab.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

final class WorkloadMainTest {

    private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+) \\(COLOR=.*\\)");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aBadEnvironmentValuePrintsOneLineAndExitsTwo() {
        int code = run(Map.of("SLOW_REQUESTS", "abc"), server -> {
            throw new AssertionError("must not start");
        });

        assertThat(code).isEqualTo(2);
        assertThat(stderr()).isEqualTo("workload: SLOW_REQUESTS: expected a number 0..100, got 'abc'\n");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void argumentsAreRefusedWithTheEnvironmentNames() {
        int code = WorkloadMain.run(new String[] {"--port", "80"}, Map.of(), print(out), print(err), s -> { });

        assertThat(code).isEqualTo(2);
        assertThat(stderr()).startsWith("workload: takes no arguments (got '--port 80'); configure it with")
                .contains("SLOW_REQUESTS").endsWith("SEED\n").hasLineCount(1);
    }

    @Test
    void aPortInUsePrintsOneLineAndExitsOne() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0));
            int code = run(Map.of("PORT", Integer.toString(taken.getLocalPort())), server -> {
                throw new AssertionError("must not start");
            });

            assertThat(code).isEqualTo(1);
            assertThat(stderr()).startsWith("workload: cannot listen on port " + taken.getLocalPort() + ": ")
                    .hasLineCount(1);
        }
    }

    @Test
    void startingPrintsTheListeningLineWithThePort() {
        List<WorkloadServer> started = new ArrayList<>();
        int code = run(Map.of("PORT", "0", "COLOR", "green", "WARMUP_SECONDS", "0"), started::add);
        try {
            assertThat(code).isZero();
            assertThat(started).hasSize(1);
            assertThat(stdout()).hasLineCount(1);
            Matcher m = LISTENING.matcher(stdout().strip());
            assertThat(m.matches()).as(stdout()).isTrue();
            assertThat(Integer.parseInt(m.group(1))).isEqualTo(started.get(0).port());
            assertThat(stdout()).contains("COLOR=green").contains("PORT=" + started.get(0).port());
            assertThat(TestHttp.get(started.get(0).baseUri(), "/").body()).isEqualTo("green\n");
        } finally {
            started.forEach(WorkloadServer::close);
        }
    }

    /** The real process: SIGTERM while a slow request is in flight; it finishes with 200 and the JVM exits 0. */
    @Test
    void sigtermDrainsTheInFlightRequestAndExitsZero() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), WorkloadMain.class.getName());
        builder.environment().putAll(Map.of("PORT", "0", "WARMUP_SECONDS", "0", "WORK_MS", "0",
                "SLOW_REQUESTS", "100", "SLOW_DELAY_MS", "1000", "DRAIN_SECONDS", "30"));
        builder.redirectErrorStream(true);
        Process process = builder.start();
        // read the child's output as it comes: reading it only after exit races with the JDK's drain of the pipe
        BlockingQueue<String> output = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(output::add);
            } catch (IOException | UncheckedIOException e) {
                output.add("(output unreadable: " + e + ")");
            }
        }, "workload-child-output");
        reader.start();
        try {
            String first = output.poll(20, TimeUnit.SECONDS);
            Matcher m = LISTENING.matcher(first == null ? "" : first);
            assertThat(m.matches()).as("first line: %s", first).isTrue();
            URI base = URI.create("http://127.0.0.1:" + m.group(1) + "/");

            CompletableFuture<HttpResponse<String>> slow = TestHttp.CLIENT.sendAsync(
                    TestHttp.request(base, "GET", "/"), HttpResponse.BodyHandlers.ofString());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (TestHttp.samples(TestHttp.get(base, "/metrics").body())
                    .getOrDefault("http_requests_in_flight", 0.0) < 1) {
                assertThat(System.nanoTime()).as("the slow request reaches the server").isLessThan(deadline);
            }
            // SIGTERM; Process.destroy() would also close our end of the child's stdout
            assertThat(process.toHandle().destroy()).isTrue();

            HttpResponse<String> answer = slow.get(20, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
            reader.join(TimeUnit.SECONDS.toMillis(10));
            List<String> rest = new ArrayList<>(output);
            assertThat(rest).anyMatch(line -> line.startsWith("draining: 1 requests in flight"))
                    .anyMatch(line -> line.startsWith("drained after "));
        } finally {
            process.destroyForcibly();
        }
    }

    private int run(Map<String, String> env, java.util.function.Consumer<WorkloadServer> lifecycle) {
        return WorkloadMain.run(new String[0], env, print(out), print(err), lifecycle);
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
