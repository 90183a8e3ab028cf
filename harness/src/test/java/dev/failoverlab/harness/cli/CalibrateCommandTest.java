package dev.failoverlab.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failoverlab.harness.policy.PolicyRegistry;
import dev.failoverlab.harness.scenario.ScenarioParser;
import dev.failoverlab.harness.scenario.WorkloadSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code calibrate} for real on loopback: the workload in a child JVM, the load generator, the fit, the file a
 * scenario reads and the comparison table; and its bad input, rejected in one line before anything starts.
 */
final class CalibrateCommandTest {
    private static final double WORK_MS = 2.0;

    @TempDir
    Path tmp;

    @Test
    void aShortRealCalibrationWritesAFileScenariosReadAndComparesThreeLevels() throws IOException {
        Path file = tmp.resolve("calibration/workload.yaml");
        // 2 ms per request at 50..150 req/s keeps the workload at 5..15 % of two cores: quick and safe on a busy box
        CliRun r = CliRun.of("calibrate", "--rates", "50,100,150", "--duration", "2s", "--warmup", "2s",
                "--work-ms", Double.toString(WORK_MS), "--threads", "50", "--slow-delay-ms", "300",
                "--out", file.toString());

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        List<String> rows = r.out().lines().filter(l -> l.matches("\\s+(50|100|150) \\|.*")).toList();
        assertThat(rows).as(r.out()).hasSize(3);
        assertThat(r.out()).contains("rate req/s | real p95 ms | sim p95 ms", "fidelity: ", "slow run:",
                "wrote " + file);

        Path scenario = tmp.resolve("scenarios/calibrated.yaml");
        Files.createDirectories(scenario.getParent());
        Files.writeString(scenario, """
                name: calibrated
                duration: 5m
                workload: {calibration: ../calibration/workload.yaml}
                load:
                  - constant: {rps: 100, for: 5m}
                """);
        WorkloadSpec w = new ScenarioParser(PolicyRegistry.standard()).parse(scenario).workload();
        // the workload burns WORK_MS of thread CPU per request plus its HTTP and metrics overhead
        assertThat(w.cpuPerRequestMs()).isBetween(WORK_MS, 3 * WORK_MS);
        assertThat(w.concurrency()).isEqualTo(50);
        assertThat(w.slowDelayMs()).as("the slow mode's delay, as configured").isBetween(280.0, 400.0);
        assertThat(w.cpuCv()).isBetween(0.0, 4.0);
        assertThat(Files.readString(file)).contains("# measured: ", "# how: failover-lab calibrate --rates 50,100,150");
    }

    @Test
    void badInputIsOneLineAndExitCode2BeforeAnythingStarts() {
        Path out = tmp.resolve("never.yaml");
        String[][] cases = {
            {"--rates", "100,200"},
            {"--rates", "100,-5,200"},
            {"--duration", "1s"},
            {"--duration", "ten seconds"},
            {"--target", "ftp://127.0.0.1/"},
            {"--target", "http://bad host/"},
            {"--slow-percent", "5"},
            {"--work-ms", "0"},
        };
        for (String[] c : cases) {
            String[] args = {"calibrate", c[0], c[1], "--out", out.toString()};
            CliRun r = CliRun.of(args);
            assertThat(r.exit()).as(String.join(" ", args) + ": " + r.err()).isEqualTo(FailoverLab.EXIT_BAD_INPUT);
            assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
            assertThat(r.err()).startsWith("failover-lab: ").contains(c[0]);
        }
        assertThat(out).doesNotExist();
    }

    @Test
    void anUnreachableTargetIsOneLineAndExitCode2() {
        Path out = tmp.resolve("never.yaml");
        // port 1 on loopback: nothing listens there, the connection is refused at once
        CliRun r = CliRun.of("calibrate", "--target", "http://127.0.0.1:1/", "--out", out.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(FailoverLab.EXIT_BAD_INPUT);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("--target http://127.0.0.1:1/");
        assertThat(out).doesNotExist();
    }
}
