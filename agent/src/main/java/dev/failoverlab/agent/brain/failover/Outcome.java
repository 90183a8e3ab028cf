package dev.failoverlab.agent.brain.failover;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The decision of a failover assessment; the episode code is the ordinal of the first three. */
public enum Outcome {
    HOLD, GRADUAL_SHIFT, IMMEDIATE_SWITCH, ROLLBACK;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Episode decision code: 0 hold (and rollback, which restores a hold), 1 gradual, 2 immediate. */
    public double code() {
        return switch (this) {
            case GRADUAL_SHIFT -> 1;
            case IMMEDIATE_SWITCH -> 2;
            default -> 0;
        };
    }
}
