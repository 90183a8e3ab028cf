package dev.failoverlab.harness.scenario;

import dev.failoverlab.loadgen.yaml.YamlNode;
import dev.failoverlab.loadgen.yaml.SourceLocation;
import dev.failoverlab.loadgen.yaml.Durations;
import dev.failoverlab.loadgen.yaml.NumberRange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code faults:}: each item has {@code at} plus exactly one fault kind naming an existing deployment.
 * Faults must start before the end of the run; a {@code for} must end by then too (omit it for "until the
 * end"). The result is in time order, file order for equal times.
 */
final class FaultReader {
    static final List<String> KINDS = List.of(
            "patchEnv", "podKill", "crashLoop", "failReadiness", "cpuContention", "memoryLeak", "slowStart");
    /** The workload's own knobs ({@code SLOW_REQUESTS}, {@code RANDOM_ERRORS} in percent; delay in ms). */
    static final List<String> ENV_KEYS = List.of("SLOW_REQUESTS", "RANDOM_ERRORS", "SLOW_DELAY_MS");

    private final ClusterSpec cluster;
    private final Duration duration;

    FaultReader(ClusterSpec cluster, Duration duration) {
        this.cluster = cluster;
        this.duration = duration;
    }

    List<FaultSpec> read(YamlNode faults) {
        List<FaultSpec> result = new ArrayList<>();
        List<String> itemKeys = new ArrayList<>(List.of("at"));
        itemKeys.addAll(KINDS);
        for (YamlNode item : faults.elements()) {
            item.forbidUnknownKeys(itemKeys);
            YamlNode.Entry kind = item.requireOneOf(KINDS, "a fault");
            YamlNode atNode = item.require("at");
            Duration at = atNode.asDuration();
            if (at.compareTo(duration) >= 0) {
                throw atNode.error("at " + Durations.format(at) + " is not before the end of the run (duration "
                        + Durations.format(duration) + ")");
            }
            result.add(fault(kind.key(), kind.value(), at, item.location()));
        }
        result.sort(Comparator.comparing(FaultSpec::at));
        return result;
    }

    private FaultSpec fault(String kind, YamlNode body, Duration at, SourceLocation where) {
        return switch (kind) {
            case "patchEnv" -> {
                body.forbidUnknownKeys(List.of("deployment", "env"));
                yield new FaultSpec.PatchEnv(at, deployment(body), env(body.require("env")), where);
            }
            case "podKill" -> {
                body.forbidUnknownKeys(List.of("deployment", "count"));
                String deployment = deployment(body);
                int max = cluster.deployment(deployment).maxReplicas();
                int count = body.optionalInt("count", 1, NumberRange.between(1, max));
                yield new FaultSpec.PodKill(at, deployment, count, where);
            }
            case "crashLoop" -> {
                body.forbidUnknownKeys(List.of("deployment", "for"));
                yield new FaultSpec.CrashLoop(at, deployment(body), lasts(body, at), where);
            }
            case "failReadiness" -> {
                body.forbidUnknownKeys(List.of("deployment", "for"));
                yield new FaultSpec.FailReadiness(at, deployment(body), lasts(body, at), where);
            }
            case "cpuContention" -> {
                body.forbidUnknownKeys(List.of("deployment", "stolenPercent", "for"));
                String deployment = deployment(body);
                double stolen = body.requireNumber("stolenPercent", new NumberRange(0, true, 100));
                yield new FaultSpec.CpuContention(at, deployment, stolen / 100.0, lasts(body, at), where);
            }
            case "memoryLeak" -> {
                body.forbidUnknownKeys(List.of("deployment", "mibPerMinute"));
                String deployment = deployment(body);
                double rate = body.requireNumber("mibPerMinute", NumberRange.POSITIVE);
                yield new FaultSpec.MemoryLeak(at, deployment, rate, where);
            }
            default -> {
                body.forbidUnknownKeys(List.of("deployment", "startupSeconds"));
                String deployment = deployment(body);
                double startup = body.requireNumber("startupSeconds", NumberRange.ANY_NON_NEGATIVE);
                yield new FaultSpec.SlowStart(at, deployment, startup, where);
            }
        };
    }

    private String deployment(YamlNode body) {
        YamlNode node = body.require("deployment");
        String name = node.asString();
        List<String> names = cluster.deployments().stream().map(DeploymentSpec::name).toList();
        if (!names.contains(name)) {
            throw node.error("no deployment '" + name + "' in this scenario; deployments: "
                    + String.join(", ", names));
        }
        return name;
    }

    /** {@code for}, or null for "until the end of the run"; it must end by the end of the run. */
    private Duration lasts(YamlNode body, Duration at) {
        YamlNode node = body.get("for").orElse(null);
        if (node == null) {
            return null;
        }
        Duration lasts = node.asDuration();
        if (lasts.isZero()) {
            throw node.error("for must be > 0 (omit it to last until the end of the run)");
        }
        if (at.plus(lasts).compareTo(duration) > 0) {
            throw node.error("the fault would end at " + Durations.format(at.plus(lasts))
                    + ", after the run ends at " + Durations.format(duration)
                    + " (shorten for, or omit it to last until the end)");
        }
        return lasts;
    }

    private static Map<String, String> env(YamlNode envNode) {
        envNode.forbidUnknownKeys(ENV_KEYS);
        if (envNode.entries().isEmpty()) {
            throw envNode.error("needs at least one of: " + String.join(", ", ENV_KEYS));
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (YamlNode.Entry entry : envNode.entries().values()) {
            NumberRange range = entry.key().equals("SLOW_DELAY_MS") ? NumberRange.atLeast(0) : NumberRange.PERCENT;
            env.put(entry.key(), Integer.toString(entry.value().asInt(range)));
        }
        return env;
    }
}
