package dev.failoverlab.harness.scenario;

import dev.failoverlab.loadgen.yaml.YamlNode;
import dev.failoverlab.loadgen.yaml.SourceLocation;
import dev.failoverlab.loadgen.yaml.Durations;
import dev.failoverlab.loadgen.yaml.NumberRange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code expect:}. Each item names one kind by its key (whose value is the main argument) plus that
 * kind's own fields, e.g. {@code {trafficOn: green, atLeastPercent: 100, within: 60s, after: 10m}}.
 * Colours must exist, times must fall inside the run, and {@code withinBudget} needs a budget.
 */
final class ExpectationReader {
    /** Kind → the extra fields it accepts, in documentation order. */
    static final Map<String, List<String>> KINDS = kinds();

    private final ClusterSpec cluster;
    private final Duration duration;
    private final Budget budget;

    ExpectationReader(ClusterSpec cluster, Duration duration, Budget budget) {
        this.cluster = cluster;
        this.duration = duration;
        this.budget = budget;
    }

    private static Map<String, List<String>> kinds() {
        Map<String, List<String>> kinds = new LinkedHashMap<>();
        kinds.put("trafficOn", List.of("atLeastPercent", "within", "after"));
        kinds.put("noTrafficShiftBefore", List.of());
        kinds.put("noTrafficShift", List.of());
        kinds.put("trafficNeverOn", List.of("atMostPercent"));
        kinds.put("maxSloViolation", List.of());
        kinds.put("withinBudget", List.of());
        return Collections.unmodifiableMap(kinds);
    }

    List<Expectation> read(YamlNode expect) {
        List<String> kindNames = List.copyOf(KINDS.keySet());
        List<Expectation> result = new ArrayList<>();
        for (YamlNode item : expect.elements()) {
            if (item.entries().keySet().stream().noneMatch(KINDS::containsKey)) {
                item.forbidUnknownKeys(kindNames); // a misspelt kind: list the kinds
            }
            YamlNode.Entry kind = item.requireOneOf(kindNames, "an expectation");
            List<String> allowed = new ArrayList<>(List.of(kind.key()));
            allowed.addAll(KINDS.get(kind.key()));
            item.forbidUnknownKeys(allowed);
            result.add(expectation(kind.key(), kind.value(), item));
        }
        return result;
    }

    private Expectation expectation(String kind, YamlNode value, YamlNode item) {
        SourceLocation where = item.location();
        return switch (kind) {
            case "trafficOn" -> {
                String color = color(value);
                double percent = item.optionalNumber("atLeastPercent", 100, NumberRange.PERCENT);
                Duration within = item.requireDuration("within");
                Duration after = item.optionalDuration("after", Duration.ZERO);
                if (after.plus(within).compareTo(duration) > 0) {
                    YamlNode at = item.get("after").orElse(item.require("within"));
                    throw at.error("after + within = " + Durations.format(after.plus(within))
                            + " ends after the run (duration " + Durations.format(duration) + ")");
                }
                yield new Expectation.TrafficOn(color, percent, within, after, where);
            }
            case "noTrafficShiftBefore" -> new Expectation.NoTrafficShiftBefore(insideRun(value), where);
            case "noTrafficShift" -> {
                requireTrue(value, kind);
                yield new Expectation.NoTrafficShift(where);
            }
            case "trafficNeverOn" -> new Expectation.TrafficNeverOn(color(value),
                    item.optionalNumber("atMostPercent", 0, NumberRange.PERCENT), where);
            case "maxSloViolation" -> new Expectation.MaxSloViolation(insideRun(value), where);
            default -> {
                requireTrue(value, kind);
                if (budget.perHour() == null) {
                    throw value.error("withinBudget needs a budget: add budget: {perHour: ...} to the scenario");
                }
                yield new Expectation.WithinBudget(where);
            }
        };
    }

    private String color(YamlNode node) {
        String color = node.asString();
        List<String> colors = cluster.deployments().stream().map(DeploymentSpec::color).toList();
        if (!colors.contains(color)) {
            throw node.error("no deployment has colour '" + color + "'; colours: " + String.join(", ", colors));
        }
        return color;
    }

    private Duration insideRun(YamlNode node) {
        Duration d = node.asDuration();
        if (d.compareTo(duration) > 0) {
            throw node.error(Durations.format(d) + " is longer than the run (duration "
                    + Durations.format(duration) + ")");
        }
        return d;
    }

    private static void requireTrue(YamlNode node, String kind) {
        if (!node.asBoolean()) {
            throw node.error(kind + " only takes true; remove the item to drop the expectation");
        }
    }
}
