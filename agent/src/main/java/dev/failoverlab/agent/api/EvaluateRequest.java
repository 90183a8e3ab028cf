package dev.failoverlab.agent.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Set;

/** {@code POST /evaluate}: health of each colour against the SLO and against each other. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EvaluateRequest(
        @JsonProperty("task") String task,
        @JsonProperty("deployments") List<String> deployments,
        @JsonProperty("metrics_to_consider") List<String> metricsToConsider) {

    public static final String TASK = "assess_deployment_health";
    public static final Set<String> METRICS =
            Set.of("response_time", "error_rate", "cpu_usage", "memory_usage", "user_experience");

    public EvaluateRequest validated() {
        Requests.requireTask("task", task, TASK);
        if (deployments != null) {
            for (int i = 0; i < deployments.size(); i++) {
                if (deployments.get(i) == null || deployments.get(i).isBlank()) {
                    throw new BadRequestException("deployments[" + i + "]", "must be a deployment name");
                }
            }
        }
        if (metricsToConsider != null) {
            for (int i = 0; i < metricsToConsider.size(); i++) {
                Requests.requireOneOf("metrics_to_consider[" + i + "]", metricsToConsider.get(i), METRICS);
            }
        }
        return this;
    }
}
