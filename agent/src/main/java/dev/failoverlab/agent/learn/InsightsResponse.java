package dev.failoverlab.agent.learn;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.failoverlab.agent.api.AgentResponse;
import dev.failoverlab.agent.evidence.Evidence;
import java.util.List;
import java.util.Map;

/**
 * The {@code POST /insights} answer: the runbook's {@code learning_summary} keys first, then what the runbook does
 * not show (comparisons that were not significant, accuracy per kind, the rules in force, episode counts), then the
 * evidence behind every number.
 */
@JsonPropertyOrder({"learning_summary", "evidence", "mode", "narrative"})
public record InsightsResponse(
        @JsonProperty("learning_summary") LearningSummary learningSummary,
        @JsonProperty("evidence") Evidence evidence,
        @JsonProperty("mode") String mode,
        @JsonProperty("narrative") String narrative) implements AgentResponse {

    /**
     * What the agent learned.
     *
     * @param patternsIdentified     significant measured comparisons, each with its interval and n
     * @param updatedDecisionRules   accepted rule updates, newest first, each with its objective before and after
     * @param confidenceImprovements measured accuracy before and after the latest rule update
     * @param note                   where the rules in force come from and when they apply
     * @param patternsNotSignificant comparisons without enough data or whose interval includes no difference
     * @param predictionAccuracy     accuracy per episode kind over all resolved episodes
     * @param rulesInForce           the rules every decision uses now
     * @param episodes               episodes per kind in the store
     */
    @JsonPropertyOrder({"patterns_identified", "updated_decision_rules", "confidence_improvements", "note",
            "patterns_not_significant", "prediction_accuracy", "rules_in_force", "episodes"})
    public record LearningSummary(
            @JsonProperty("patterns_identified") List<String> patternsIdentified,
            @JsonProperty("updated_decision_rules") List<String> updatedDecisionRules,
            @JsonProperty("confidence_improvements") ConfidenceImprovements confidenceImprovements,
            @JsonProperty("note") String note,
            @JsonProperty("patterns_not_significant") List<String> patternsNotSignificant,
            @JsonProperty("prediction_accuracy") Map<String, String> predictionAccuracy,
            @JsonProperty("rules_in_force") String rulesInForce,
            @JsonProperty("episodes") Map<String, EpisodeCounts> episodes) {

        public LearningSummary {
            patternsIdentified = List.copyOf(patternsIdentified);
            updatedDecisionRules = List.copyOf(updatedDecisionRules);
            patternsNotSignificant = List.copyOf(patternsNotSignificant);
        }
    }

    /**
     * "before → after" accuracy of decisions made under the previous rules and under the latest ones.
     *
     * @param failoverTiming   share of failover decisions that were right (a move whose target then met the SLO, a
     *                         hold whose source did not violate it)
     * @param loadPrediction   share of scale-ahead decisions that matched whether CPU went above target
     * @param costOptimization share of optimize plans whose observed p95 and cost were within tolerance
     */
    @JsonPropertyOrder({"failover_timing", "load_prediction", "cost_optimization"})
    public record ConfidenceImprovements(
            @JsonProperty("failover_timing") String failoverTiming,
            @JsonProperty("load_prediction") String loadPrediction,
            @JsonProperty("cost_optimization") String costOptimization) {
    }

    /** Episodes of one kind: resolved (outcome known) and pending (awaiting their horizon or outcome). */
    @JsonPropertyOrder({"resolved", "pending"})
    public record EpisodeCounts(@JsonProperty("resolved") int resolved, @JsonProperty("pending") int pending) {
    }

    @Override
    public AgentResponse withNarrative(String newNarrative, String newMode) {
        return new InsightsResponse(learningSummary, evidence, newMode, newNarrative);
    }
}
