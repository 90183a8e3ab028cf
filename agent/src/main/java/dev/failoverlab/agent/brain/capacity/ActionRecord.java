package dev.failoverlab.agent.brain.capacity;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One action the endpoint took or recommends, as the harness policy reads it.
 *
 * @param kind    {@code scale} or {@code split}
 * @param target  the deployment scaled, or {@code service} for a split
 * @param value   replicas (an integer) or percent per colour (a map)
 * @param applied whether the actuator applied it
 * @param detail  the actuator's reply, or why it was not executed
 */
@JsonPropertyOrder({"kind", "target", "value", "applied", "detail"})
public record ActionRecord(
        @JsonProperty("kind") String kind,
        @JsonProperty("target") String target,
        @JsonProperty("value") Object value,
        @JsonProperty("applied") boolean applied,
        @JsonProperty("detail") String detail) {

    static final String SCALE = "scale";
    static final String SPLIT = "split";
}
