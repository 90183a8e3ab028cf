package dev.failoverlab.agent.brain.failover;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One action of a decision, as the harness reads it.
 *
 * @param kind    {@code scale}, {@code traffic_split} or {@code switch_selector}
 * @param target  the Deployment (scale) or the colour traffic moves to
 * @param value   replicas (scale) or the target's traffic percent
 * @param applied whether the actuator applied it
 * @param detail  what happened, or why not
 */
@JsonPropertyOrder({"kind", "target", "value", "applied", "detail"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlannedAction(
        @JsonProperty("kind") String kind,
        @JsonProperty("target") String target,
        @JsonProperty("value") int value,
        @JsonProperty("applied") boolean applied,
        @JsonProperty("detail") String detail) {

    public static final String SCALE = "scale";
    public static final String SPLIT = "traffic_split";
    public static final String SELECTOR = "switch_selector";

    PlannedAction withResult(boolean wasApplied, String what) {
        return new PlannedAction(kind, target, value, wasApplied, what);
    }

    boolean movesTraffic() {
        return !SCALE.equals(kind);
    }
}
