package dev.failoverlab.loadgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failoverlab.loadgen.http.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class LoadgenCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new LoadgenCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false).execute(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertBadInput(Run run, String expected) {
        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith("loadgen: ").contains(expected).endsWith("\n");
        assertThat(run.err().strip().lines()).as("exactly one line").hasSize(1);
    }

    @Test
    void runsAConstantRateAndWritesJsonAndCsv() throws IOException {
        Path json = dir.resolve("run.json");
        Path csv = dir.resolve("run.csv");
        try (TestServer server = TestServer.ok()) {
            Run run = run(server.uri().toString(), "--rate", "200", "--duration", "1s", "--arrivals", "UNIFORM",
                    "--connections", "4", "--json", json.toString(), "--csv", csv.toString(), "--quiet");

            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(run.out()).contains("requests in 1.0 s").contains("status 200: ");
            JsonNode root = new ObjectMapper().readTree(json.toFile());
            assertThat(root.get("intended").asLong()).isEqualTo(200);
            assertThat(root.get("connections").asInt()).isEqualTo(4);
            assertThat(root.get("arrivals").asText()).isEqualTo("uniform");
            List<String> rows = Files.readAllLines(csv);
            assertThat(rows.get(0)).startsWith("row,end_s,target_rps");
            assertThat(rows.get(rows.size() - 1)).startsWith("total,1,200,");
        }
    }

    @Test
    void liveLinesGoToStderrUnlessQuiet() {
        try (TestServer server = TestServer.ok()) {
            Run run = run(server.uri().toString(), "--ramp", "100:300", "--duration", "1s");

            assertThat(run.code()).isZero();
            assertThat(run.err()).contains("ramp 100→300 rps over 1 s against " + server.uri())
                    .containsPattern("\\[ +1\\.0s\\] target +200\\.0 rps \\| achieved +\\d+\\.\\d rps \\| p50");
        }
    }

    @Test
    void helpExplainsEveryOptionWithAnExample() {
        Run run = run("--help");

        assertThat(run.code()).isZero();
        for (String option : List.of("--rate", "--ramp", "--duration", "--profile", "--connections", "--arrivals",
                "--seed", "--timeout", "--late", "--json", "--csv", "--quiet")) {
            assertThat(run.out()).contains(option);
        }
        assertThat(run.out()).contains("e.g. --ramp 50:800").contains("Examples:");
    }

    @Test
    void badUrlsAndUnreachableHostsAreOneLineExitTwo() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        assertBadInput(run("http://exa mple/", "--rate", "1", "--duration", "1s"), "malformed URL 'http://exa mple/'");
        assertBadInput(run("localhost:8080", "--rate", "1", "--duration", "1s"), "malformed URL");
        assertBadInput(run("ftp://127.0.0.1/", "--rate", "1", "--duration", "1s"), "only plain http");
        assertBadInput(run("http://127.0.0.1:" + closedPort + "/", "--rate", "1", "--duration", "1s"),
                "cannot connect to 127.0.0.1:" + closedPort);
    }

    @Test
    void badProfilesAndTracesAreOneLineExitTwo() throws IOException {
        Path malformed = Files.writeString(dir.resolve("bad.yaml"), "load:\n  - ramp: {from: 1, to: 2, over: soon}\n");
        Path missingTrace = Files.writeString(dir.resolve("trace.yaml"), "load:\n  - replay: {file: gone.csv, for: 1m}\n");
        Path syntax = Files.writeString(dir.resolve("syntax.yaml"), "load: [\n");
        try (TestServer server = TestServer.ok()) {
            String url = server.uri().toString();

            assertBadInput(run(url, "--profile", malformed.toString()), malformed + ":2:");
            assertBadInput(run(url, "--profile", malformed.toString()), "load[0].ramp.over");
            assertBadInput(run(url, "--profile", missingTrace.toString()), "trace file not found");
            assertBadInput(run(url, "--profile", syntax.toString()), "YAML syntax error");
            assertBadInput(run(url, "--profile", dir.resolve("none.yaml").toString()), "profile file not found");
        }
    }

    @Test
    void badOptionsAreOneLineExitTwo() {
        String url = "http://127.0.0.1:1/";
        assertBadInput(run(url, "--rate", "abc", "--duration", "1s"), "--rate");
        assertBadInput(run(url, "--rate", "10", "--duration", "5x"), "expected a duration like 250ms");
        assertBadInput(run(url, "--rate", "10"), "--rate needs --duration");
        assertBadInput(run(url), "no load given");
        assertBadInput(run(url, "--rate", "1", "--ramp", "1:2", "--duration", "1s"), "only one of");
        assertBadInput(run(url, "--ramp", "5-8", "--duration", "1s"), "--ramp: expected FROM:TO");
        assertBadInput(run(url, "--rate", "-3", "--duration", "1s"), "--rate: expected a rate >= 0");
        assertBadInput(run(url, "--rate", "1", "--duration", "1s", "--arrivals", "bursty"), "--arrivals");
        assertBadInput(run(url, "--rate", "1", "--duration", "1s", "--connections", "0"), "connections must be");
        assertBadInput(run(url, "--rate", "1", "--duration", "1s", "--bogus"), "Unknown option: '--bogus'");
        assertBadInput(run(url, "--rate", "1", "--duration", "1s", "--json", "/no/such/dir/x.json"),
                "--json: directory /no/such/dir does not exist");
        assertBadInput(run(), "Missing required parameter: 'URL'");
    }
}
