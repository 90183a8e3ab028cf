package dev.failoverlab.harness.sim;

import dev.failoverlab.agent.port.Clock;
import java.time.Instant;

/** Virtual time: seconds since the run started, shown to policies as {@code Instant.EPOCH} plus that. */
final class SimClock implements Clock {
    double now;

    @Override
    public Instant now() {
        return instant(now);
    }

    /** The instant of a run time in seconds; null for NaN (a time that never happened). */
    static Instant instant(double seconds) {
        return Double.isNaN(seconds) ? null : Instant.EPOCH.plusNanos(Math.round(seconds * 1e9));
    }
}
