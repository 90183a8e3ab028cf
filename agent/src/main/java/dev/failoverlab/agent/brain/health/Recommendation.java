package dev.failoverlab.agent.brain.health;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What the agent would do about the health it found, in the runbook's words, with the pod-count changes it implies
 * (for the cost impact).
 *
 * @param text          e.g. "Gradual traffic shift (10% to green)"
 * @param outcome       hold, gradual_shift, immediate_switch or rollback
 * @param targetColor   colour traffic would move to (null for hold)
 * @param scaleChanges  replica changes the recommendation includes
 */
public record Recommendation(String text, String outcome, String targetColor, List<ScaleChange> scaleChanges) {

    public Recommendation {
        scaleChanges = List.copyOf(scaleChanges);
    }

    /** One Deployment scaled from one replica count to another. */
    @JsonPropertyOrder({"deployment", "color", "from_replicas", "to_replicas"})
    public record ScaleChange(
            @JsonProperty("deployment") String deployment,
            @JsonProperty("color") String color,
            @JsonProperty("from_replicas") int fromReplicas,
            @JsonProperty("to_replicas") int toReplicas) {
    }
}
