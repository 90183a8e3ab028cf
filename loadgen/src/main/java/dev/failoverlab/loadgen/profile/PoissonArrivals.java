package dev.failoverlab.loadgen.profile;

import java.util.SplittableRandom;

/**
 * Arrival times of a non-homogeneous Poisson process following a {@link LoadProfile}, by thinning
 * (Lewis &amp; Shedler) against each segment's maximum rate. Deterministic for a given seed, so every policy
 * of a run sees exactly the same arrivals.
 */
public final class PoissonArrivals {
    private final LoadProfile profile;
    private final SplittableRandom random;
    private double t;
    private int segment;

    public PoissonArrivals(LoadProfile profile, long seed) {
        this.profile = profile;
        this.random = new SplittableRandom(seed);
        this.t = 0;
        this.segment = 0;
    }

    /** Seconds from the start of the next arrival, or {@link Double#POSITIVE_INFINITY} when the profile ends. */
    public double next() {
        while (segment < profile.segments().size()) {
            LoadSegment current = profile.segments().get(segment);
            double start = profile.segmentStart(segment);
            double end = start + current.durationSeconds();
            double max = current.maxRate();
            if (max <= 0) {
                t = end;
                segment++;
                continue;
            }
            t += -Math.log(1.0 - random.nextDouble()) / max;
            if (t >= end) {
                // memorylessness: restarting at the boundary keeps the process exact
                t = end;
                segment++;
                continue;
            }
            if (random.nextDouble() * max <= current.rateAt(t - start)) {
                return t;
            }
        }
        return Double.POSITIVE_INFINITY;
    }
}
