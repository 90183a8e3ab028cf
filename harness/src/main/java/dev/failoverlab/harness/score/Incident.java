package dev.failoverlab.harness.score;

/**
 * Decision latency for one fault, in simulated seconds from its onset; NaN when the thing never happened.
 *
 * @param mitigationSeconds first applied mitigating action (scale up, split, selector switch) at or after onset
 * @param impactSeconds     end of the first SLO-violating interval after onset
 * @param restoreSeconds    SLO restored and held (see {@link SloTimeline#restoreSeconds}); 0 if never violated
 */
public record Incident(String label, String colour, double onsetSeconds, double mitigationSeconds,
                       double impactSeconds, double restoreSeconds) {
}
