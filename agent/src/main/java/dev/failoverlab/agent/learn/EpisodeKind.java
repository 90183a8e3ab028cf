package dev.failoverlab.agent.learn;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The episode kinds and the keys each one commits to. This enum is the contract between the endpoints that
 * record episodes, the {@link OutcomeSource} that resolves them, and the {@link Learner} that scores them;
 * {@code package-info.java} describes what resolution means for each kind.
 */
public enum EpisodeKind {
    /** {@code /analyze}: will CPU exceed its target within the horizon, and how high will load and CPU peak. */
    FORECAST("forecast", EpisodeKind.P_CPU_ABOVE_TARGET, EpisodeKind.CPU_ABOVE_TARGET,
            List.of(EpisodeKind.CPU_ABOVE_TARGET), List.of(EpisodeKind.PEAK_RPS, EpisodeKind.PEAK_CPU)),
    /** {@code /evaluate}: is a colour degraded, i.e. will it violate the SLO over the next window. */
    HEALTH("health", EpisodeKind.DEGRADED, EpisodeKind.SLO_VIOLATED, List.of(EpisodeKind.SLO_VIOLATED), List.of()),
    /** {@code /failover-assessment}: is the target colour the better home for the traffic, and what was decided. */
    FAILOVER("failover", EpisodeKind.TARGET_BETTER, EpisodeKind.TARGET_SLO_MET,
            List.of(EpisodeKind.TARGET_SLO_MET, EpisodeKind.SOURCE_SLO_VIOLATED), List.of()),
    /** {@code /optimize}: the p95 latency and hourly cost the chosen plan was predicted to give. */
    OPTIMIZE("optimize", null, null, List.of(EpisodeKind.P95_MS, EpisodeKind.COST_PER_HOUR),
            List.of(EpisodeKind.P95_MS, EpisodeKind.COST_PER_HOUR)),
    /** Per-colour measurements taken by any query; resolved when recorded (observed holds the measurements). */
    OBSERVATION("observation", null, null, List.of(), List.of()),
    /** An accepted re-tuning of {@link Rules}: new values in predicted, objective before/after and n in observed. */
    RULE_UPDATE("rule-update", null, null, List.of(), List.of());

    // forecast
    public static final String P_CPU_ABOVE_TARGET = "p_cpu_above_target";
    public static final String CPU_ABOVE_TARGET = "cpu_above_target";
    public static final String SCALE_AHEAD = "scale_ahead";
    public static final String PEAK_RPS = "peak_rps";
    public static final String PEAK_CPU = "peak_cpu";
    // health
    public static final String DEGRADED = "degraded";
    public static final String CUSUM = "cusum";
    public static final String SLO_VIOLATED = "slo_violated";
    // failover
    public static final String TARGET_BETTER = "target_better";
    public static final String DECISION = "decision";
    public static final String REVERSAL_GAP_S = "reversal_gap_s";
    public static final String TARGET_SLO_MET = "target_slo_met";
    public static final String SOURCE_SLO_VIOLATED = "source_slo_violated";
    public static final String TARGET_FAILED_AT_PERCENT = "target_failed_at_percent";
    public static final String MOVE_ERROR_RATE = "move_error_rate";
    /** Failover decision codes in {@link #DECISION}. */
    public static final double HOLD = 0;
    public static final double GRADUAL = 1;
    public static final double IMMEDIATE = 2;
    // optimize
    public static final String P95_MS = "p95_ms";
    public static final String COST_PER_HOUR = "cost_per_hour";
    // labels every recorded episode carries
    public static final String RULES_VERSION_LABEL = "rules_version";

    private final String label;
    private final String probabilityKey;
    private final String outcomeKey;
    private final List<String> requiredOutcome;
    private final List<String> numericForecasts;

    EpisodeKind(String label, String probabilityKey, String outcomeKey, List<String> requiredOutcome,
                List<String> numericForecasts) {
        this.label = label;
        this.probabilityKey = probabilityKey;
        this.outcomeKey = outcomeKey;
        this.requiredOutcome = requiredOutcome;
        this.numericForecasts = numericForecasts;
    }

    /** The name stored in {@link Episode#kind()}. */
    public String label() {
        return label;
    }

    /** The predicted probability (or 0/1 call) scored by Brier and hit rate; empty for kinds without one. */
    public Optional<String> probabilityKey() {
        return Optional.ofNullable(probabilityKey);
    }

    /** The observed 0/1 outcome the probability is scored against; empty for kinds without one. */
    public Optional<String> outcomeKey() {
        return Optional.ofNullable(outcomeKey);
    }

    /** Keys an outcome must hold for the episode to count as resolved. */
    public List<String> requiredOutcome() {
        return requiredOutcome;
    }

    /** Keys predicted and observed under the same name whose error is measured as MAPE. */
    public List<String> numericForecasts() {
        return numericForecasts;
    }

    /** Whether an {@link OutcomeSource} resolves this kind after its horizon (observations and updates do not wait). */
    public boolean awaitsOutcome() {
        return !requiredOutcome.isEmpty();
    }

    /** Keys that must be present in {@code predicted} when the episode is recorded. */
    public List<String> requiredPrediction() {
        if (probabilityKey != null) {
            return List.of(probabilityKey);
        }
        return this == OPTIMIZE ? numericForecasts : List.of();
    }

    public static Optional<EpisodeKind> of(String label) {
        return Arrays.stream(values()).filter(k -> k.label.equals(label)).findFirst();
    }

    public static EpisodeKind require(String label) {
        return of(label).orElseThrow(() -> new IllegalArgumentException("unknown episode kind \"" + label
                + "\"; use one of " + Arrays.stream(values()).map(EpisodeKind::label).collect(Collectors.joining(", "))));
    }
}
