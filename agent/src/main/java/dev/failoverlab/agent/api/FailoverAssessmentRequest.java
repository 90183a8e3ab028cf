package dev.failoverlab.agent.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Set;

/**
 * {@code POST /failover-assessment}: decide hold / gradual shift / immediate switch from measurements and the
 * caller's business context, and execute it when allowed ({@code execute}, default from configuration).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FailoverAssessmentRequest(
        @JsonProperty("scenario") String scenario,
        @JsonProperty("business_priority") String businessPriority,
        @JsonProperty("context") Context context,
        @JsonProperty("execute") Boolean execute,
        @JsonProperty("dry_run") Boolean dryRun) {

    public static final Set<String> SCENARIOS = Set.of("performance_degradation", "outage", "capacity", "routine_check");
    public static final Set<String> PRIORITIES = Set.of("user_experience", "availability", "cost", "balanced");

    /** Business context; each field optional, values from a small vocabulary. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Context(
            @JsonProperty("time_of_day") String timeOfDay,
            @JsonProperty("user_tolerance") String userTolerance,
            @JsonProperty("failover_cost") String failoverCost) {

        public static final Set<String> TIMES = Set.of("peak_hours", "business_hours", "off_peak", "night", "maintenance_window");
        public static final Set<String> TOLERANCES = Set.of("low", "medium", "high");
        public static final Set<String> COSTS = Set.of("acceptable", "moderate", "high", "prohibitive");
    }

    public FailoverAssessmentRequest validated() {
        if (scenario != null) {
            Requests.requireOneOf("scenario", scenario, SCENARIOS);
        }
        if (businessPriority != null) {
            Requests.requireOneOf("business_priority", businessPriority, PRIORITIES);
        }
        if (context != null) {
            if (context.timeOfDay() != null) {
                Requests.requireOneOf("context.time_of_day", context.timeOfDay(), Context.TIMES);
            }
            if (context.userTolerance() != null) {
                Requests.requireOneOf("context.user_tolerance", context.userTolerance(), Context.TOLERANCES);
            }
            if (context.failoverCost() != null) {
                Requests.requireOneOf("context.failover_cost", context.failoverCost(), Context.COSTS);
            }
        }
        return this;
    }
}
