package dev.failoverlab.agent.brain.failover;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.failoverlab.agent.api.AgentResponse;
import dev.failoverlab.agent.evidence.Evidence;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /failover-assessment}'s answer: the runbook's {@code failover_assessment} block (its
 * {@code <color>_status} keys named after the real colours), then the structured {@code decision} the harness reads,
 * the evidence, the mode and an optional narrative.
 */
@JsonPropertyOrder({"failover_assessment", "decision", "evidence", "mode", "narrative"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FailoverAssessmentResponse(
        @JsonProperty("failover_assessment") Assessment failoverAssessment,
        @JsonProperty("decision") Decision decision,
        @JsonProperty("evidence") Evidence evidence,
        @JsonProperty("mode") String mode,
        @JsonProperty("narrative") String narrative) implements AgentResponse {

    /** The runbook block; {@code <subject>_status} first, then metrics, {@code <other>_status}, the matrix. */
    public record Assessment(
            @JsonIgnore String subjectColor,
            @JsonIgnore String subjectStatus,
            @JsonIgnore Metrics metrics,
            @JsonIgnore String otherColor,
            @JsonIgnore String otherStatus,
            @JsonIgnore Matrix decisionMatrix,
            @JsonIgnore String recommendation,
            @JsonIgnore String execution) {

        /** Keys in the runbook's order with the colour-named status keys. */
        @JsonAnyGetter
        public Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(subjectColor + "_status", subjectStatus);
            m.put("metrics", metrics);
            m.put(otherColor + "_status", otherStatus);
            m.put("decision_matrix", decisionMatrix);
            m.put("recommendation", recommendation);
            m.put("execution", execution);
            return m;
        }
    }

    @JsonPropertyOrder({"response_time", "error_rate", "user_impact"})
    public record Metrics(
            @JsonProperty("response_time") String responseTime,
            @JsonProperty("error_rate") String errorRate,
            @JsonProperty("user_impact") String userImpact) {
    }

    @JsonPropertyOrder({"technical_health", "user_experience", "business_impact", "failover_risk"})
    public record Matrix(
            @JsonProperty("technical_health") String technicalHealth,
            @JsonProperty("user_experience") String userExperience,
            @JsonProperty("business_impact") String businessImpact,
            @JsonProperty("failover_risk") String failoverRisk) {
    }

    /**
     * What the harness reads: the outcome, the colour traffic moves to, the resulting split in percent, and each
     * action with whether it was applied.
     */
    @JsonPropertyOrder({"outcome", "target_color", "split", "actions", "executed", "reasons"})
    public record Decision(
            @JsonProperty("outcome") Outcome outcome,
            @JsonProperty("target_color") String targetColor,
            @JsonProperty("split") Map<String, Integer> split,
            @JsonProperty("actions") List<PlannedAction> actions,
            @JsonProperty("executed") boolean executed,
            @JsonProperty("reasons") List<String> reasons) {
    }

    @Override
    public AgentResponse withNarrative(String text, String newMode) {
        return new FailoverAssessmentResponse(failoverAssessment, decision, evidence, newMode, text);
    }
}
