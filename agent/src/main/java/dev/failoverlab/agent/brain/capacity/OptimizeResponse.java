package dev.failoverlab.agent.brain.capacity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.failoverlab.agent.api.AgentResponse;
import dev.failoverlab.agent.evidence.Evidence;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code POST /optimize}: the runbook's {@code optimization_analysis} first, then the structured
 * {@code plan} and {@code actions} the harness policy reads, what was executed, the evidence and the mode.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"optimization_analysis", "plan", "actions", "execution", "evidence", "mode", "narrative"})
public record OptimizeResponse(
        @JsonProperty("optimization_analysis") Analysis optimizationAnalysis,
        @JsonProperty("plan") Plan plan,
        @JsonProperty("actions") List<ActionRecord> actions,
        @JsonProperty("execution") String execution,
        @JsonProperty("evidence") Evidence evidence,
        @JsonProperty("mode") String mode,
        @JsonProperty("narrative") String narrative) implements AgentResponse {

    public OptimizeResponse {
        actions = List.copyOf(actions);
    }

    /** The runbook's block; {@code current_state} holds one line per colour and the current {@code cost}. */
    @JsonPropertyOrder({"current_state", "load_prediction", "optimization_strategy", "predicted_outcomes"})
    public record Analysis(
            @JsonProperty("current_state") Map<String, String> currentState,
            @JsonProperty("load_prediction") LoadPrediction loadPrediction,
            @JsonProperty("optimization_strategy") List<String> optimizationStrategy,
            @JsonProperty("predicted_outcomes") Outcomes predictedOutcomes) {
    }

    @JsonPropertyOrder({"expected_rps", "required_capacity", "peak_cpu"})
    public record LoadPrediction(
            @JsonProperty("expected_rps") String expectedRps,
            @JsonProperty("required_capacity") String requiredCapacity,
            @JsonProperty("peak_cpu") String peakCpu) {
    }

    @JsonPropertyOrder({"response_time", "error_rate", "availability", "cost"})
    public record Outcomes(
            @JsonProperty("response_time") String responseTime,
            @JsonProperty("error_rate") String errorRate,
            @JsonProperty("availability") String availability,
            @JsonProperty("cost") String cost) {
    }

    /**
     * The plan as numbers.
     *
     * @param feasible               whether a plan meets every constraint
     * @param expectedRps            the load planned for
     * @param replicas               replicas per colour (null when infeasible)
     * @param splitPercent           traffic percent per colour (null when infeasible)
     * @param predicted              p95_ms, error_rate, availability, cost_per_hour and each colour's cpu_util
     * @param binding                constraints that bind (feasible) or whose relaxation alone restores feasibility
     * @param runnersUp              the next cheapest plans
     * @param relaxation             the cheapest single relaxation when infeasible
     * @param podFailureProbability  the pod failure probability assumed per colour
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"feasible", "expected_rps", "replicas", "split_percent", "predicted", "binding", "runners_up",
            "relaxation", "pod_failure_probability"})
    public record Plan(
            @JsonProperty("feasible") boolean feasible,
            @JsonProperty("expected_rps") Double expectedRps,
            @JsonProperty("replicas") Map<String, Integer> replicas,
            @JsonProperty("split_percent") Map<String, Integer> splitPercent,
            @JsonProperty("predicted") Map<String, Object> predicted,
            @JsonProperty("binding") List<String> binding,
            @JsonProperty("runners_up") List<Map<String, Object>> runnersUp,
            @JsonProperty("relaxation") Map<String, Object> relaxation,
            @JsonProperty("pod_failure_probability") Map<String, Double> podFailureProbability) {
    }

    @Override
    public AgentResponse withNarrative(String newNarrative, String newMode) {
        return new OptimizeResponse(optimizationAnalysis, plan, actions, execution, evidence, newMode, newNarrative);
    }
}
