package dev.failoverlab.harness.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.failoverlab.loadgen.yaml.SourceLocation;
import dev.failoverlab.loadgen.yaml.YamlFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code workload: {calibration: FILE}}: the file's values become the defaults, keys beside it override them. */
final class WorkloadCalibrationTest {
    private static final String CALIBRATION = """
            # written by failover-lab calibrate
            cpuPerRequestMs: 1.234   # slope of CPU on rate
            cpuCv: 0.8
            baseLatencyMs: 0.45
            slowDelayMs: 702.5
            concurrency: 100
            """;

    @TempDir
    Path dir;

    private final ScenarioParser parser = new ScenarioParser(new TestCatalog());

    private Path scenario(String workload) throws IOException {
        Path file = dir.resolve("scenarios").resolve("s.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "name: calibrated\nduration: 10m\nworkload: " + workload
                + "\nload:\n  - constant: {rps: 100, for: 5m}\n");
        return file;
    }

    private Path calibration(String relative, String text) throws IOException {
        Path file = dir.resolve("scenarios").resolve(relative).normalize();
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void theFileSetsTheDefaultsRelativeToTheScenarioAndExplicitKeysWin() throws IOException {
        calibration("../calibration/workload.yaml", CALIBRATION);
        Scenario s = parser.parse(scenario("{calibration: ../calibration/workload.yaml, cpuCv: 0.5}"));
        assertThat(s.workload()).isEqualTo(new WorkloadSpec(1.234, 0.5, 702.5, 20, 100, 1000, 10, 0.45, 120, 0.5));
    }

    @Test
    void aMissingFileIsReportedAtTheScenariosKey() throws IOException {
        Path file = scenario("{calibration: nowhere/workload.yaml}");
        YamlFileException e = catchThrowableOfType(YamlFileException.class, () -> parser.parse(file));
        assertThat(e.location()).isEqualTo(new SourceLocation(file.toString(), 3, 25));
        assertThat(e.getMessage()).startsWith(file + ":3:25: workload.calibration: calibration file not found: ")
                .contains("nowhere/workload.yaml", "relative to the scenario file", "failover-lab calibrate");
    }

    @Test
    void aMistakeInsideTheFileIsReportedInsideTheFile() throws IOException {
        Path cal = calibration("w.yaml", "# header\ncpuPerRequestMs: 1.2\ncpuCV: 0.8\n");
        Path file = scenario("{calibration: w.yaml}");
        YamlFileException e = catchThrowableOfType(YamlFileException.class, () -> parser.parse(file));
        assertThat(e.getMessage()).startsWith(cal + ":3:1: cpuCV: unknown key 'cpuCV'; allowed keys: cpuPerRequestMs,"
                + " cpuCv, slowDelayMs");

        Files.writeString(cal, "cpuPerRequestMs: fast\n");
        e = catchThrowableOfType(YamlFileException.class, () -> parser.parse(file));
        assertThat(e.getMessage()).startsWith(cal + ":1:18: cpuPerRequestMs: expected a number, got 'fast'");

        Files.writeString(cal, "# only a header\n\n");
        e = catchThrowableOfType(YamlFileException.class, () -> parser.parse(file));
        assertThat(e.getMessage()).startsWith(cal + ":1:1: the calibration file holds no values; expected keys:"
                + " cpuPerRequestMs");
    }

    @Test
    void anUnknownKeyBesideItListsCalibrationAmongTheAllowedKeys() throws IOException {
        Path file = scenario("{calibrate: w.yaml}");
        YamlFileException e = catchThrowableOfType(YamlFileException.class, () -> parser.parse(file));
        assertThat(e.getMessage()).startsWith(file + ":3:12: workload.calibrate: unknown key 'calibrate'; allowed"
                + " keys: calibration, cpuPerRequestMs");
    }
}
