package dev.failoverlab.harness.scenario;

import dev.failoverlab.loadgen.yaml.YamlNode;
import dev.failoverlab.loadgen.yaml.NumberRange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the flat numeric sections {@code workload:}, {@code pricing:}, {@code slo:} and {@code budget:}, and the
 * free-form {@code context:}. Each key is optional and falls back to the model's defaults; units are part of
 * the key names ({@code ...Ms}, {@code ...Seconds}, {@code ...MiB}, {@code ...Percent}, {@code perHour} in $).
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

    static WorkloadSpec workload(YamlNode w) {
        w.forbidUnknownKeys(WORKLOAD_KEYS);
        WorkloadSpec d = WorkloadSpec.DEFAULTS;
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
