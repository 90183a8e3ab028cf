package dev.failoverlab.agent.learn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One rule's re-tuning: its parameter values before and after, the objective (lower is better) on the same
 * episodes for both, and whether the change was accepted (only a strict improvement on at least the minimum number
 * of episodes whose gain chance alone would not explain is).
 *
 * @param rule            {@code scale_ahead}, {@code degradation_detector}, {@code shift_schedule} or {@code cooldown}
 * @param before          parameter values in force (keys as in {@link RuleUpdates#values(Rules)})
 * @param after           the best values found (equal to {@code before} when nothing better was found)
 * @param objectiveBefore mean cost per episode with {@code before}
 * @param objectiveAfter  mean cost per episode with {@code after}
 * @param improvementLow  one-sided 95 % lower bound of the mean per-episode gain of {@code after} over
 *                        {@code before} (NaN when not measured)
 * @param n               episodes the objective was measured on
 * @param accepted        whether the rules now use {@code after}
 * @param objective       what the cost counts, in words
 * @param reason          why it was or was not accepted
 */
public record RuleChange(
        String rule,
        Map<String, Double> before,
        Map<String, Double> after,
        double objectiveBefore,
        double objectiveAfter,
        double improvementLow,
        int n,
        boolean accepted,
        String objective,
        String reason) {

    public static final String SCALE_AHEAD = "scale_ahead";
    public static final String DETECTOR = "degradation_detector";
    public static final String SHIFT_SCHEDULE = "shift_schedule";
    public static final String COOLDOWN = "cooldown";

    public RuleChange {
        before = Collections.unmodifiableMap(new LinkedHashMap<>(before)); // keeps the order texts use
        after = Collections.unmodifiableMap(new LinkedHashMap<>(after)); // keeps the order texts use
    }
}
