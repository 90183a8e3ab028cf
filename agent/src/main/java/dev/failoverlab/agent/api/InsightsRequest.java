package dev.failoverlab.agent.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Set;

/** {@code POST /insights}: what the agent has learned, which rules it re-tuned, and how its accuracy moved. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InsightsRequest(
        @JsonProperty("query") String query,
        @JsonProperty("session") String session) {

    public static final Set<String> QUERIES = Set.of("summarize_learnings", "accuracy", "episodes");

    public InsightsRequest validated() {
        Requests.requireOneOf("query", query == null ? "summarize_learnings" : query, QUERIES);
        return this;
    }
}
