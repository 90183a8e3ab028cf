package dev.failoverlab.agent.brain.capacity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.failoverlab.agent.api.AgentResponse;
import dev.failoverlab.agent.evidence.Evidence;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code POST /analyze}: the runbook's keys first ({@code analysis}, {@code current_metrics},
 * {@code prediction}, {@code recommendation}, {@code reasoning}), then the structured {@code forecast} and
 * {@code actions} the harness policy reads, what was executed, the evidence and the mode.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"analysis", "current_metrics", "prediction", "recommendation", "reasoning", "forecast", "actions",
        "execution", "evidence", "mode", "narrative"})
public record AnalyzeResponse(
        @JsonProperty("analysis") String analysis,
        @JsonProperty("current_metrics") CurrentMetrics currentMetrics,
        @JsonProperty("prediction") String prediction,
        @JsonProperty("recommendation") String recommendation,
        @JsonProperty("reasoning") String reasoning,
        @JsonProperty("forecast") ForecastSummary forecast,
        @JsonProperty("actions") List<ActionRecord> actions,
        @JsonProperty("execution") String execution,
        @JsonProperty("evidence") Evidence evidence,
        @JsonProperty("mode") String mode,
        @JsonProperty("narrative") String narrative) implements AgentResponse {

    public AnalyzeResponse {
        actions = List.copyOf(actions);
    }

    /** The runbook's {@code current_metrics}: values with trend words only where a fitted model supports them. */
    @JsonPropertyOrder({"response_time", "cpu_utilization", "memory_utilization"})
    public record CurrentMetrics(
            @JsonProperty("response_time") String responseTime,
            @JsonProperty("cpu_utilization") String cpuUtilization,
            @JsonProperty("memory_utilization") String memoryUtilization) {
    }

    /**
     * The forecast as numbers.
     *
     * @param horizonSeconds        forecast horizon
     * @param cpuTarget             CPU utilisation the agent keeps pods at or below
     * @param pCpuAboveTarget       P(some serving colour's CPU above target within the horizon at current replicas)
     * @param firstCrossingSeconds  quartiles (p25, median, p75) of the first crossing, given one; null if none
     * @param peakRps               highest point forecast of the total request rate
     * @param peakCpu               highest forecast CPU utilisation of a serving colour at current replicas
     * @param model                 the forecasting model chosen
     * @param insufficientHistory   whether the history was too short to backtest
     * @param colours               per colour: replicas, share, CPU now and at the peak, required and target replicas
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"horizon_s", "cpu_target", "p_cpu_above_target", "first_crossing_s", "peak_rps", "peak_cpu",
            "model", "insufficient_history", "colours"})
    public record ForecastSummary(
            @JsonProperty("horizon_s") double horizonSeconds,
            @JsonProperty("cpu_target") double cpuTarget,
            @JsonProperty("p_cpu_above_target") Double pCpuAboveTarget,
            @JsonProperty("first_crossing_s") Map<String, Double> firstCrossingSeconds,
            @JsonProperty("peak_rps") Double peakRps,
            @JsonProperty("peak_cpu") Double peakCpu,
            @JsonProperty("model") String model,
            @JsonProperty("insufficient_history") boolean insufficientHistory,
            @JsonProperty("colours") Map<String, ColourForecast> colours) {
    }

    /** One colour in the forecast; NaN-valued figures are null (not measured). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"deployment", "replicas", "ready", "share", "cpu_now", "cpu_peak", "required", "target"})
    public record ColourForecast(
            @JsonProperty("deployment") String deployment,
            @JsonProperty("replicas") int replicas,
            @JsonProperty("ready") int ready,
            @JsonProperty("share") double share,
            @JsonProperty("cpu_now") Double cpuNow,
            @JsonProperty("cpu_peak") Double cpuPeak,
            @JsonProperty("required") Integer required,
            @JsonProperty("target") int target) {
    }

    @Override
    public AgentResponse withNarrative(String newNarrative, String newMode) {
        return new AnalyzeResponse(analysis, currentMetrics, prediction, recommendation, reasoning, forecast, actions,
                execution, evidence, newMode, newNarrative);
    }
}
