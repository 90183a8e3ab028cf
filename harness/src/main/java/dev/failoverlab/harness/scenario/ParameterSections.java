package dev.failoverlab.harness.scenario;

import dev.failoverlab.loadgen.yaml.YamlNode;
import dev.failoverlab.loadgen.yaml.NumberRange;
import dev.failoverlab.loadgen.yaml.SourceLocation;
import dev.failoverlab.loadgen.yaml.YamlFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the flat numeric sections {@code workload:}, {@code pricing:}, {@code slo:} and {@code budget:}, and the
 * free-form {@code context:}. Each key is optional and falls back to the model's defaults; units are part of
 * the key names ({@code ...Ms}, {@code ...Seconds}, {@code ...MiB}, {@code ...Percent}, {@code perHour} in $).
 * {@code workload.calibration} names a file written by {@code failover-lab calibrate} (relative to the scenario
 * file) whose values replace the defaults; keys written beside it override those.
 */
final class ParameterSections {
    static final List<String> WORKLOAD_KEYS = List.of("cpuPerRequestMs", "cpuCv", "slowDelayMs", "startupSeconds",
            "concurrency", "queueLimit", "timeoutSeconds", "baseLatencyMs", "memoryBaseMiB", "memoryPerInflightMiB");
    static final List<String> PRICING_KEYS = List.of("vcpuHour", "gibHour", "llmInputPer1M", "llmOutputPer1M");
    static final List<String> SLO_KEYS = List.of("latencyP95Ms", "errorRatePercent", "availabilityPercent");
    static final List<String> BUDGET_KEYS = List.of("perHour");

    private static final NumberRange NON_NEGATIVE = NumberRange.ANY_NON_NEGATIVE;
    private static final NumberRange POSITIVE = NumberRange.POSITIVE;

    private ParameterSections() {
    }

    static final String CALIBRATION = "calibration";

    static WorkloadSpec workload(YamlNode w, Path baseDir) {
        List<String> allowed = new ArrayList<>(WORKLOAD_KEYS);
        allowed.add(0, CALIBRATION);
        w.forbidUnknownKeys(allowed);
        WorkloadSpec defaults = w.get(CALIBRATION).map(c -> calibration(c, baseDir)).orElse(WorkloadSpec.DEFAULTS);
        return workloadValues(w, defaults);
    }

    /** The calibration file's values; its own errors point into it, a missing file at the scenario's key. */
    private static WorkloadSpec calibration(YamlNode reference, Path baseDir) {
        String name = reference.asString();
        Path file;
        try {
            file = baseDir.resolve(name);
        } catch (InvalidPathException e) {
            throw reference.error("'" + name + "' is not a valid file path (" + e.getReason() + ")");
        }
        if (!Files.isRegularFile(file)) {
            throw reference.error("calibration file not found: " + file + " (the path is relative to the scenario"
                    + " file; write one with: failover-lab calibrate --out " + name + ")");
        }
        String yaml;
        try {
            yaml = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw reference.error("cannot read the calibration file " + file + " (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + ")");
        }
        if (yaml.lines().allMatch(line -> line.isBlank() || line.stripLeading().startsWith("#"))) {
            throw new YamlFileException(new SourceLocation(file.toString(), 1, 1), "",
                    "the calibration file holds no values; expected keys: " + String.join(", ", WORKLOAD_KEYS));
        }
        YamlNode values = YamlNode.compose(yaml, file.toString());
        values.forbidUnknownKeys(WORKLOAD_KEYS);
        return workloadValues(values, WorkloadSpec.DEFAULTS);
    }

    private static WorkloadSpec workloadValues(YamlNode w, WorkloadSpec d) {
        return new WorkloadSpec(
                w.optionalNumber("cpuPerRequestMs", d.cpuPerRequestMs(), POSITIVE),
                w.optionalNumber("cpuCv", d.cpuCv(), NON_NEGATIVE),
                w.optionalNumber("slowDelayMs", d.slowDelayMs(), NON_NEGATIVE),
                w.optionalNumber("startupSeconds", d.startupSeconds(), NON_NEGATIVE),
                w.optionalInt("concurrency", d.concurrency(), NumberRange.atLeast(1)),
                w.optionalInt("queueLimit", d.queueLimit(), NumberRange.atLeast(0)),
                w.optionalNumber("timeoutSeconds", d.timeoutSeconds(), POSITIVE),
                w.optionalNumber("baseLatencyMs", d.baseLatencyMs(), NON_NEGATIVE),
                w.optionalNumber("memoryBaseMiB", d.memoryBaseMiB(), POSITIVE),
                w.optionalNumber("memoryPerInflightMiB", d.memoryPerInflightMiB(), NON_NEGATIVE));
    }

    static Pricing pricing(YamlNode p) {
        p.forbidUnknownKeys(PRICING_KEYS);
        Pricing d = Pricing.DEFAULTS;
        return new Pricing(
                p.optionalNumber("vcpuHour", d.vcpuHour(), NON_NEGATIVE),
                p.optionalNumber("gibHour", d.gibHour(), NON_NEGATIVE),
                p.optionalNumber("llmInputPer1M", d.llmInputPer1M(), NON_NEGATIVE),
                p.optionalNumber("llmOutputPer1M", d.llmOutputPer1M(), NON_NEGATIVE));
    }

    static Slo slo(YamlNode s) {
        s.forbidUnknownKeys(SLO_KEYS);
        Slo d = Slo.DEFAULTS;
        return new Slo(
                s.optionalNumber("latencyP95Ms", d.latencyP95Ms(), POSITIVE),
                s.optionalNumber("errorRatePercent", d.errorRatePercent(), NumberRange.PERCENT),
                s.optionalNumber("availabilityPercent", d.availabilityPercent(), NumberRange.PERCENT));
    }

    static Budget budget(YamlNode b) {
        b.forbidUnknownKeys(BUDGET_KEYS);
        return new Budget(b.requireNumber("perHour", POSITIVE));
    }

    /** Business context handed to context-aware policies: string keys to scalar values, kept as written. */
    static Map<String, String> context(YamlNode c) {
        Map<String, String> context = new LinkedHashMap<>();
        for (YamlNode.Entry entry : c.entries().values()) {
            context.put(entry.key(), entry.value().asString());
        }
        return context;
    }
}
