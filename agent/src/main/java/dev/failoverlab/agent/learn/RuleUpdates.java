package dev.failoverlab.agent.learn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code rule-update} episodes: how an accepted re-tuning is written to the episode store and read back, so the
 * rules in force after a restart are those of the latest update. The episode's {@code predicted} holds the new rules
 * ({@code version} and the parameter keys) and the previous ones ({@code previous.*}); {@code observed} holds, per
 * changed rule, {@code <rule>.objective_before}, {@code <rule>.objective_after}, {@code <rule>.improvement_low} and
 * {@code <rule>.n}; the label
 * {@code changes} lists the changed rules and {@code <rule>.objective} says what the objective counts.
 */
public final class RuleUpdates {
    public static final String VERSION = "version";
    public static final String SCALE_AHEAD_PROBABILITY = "scale_ahead_probability";
    public static final String CANARY_PERCENT = "canary_percent";
    public static final String SHIFT_STEP_PERCENT = "shift_step_percent";
    public static final String DETECTOR_THRESHOLD = "detector_threshold";
    public static final String COOLDOWN_SECONDS = "cooldown_seconds";
    private static final String PREVIOUS = "previous.";

    /** The parameters each rule owns. */
    static final Map<String, List<String>> PARAMETERS = Map.of(
            RuleChange.SCALE_AHEAD, List.of(SCALE_AHEAD_PROBABILITY),
            RuleChange.DETECTOR, List.of(DETECTOR_THRESHOLD),
            RuleChange.SHIFT_SCHEDULE, List.of(CANARY_PERCENT, SHIFT_STEP_PERCENT),
            RuleChange.COOLDOWN, List.of(COOLDOWN_SECONDS));

    private RuleUpdates() {
    }

    /** One accepted update as read back from the store. */
    public record RuleUpdate(String episodeId, Instant at, Rules before, Rules after, List<RuleChange> changes) {
        public RuleUpdate {
            changes = List.copyOf(changes);
        }
    }

    /** The parameters of {@code rules} by key (without the version). */
    public static Map<String, Double> values(Rules rules) {
        Map<String, Double> v = new LinkedHashMap<>();
        v.put(SCALE_AHEAD_PROBABILITY, rules.scaleAheadProbability());
        v.put(CANARY_PERCENT, (double) rules.canaryPercent());
        v.put(SHIFT_STEP_PERCENT, (double) rules.shiftStepPercent());
        v.put(DETECTOR_THRESHOLD, rules.detectorThreshold());
        v.put(COOLDOWN_SECONDS, rules.cooldownSeconds());
        return v;
    }

    static Rules withValues(int version, Rules base, Map<String, Double> v) {
        return new Rules(version,
                v.getOrDefault(SCALE_AHEAD_PROBABILITY, base.scaleAheadProbability()),
                (int) Math.round(v.getOrDefault(CANARY_PERCENT, (double) base.canaryPercent())),
                (int) Math.round(v.getOrDefault(SHIFT_STEP_PERCENT, (double) base.shiftStepPercent())),
                v.getOrDefault(DETECTOR_THRESHOLD, base.detectorThreshold()),
                v.getOrDefault(COOLDOWN_SECONDS, base.cooldownSeconds()));
    }

    static Episode toEpisode(String id, Instant at, Rules before, Rules after, List<RuleChange> accepted) {
        Map<String, Double> predicted = new LinkedHashMap<>();
        predicted.put(VERSION, (double) after.version());
        predicted.putAll(values(after));
        predicted.put(PREVIOUS + VERSION, (double) before.version());
        values(before).forEach((k, v) -> predicted.put(PREVIOUS + k, v));
        Map<String, Double> observed = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (RuleChange c : accepted) {
            names.add(c.rule());
            observed.put(c.rule() + ".objective_before", c.objectiveBefore());
            observed.put(c.rule() + ".objective_after", c.objectiveAfter());
            observed.put(c.rule() + ".improvement_low", c.improvementLow());
            observed.put(c.rule() + ".n", (double) c.n());
            labels.put(c.rule() + ".objective", c.objective());
            labels.put(c.rule() + ".reason", c.reason());
        }
        labels.put("changes", String.join(",", names));
        return new Episode(id, EpisodeKind.RULE_UPDATE.label(), at, at, "rules", predicted, observed, labels, true);
    }

    /** All accepted updates in the log, oldest first. */
    public static List<RuleUpdate> history(List<Episode> episodes) {
        List<RuleUpdate> out = new ArrayList<>();
        for (Episode e : episodes) {
            if (e.kind().equals(EpisodeKind.RULE_UPDATE.label())) {
                out.add(decode(e));
            }
        }
        return out;
    }

    /** The rules of the latest update in the log, if any. */
    public static Optional<Rules> latest(List<Episode> episodes) {
        for (int i = episodes.size() - 1; i >= 0; i--) {
            if (episodes.get(i).kind().equals(EpisodeKind.RULE_UPDATE.label())) {
                return Optional.of(decode(episodes.get(i)).after());
            }
        }
        return Optional.empty();
    }

    static RuleUpdate decode(Episode e) {
        Rules after = rules(e, "");
        Rules before = rules(e, PREVIOUS);
        List<RuleChange> changes = new ArrayList<>();
        String names = e.labels().getOrDefault("changes", "");
        for (String rule : names.isEmpty() ? new String[0] : names.split(",")) {
            List<String> keys = PARAMETERS.get(rule);
            if (keys == null) {
                throw new EpisodeStoreException("rule-update episode " + e.id() + " names unknown rule \"" + rule
                        + "\"; known rules are " + PARAMETERS.keySet());
            }
            Map<String, Double> b = new LinkedHashMap<>();
            Map<String, Double> a = new LinkedHashMap<>();
            for (String k : keys) {
                b.put(k, values(before).get(k));
                a.put(k, values(after).get(k));
            }
            changes.add(new RuleChange(rule, b, a, number(e.observed(), e, rule + ".objective_before"),
                    number(e.observed(), e, rule + ".objective_after"),
                    number(e.observed(), e, rule + ".improvement_low"),
                    (int) Math.round(number(e.observed(), e, rule + ".n")), true,
                    e.labels().getOrDefault(rule + ".objective", ""), e.labels().getOrDefault(rule + ".reason", "")));
        }
        return new RuleUpdate(e.id(), e.at(), before, after, changes);
    }

    private static Rules rules(Episode e, String prefix) {
        Map<String, Double> p = e.predicted();
        Map<String, Double> v = new LinkedHashMap<>();
        for (String k : values(Rules.initial()).keySet()) {
            v.put(k, number(p, e, prefix + k));
        }
        return withValues((int) Math.round(number(p, e, prefix + VERSION)), Rules.initial(), v);
    }

    private static double number(Map<String, Double> values, Episode e, String key) {
        Double v = values.get(key);
        if (v == null || !Double.isFinite(v)) {
            throw new EpisodeStoreException("rule-update episode " + e.id() + " lacks a finite \"" + key
                    + "\"; restore the line from a backup or delete it to fall back to the previous rules");
        }
        return v;
    }
}
