package dev.failoverlab.agent.brain.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.failoverlab.agent.api.AgentResponse;
import dev.failoverlab.agent.evidence.Evidence;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /evaluate}'s answer: the runbook's keys ({@code assessment} per colour, {@code recommendation},
 * {@code business_impact}, {@code cost_impact}), then the structured {@code health} per colour and the
 * {@code recommended} decision, the evidence, the mode and an optional narrative.
 */
@JsonPropertyOrder({"assessment", "recommendation", "business_impact", "cost_impact", "health", "recommended",
        "evidence", "mode", "narrative"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluateResponse(
        @JsonProperty("assessment") Map<String, ColorSummary> assessment,
        @JsonProperty("recommendation") String recommendation,
        @JsonProperty("business_impact") String businessImpact,
        @JsonProperty("cost_impact") String costImpact,
        @JsonProperty("health") Map<String, ColorDetail> health,
        @JsonProperty("recommended") Recommended recommended,
        @JsonProperty("evidence") Evidence evidence,
        @JsonProperty("mode") String mode,
        @JsonProperty("narrative") String narrative) implements AgentResponse {

    /** The runbook's per-colour block. */
    @JsonPropertyOrder({"cpu", "memory", "response_time", "error_rate", "status"})
    public record ColorSummary(
            @JsonProperty("cpu") String cpu,
            @JsonProperty("memory") String memory,
            @JsonProperty("response_time") String responseTime,
            @JsonProperty("error_rate") String errorRate,
            @JsonProperty("status") HealthStatus status) {
    }

    /**
     * The machine-readable health of one colour. Numbers are null when not measured.
     *
     * @param confidence      the status's confidence (see {@code confidence_basis})
     * @param slowFraction    share slower than the SLO bound, short window
     * @param errorRate       error rate, short window
     * @param affectedRps     requests/s slow or failed, short window
     */
    @JsonPropertyOrder({"status", "confidence", "confidence_basis", "technical_health", "ready_replicas",
            "spec_replicas", "traffic_share", "slow_fraction", "error_rate", "affected_rps", "detector_alarm",
            "consecutive_alarm_intervals", "capacity_bound", "proven", "marked_unsafe"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ColorDetail(
            @JsonProperty("status") HealthStatus status,
            @JsonProperty("confidence") Double confidence,
            @JsonProperty("confidence_basis") String confidenceBasis,
            @JsonProperty("technical_health") String technicalHealth,
            @JsonProperty("ready_replicas") int readyReplicas,
            @JsonProperty("spec_replicas") int specReplicas,
            @JsonProperty("traffic_share") Double trafficShare,
            @JsonProperty("slow_fraction") Double slowFraction,
            @JsonProperty("error_rate") Double errorRate,
            @JsonProperty("affected_rps") Double affectedRps,
            @JsonProperty("detector_alarm") boolean detectorAlarm,
            @JsonProperty("consecutive_alarm_intervals") int consecutiveAlarmIntervals,
            @JsonProperty("capacity_bound") boolean capacityBound,
            @JsonProperty("proven") boolean proven,
            @JsonProperty("marked_unsafe") boolean markedUnsafe) {
    }

    /** What {@code /failover-assessment} would decide now (nothing is executed here). */
    @JsonPropertyOrder({"outcome", "target_color", "scale_changes"})
    public record Recommended(
            @JsonProperty("outcome") String outcome,
            @JsonProperty("target_color") String targetColor,
            @JsonProperty("scale_changes") List<Recommendation.ScaleChange> scaleChanges) {
    }

    @Override
    public AgentResponse withNarrative(String text, String newMode) {
        return new EvaluateResponse(assessment, recommendation, businessImpact, costImpact, health, recommended,
                evidence, newMode, text);
    }
}
