package dev.failoverlab.agent.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST /analyze}: forecast load and CPU over a horizon and say whether to scale ahead of it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AnalyzeRequest(
        @JsonProperty("task") String task,
        @JsonProperty("context") Context context,
        @JsonProperty("execute") Boolean execute) {

    public static final String TASK = "analyze_scaling_needs";

    /** The runbook's context block; every field optional. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Context(
            @JsonProperty("service_url") String serviceUrl,
            @JsonProperty("time_horizon") String timeHorizon,
            @JsonProperty("business_context") String businessContext) {
    }

    /** Checks the fields the agent interprets; returns this for chaining. */
    public AnalyzeRequest validated() {
        Requests.requireTask("task", task, TASK);
        if (context != null && context.timeHorizon() != null) {
            Phrases.horizonSeconds("context.time_horizon", context.timeHorizon());
        }
        return this;
    }

    /** Forecast horizon in seconds (default 10 minutes, as in the runbook). */
    public double horizonSeconds() {
        return context == null || context.timeHorizon() == null ? 600
                : Phrases.horizonSeconds("context.time_horizon", context.timeHorizon());
    }

    public boolean executeRequested() {
        return Boolean.TRUE.equals(execute);
    }
}
