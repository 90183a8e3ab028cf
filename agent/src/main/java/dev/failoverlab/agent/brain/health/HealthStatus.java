package dev.failoverlab.agent.brain.health;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A colour's health against the SLO, as {@code /evaluate} reports it. */
public enum HealthStatus {
    /** Serving within the SLO (latency and errors), by the tests' confidence. */
    OPTIMAL,
    /** Missing the SLO with confidence, or the degradation detector is in alarm, or containers restarted. */
    DEGRADED,
    /** Not ready, crash-looping, probe failing, or an error rate far above the SLO. */
    FAILING,
    /** No traffic and no other evidence, or the metrics are missing. */
    UNKNOWN;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Episode code of the health prediction: 1 for degraded or failing. */
    public boolean bad() {
        return this == DEGRADED || this == FAILING;
    }
}
