package dev.failoverlab.agent.analytics.capacity;

import dev.failoverlab.agent.analytics.ModelEvidence;
import dev.failoverlab.agent.analytics.HasEvidence;

/**
 * The probability that at least {@code required} of {@code pods} pods are up.
 *
 * @param required        pods needed to carry the load
 * @param pods            pods running
 * @param podFailure      probability that one pod is down at a random instant (independent across pods)
 * @param availability    P(at least {@code required} up)
 * @param unavailability  {@code 1 - availability}, computed directly so 1e-12 does not round to 0
 * @param evidence        inputs and the values above
 */
public record Availability(int required, int pods, double podFailure, double availability, double unavailability,
        ModelEvidence evidence) implements HasEvidence {

    /** Availability as "nines": {@code -log10(unavailability)}. */
    public double nines() {
        return unavailability <= 0 ? Double.POSITIVE_INFINITY : -Math.log10(unavailability);
    }
}
