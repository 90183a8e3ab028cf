package dev.failoverlab.harness.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.failoverlab.harness.policy.PolicyRegistry;
import dev.failoverlab.harness.scenario.Scenario;
import dev.failoverlab.harness.scenario.ScenarioParser;
import dev.failoverlab.harness.scenario.WorkloadSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The written file is what a scenario reads: the fitted values back, every value under its source. */
final class CalibrationFileTest {
    private static final WorkloadSpec FITTED = new WorkloadSpec(1.23456, 0.8123, 703.25, 20, 100, 1000, 10, 0.4567,
            120, 0.5);
    private static final List<RealLevel> LEVELS = List.of(
            new RealLevel(150, 149.9, 150.2, 1.5, 3.9, 6.1, 0, 0.21, 1499, 0, 10),
            new RealLevel(400, 399.1, 400.3, 1.7, 5.0, 8.2, 0, 0.52, 3991, 1, 10));
    private static final RealLevel SLOW = new RealLevel(150, 150.0, 150.1, 1.6, 705.0, 709.0, 0.201, 0.2, 1500, 0, 10);

    @TempDir
    Path dir;

    private static WorkloadFit.Result fit(boolean withSlow) {
        Map<String, String> sources = new java.util.LinkedHashMap<>();
        sources.put("cpuPerRequestMs", "slope of CPU on rate");
        sources.put("cpuCv", "spread at the lowest rate");
        sources.put("baseLatencyMs", "p50 minus work");
        if (withSlow) {
            sources.put("slowDelayMs", "p95 of the slow run");
        }
        sources.put("concurrency", "THREADS");
        return new WorkloadFit.Result(FITTED, 2, 0.0131, 1.5, sources);
    }

    private Scenario parseScenarioUsing(Path calibration) throws IOException {
        Path scenario = dir.resolve("scenarios/s.yaml");
        Files.createDirectories(scenario.getParent());
        Files.writeString(scenario, "name: s\nduration: 5m\nworkload: {calibration: "
                + scenario.getParent().relativize(calibration) + ", startupSeconds: 5}\n"
                + "load:\n  - constant: {rps: 10, for: 1m}\n");
        return new ScenarioParser(PolicyRegistry.standard()).parse(scenario);
    }

    @Test
    void aScenarioReadsTheFittedValuesBack() throws IOException {
        Path file = dir.resolve("calibration/workload.yaml");
        String text = CalibrationFile.render(fit(true), LEVELS, SLOW, 20,
                new CalibrationFile.Provenance(Instant.parse("2026-12-05T10:11:12.345Z"), "lab-host", "test run"));
        CalibrationFile.write(file, text);

        WorkloadSpec read = parseScenarioUsing(file).workload();
        assertThat(read.cpuPerRequestMs()).isCloseTo(FITTED.cpuPerRequestMs(), within(5e-5));
        assertThat(read.cpuCv()).isCloseTo(FITTED.cpuCv(), within(5e-4));
        assertThat(read.baseLatencyMs()).isCloseTo(FITTED.baseLatencyMs(), within(5e-4));
        assertThat(read.slowDelayMs()).isCloseTo(FITTED.slowDelayMs(), within(0.05));
        assertThat(read.concurrency()).isEqualTo(100);
        assertThat(read.startupSeconds()).as("the scenario's own key wins").isEqualTo(5);

        assertThat(text).startsWith("# Workload model of the real demo app")
                .contains("# measured: 2026-12-05T10:11:12Z on lab-host (", "# how: test run\n",
                        "idle CPU 0.0131 cores is not modelled",
                        "#   150: 150.2 req/s, 1.50/3.90/6.10 ms, 0.210 cores, 0 errors\n",
                        "# slow run, SLOW_REQUESTS=20: 150: 150.1 req/s, 1.60/705.00/709.00 ms, 0.200 cores, 0 errors,"
                                + " 20.1 % slow\n",
                        "# slope of CPU on rate\ncpuPerRequestMs: 1.2346\n",
                        "# p95 of the slow run\nslowDelayMs: 703.3\n");
    }

    @Test
    void withoutASlowRunTheSlowDelayIsNotWritten() throws IOException {
        Path file = dir.resolve("w.yaml");
        CalibrationFile.write(file, CalibrationFile.render(fit(false), LEVELS, null, 0,
                new CalibrationFile.Provenance(Instant.EPOCH, "h", "how")));
        assertThat(Files.readString(file)).doesNotContain("slowDelayMs", "slow run");
        assertThat(parseScenarioUsing(file).workload().slowDelayMs()).isEqualTo(WorkloadSpec.DEFAULTS.slowDelayMs());
    }
}
