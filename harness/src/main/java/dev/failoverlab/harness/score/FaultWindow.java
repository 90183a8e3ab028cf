package dev.failoverlab.harness.score;

import dev.failoverlab.harness.scenario.FaultSpec;

/**
 * When a fault is in force on a colour: from its onset until {@code endSeconds} (exclusive), which is the end
 * of its {@code lasts}, the onset of a later all-zero env patch on the same deployment, or the end of the run
 * (positive infinity).
 */
public record FaultWindow(FaultSpec fault, String colour, double onsetSeconds, double endSeconds) {

    public boolean activeAt(double tSeconds) {
        return tSeconds >= onsetSeconds - TrafficMove.EPSILON && tSeconds < endSeconds - TrafficMove.EPSILON;
    }

    /** Label for tables and chart markers, e.g. {@code web-blue patchEnv SLOW_REQUESTS=20}. */
    public String label() {
        return fault.deployment() + " " + fault.label();
    }
}
