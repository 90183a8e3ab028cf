package dev.failoverlab.agent.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Set;

/** {@code POST /optimize}: replicas per colour and a traffic split meeting the constraints at an expected load. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OptimizeRequest(
        @JsonProperty("optimization_goal") String optimizationGoal,
        @JsonProperty("constraints") Constraints constraints,
        @JsonProperty("current_scenario") CurrentScenario currentScenario,
        @JsonProperty("execute") Boolean execute) {

    public static final Set<String> GOALS = Set.of("multi_objective", "min_cost", "max_performance");

    /** Constraints; each optional (absent = unconstrained, except defaults from the SLO configuration). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Constraints(
            @JsonProperty("max_response_time_ms") Double maxResponseTimeMs,
            @JsonProperty("max_error_rate_percent") Double maxErrorRatePercent,
            @JsonProperty("target_availability_percent") Double targetAvailabilityPercent,
            @JsonProperty("budget_limit_per_hour") Double budgetLimitPerHour) {
    }

    /** The load to plan for: {@code expected_load} like {@code 2x_normal}, {@code 800rps} or a number of rps. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CurrentScenario(
            @JsonProperty("expected_load") String expectedLoad,
            @JsonProperty("duration_minutes") Double durationMinutes,
            @JsonProperty("user_sensitivity") String userSensitivity) {
        public static final Set<String> SENSITIVITIES = Set.of("low", "medium", "high");
    }

    public OptimizeRequest validated() {
        if (optimizationGoal != null) {
            Requests.requireOneOf("optimization_goal", optimizationGoal, GOALS);
        }
        if (constraints != null) {
            Requests.requireRange("constraints.max_response_time_ms", constraints.maxResponseTimeMs(), 0, 3_600_000, false);
            Requests.requireRange("constraints.max_error_rate_percent", constraints.maxErrorRatePercent(), 0, 100, true);
            Requests.requireRange("constraints.target_availability_percent", constraints.targetAvailabilityPercent(), 0, 100, true);
            Requests.requireRange("constraints.budget_limit_per_hour", constraints.budgetLimitPerHour(), 0, 1e9, true);
        }
        if (currentScenario != null) {
            if (currentScenario.expectedLoad() != null) {
                Phrases.load("current_scenario.expected_load", currentScenario.expectedLoad());
            }
            Requests.requireRange("current_scenario.duration_minutes", currentScenario.durationMinutes(), 0, 525_600, false);
            if (currentScenario.userSensitivity() != null) {
                Requests.requireOneOf("current_scenario.user_sensitivity", currentScenario.userSensitivity(),
                        CurrentScenario.SENSITIVITIES);
            }
        }
        return this;
    }
}
