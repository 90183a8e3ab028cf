package dev.failoverlab.harness.calibrate;

import dev.failoverlab.harness.scenario.WorkloadSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a fit as the YAML a scenario reads through {@code workload: {calibration: FILE}}: the fitted keys of the
 * {@code workload} section, each under a comment saying where it came from, below a header saying when, where and
 * how it was measured and what each level showed. Keys the calibration does not measure are not written, so a
 * scenario's own values or the defaults apply to them.
 */
public final class CalibrationFile {
    public static final Path DEFAULT_PATH = Path.of("calibration", "workload.yaml");

    /**
     * Where and how the measurements were taken.
     *
     * @param measuredAt when the calibration ran (wall clock; shown only)
     * @param host       the machine's name
     * @param how        the command and the workload's settings, one line
     */
    public record Provenance(Instant measuredAt, String host, String how) {
    }

    private CalibrationFile() {
    }

    public static String render(WorkloadFit.Result fit, List<RealLevel> levels, RealLevel slowRun, double slowPercent,
                                Provenance provenance) {
        StringBuilder b = new StringBuilder();
        b.append("# Workload model of the real demo app for the simulator, fitted by failover-lab calibrate.\n");
        b.append("# Use it in a scenario: workload: {calibration: <this file, relative to the scenario file>}\n");
        b.append(String.format(Locale.ROOT, "# measured: %s on %s (%d cores, %s %s %s), Java %s (%s)%n",
                provenance.measuredAt().truncatedTo(ChronoUnit.SECONDS), provenance.host(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("os.arch"), System.getProperty("java.version"),
                System.getProperty("java.vm.name")));
        b.append("# how: ").append(provenance.how()).append('\n');
        b.append(String.format(Locale.ROOT, "# machine: %s cores, shared by the workload and the load generator; the"
                + " workload's idle CPU %.4f cores is not modelled%n", WorkloadFit.number(fit.cores()),
                fit.idleCores()));
        b.append("# levels (target req/s: server req/s, client p50/p95/p99 ms, workload CPU cores, errors;"
                + " sharing):\n");
        for (RealLevel l : levels) {
            b.append("#   ").append(level(l)).append('\n');
        }
        if (slowRun != null) {
            b.append(String.format(Locale.ROOT, "# slow run, SLOW_REQUESTS=%s: %s, %.1f %% slow%n",
                    WorkloadFit.number(slowPercent), level(slowRun), 100 * slowRun.slowFraction()));
        }
        WorkloadSpec w = fit.workload();
        Map<String, String> sources = fit.sources();
        key(b, sources, "cpuPerRequestMs", String.format(Locale.ROOT, "%.4f", w.cpuPerRequestMs()));
        key(b, sources, "cpuCv", String.format(Locale.ROOT, "%.3f", w.cpuCv()));
        key(b, sources, "baseLatencyMs", String.format(Locale.ROOT, "%.3f", w.baseLatencyMs()));
        key(b, sources, "slowDelayMs", String.format(Locale.ROOT, "%.1f", w.slowDelayMs()));
        key(b, sources, "concurrency", Integer.toString(w.concurrency()));
        return b.toString();
    }

    private static String level(RealLevel l) {
        RealLevel.Sharing s = l.sharing();
        String sharing = s == RealLevel.Sharing.DEDICATED ? "" : String.format(Locale.ROOT, "; load generator %.2f"
                + " cores, other processes %.2f cores, %d of %d chunks%s", s.loadgenCores(), s.neighbourCores(),
                s.chunksUsed(), s.chunksRun(), s.undisturbed() ? "" : " (disturbed)");
        return String.format(Locale.ROOT, "%.0f: %.1f req/s, %.2f/%.2f/%.2f ms, %.3f cores, %d errors%s",
                l.targetRps(), l.serverRps(), l.p50Ms(), l.p95Ms(), l.p99Ms(), l.cpuCores(), l.errors(), sharing);
    }

    /** A key only when the fit produced it, under its source. */
    private static void key(StringBuilder b, Map<String, String> sources, String key, String value) {
        String source = sources.get(key);
        if (source != null) {
            b.append("# ").append(source).append('\n').append(key).append(": ").append(value).append('\n');
        }
    }

    /** Writes the text, creating parent folders. */
    public static void write(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the calibration file " + file + ": " + e.getMessage(), e);
        }
    }
}
