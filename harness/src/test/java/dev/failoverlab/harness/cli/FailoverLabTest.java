package dev.failoverlab.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end: exit codes, one-line errors, nothing half-written, reproducible reports. */
final class FailoverLabTest {
    private static final Path FIXTURES = Path.of("src/test/resources/cli");
    private static final Path SUITE = Path.of("../scenarios");

    @TempDir
    Path tmp;

    @Test
    void validateAcceptsThePublicSuite() {
        CliRun r = CliRun.of("validate", SUITE.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines().filter(l -> l.startsWith("ok "))).hasSize(9);
    }

    @Test
    void unknownKeyIsOneLineWithPositionAndExitCode2() {
        CliRun r = CliRun.of("validate", FIXTURES.resolve("unknown-key.yaml").toString());
        assertThat(r.exit()).isEqualTo(FailoverLab.EXIT_BAD_INPUT);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("unknown-key.yaml:5:1").contains("faultz").contains("faults");
    }

    @Test
    void unknownPolicyBackendAndScenarioAreRejectedBeforeAnyRun() {
        Path out = tmp.resolve("never");
        CliRun policy = CliRun.of("run", "-p", "nope", "-o", out.toString(), FIXTURES.resolve("short-crash.yaml").toString());
        CliRun backend = CliRun.of("run", "-b", "mars", "-o", out.toString(), FIXTURES.resolve("short-crash.yaml").toString());
        CliRun scenario = CliRun.of("run", "-o", out.toString(), "no-such-scenario.yaml");
        assertThat(policy.exit()).isEqualTo(2);
        assertThat(policy.err()).contains("unknown policy 'nope'").contains("traditional").contains("metric-analysis");
        assertThat(backend.exit()).isEqualTo(2);
        assertThat(backend.err()).contains("unknown backend 'mars'").contains("sim");
        assertThat(scenario.exit()).isEqualTo(2);
        assertThat(scenario.err()).contains("no-such-scenario.yaml");
        assertThat(out).doesNotExist();
    }

    @Test
    void missingTraceFileIsOneLine() {
        CliRun r = CliRun.of("validate", FIXTURES.resolve("missing-trace.yaml").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("missing-trace.yaml:4:").contains("no-such-trace.csv");
    }

    @Test
    void unwritableOrNonEmptyOutputFolderIsRejectedBeforeTheRun() throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        CliRun underFile = CliRun.of("run", "-o", file.resolve("report").toString(), FIXTURES.resolve("short-crash.yaml").toString());
        assertThat(underFile.exit()).isEqualTo(2);
        assertThat(underFile.err()).contains("not writable");

        Path full = Files.createDirectories(tmp.resolve("full"));
        Files.writeString(full.resolve("keep.txt"), "mine");
        CliRun nonEmpty = CliRun.of("run", "-o", full.toString(), FIXTURES.resolve("short-crash.yaml").toString());
        assertThat(nonEmpty.exit()).isEqualTo(2);
        assertThat(nonEmpty.err()).contains("not empty");
        try (Stream<Path> left = Files.list(full)) {
            assertThat(left).containsExactly(full.resolve("keep.txt"));
        }
    }

    @Test
    void runWritesAReportThatReportReRendersIdentically() throws IOException {
        Path out = tmp.resolve("report");
        CliRun r = CliRun.of("run", "--seeds", "2", "--no-progress", "-o", out.toString(),
                FIXTURES.resolve("short-crash.yaml").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Report: ").contains("index.html").contains("events/s");
        assertThat(out.resolve("index.html")).exists();
        String summary = Files.readString(out.resolve("summary.md"));
        String json = Files.readString(out.resolve("summary.json"));
        assertThat(summary).contains("short-crash").contains("traditional").contains("metric-analysis");

        CliRun again = CliRun.of("report", out.toString());
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(Files.readString(out.resolve("summary.md"))).isEqualTo(summary);
        assertThat(Files.readString(out.resolve("summary.json"))).isEqualTo(json);
    }

    @Test
    void sameScenarioPolicyAndSeedGiveByteIdenticalSummaryJson() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        String scenario = FIXTURES.resolve("short-crash.yaml").toString();
        assertThat(CliRun.of("run", "-s", "1", "-p", "traditional", "--no-progress", "-o", a.toString(), scenario).exit()).isZero();
        assertThat(CliRun.of("run", "-s", "1", "-p", "traditional", "--no-progress", "-j", "1", "-o", b.toString(), scenario).exit()).isZero();
        assertThat(Files.readString(b.resolve("summary.json"))).isEqualTo(Files.readString(a.resolve("summary.json")));
    }

    @Test
    void helpExplainsTheCommands() {
        CliRun r = CliRun.of("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("run").contains("report").contains("validate");
    }
}
