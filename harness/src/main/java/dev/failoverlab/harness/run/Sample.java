package dev.failoverlab.harness.run;

import java.util.List;

/**
 * One sampling interval of a run, ending at {@code tSeconds}. Totals cover both colours; cumulative counters
 * obey {@code cumArrived == cumCompleted + cumFailed + inFlight} at every sample.
 *
 * @param offeredRps  the load profile's intended rate at the interval end
 */
public record Sample(
        double tSeconds,
        double offeredRps,
        long cumArrived,
        long cumCompleted,
        long cumFailed,
        long inFlight,
        long arrivals,
        long ok,
        long errors,
        double p50Ms,
        double p95Ms,
        double p99Ms,
        List<ColorSample> colors) {

    public Sample {
        colors = List.copyOf(colors);
    }

    public ColorSample color(String color) {
        for (ColorSample c : colors) {
            if (c.color().equals(color)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no colour " + color + " in sample");
    }
}
