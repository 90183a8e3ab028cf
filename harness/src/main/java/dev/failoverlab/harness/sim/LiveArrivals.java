package dev.failoverlab.harness.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

/**
 * Poisson arrivals whose load may change at any moment, by thinning (Lewis and Shedler) against a bound valid for
 * the rest of time, recomputed at every candidate. The request flow asks for one arrival ahead and queues it; when
 * the load changes, that queued arrival was drawn under the old load, so it is marked cancelled (its event is
 * skipped when it comes up) and the process restarts at the change — exact by memorylessness, and a jump from
 * 0.01 to 500 rps takes effect at once instead of after the old 100 s gap.
 */
final class LiveArrivals implements DoubleSupplier {
    /** Stream number after those of {@link Seeds}, so live arrivals share no stream with request attributes. */
    private static final int STREAM = 3;

    private final SplittableRandom random;
    private LiveLoad load;
    private double loadStart;
    private double t;
    /** The arrival last handed out (queued, not yet happened), or +Inf when none is queued. */
    private double queued = Double.POSITIVE_INFINITY;
    private final List<Double> cancelled = new ArrayList<>();

    LiveArrivals(LiveLoad load, long seed) {
        this.load = load;
        this.random = Seeds.stream(seed, STREAM);
    }

    @Override
    public double getAsDouble() {
        while (true) {
            double max = load.maxRateFrom(t - loadStart);
            if (!(max > 0)) {
                queued = Double.POSITIVE_INFINITY;
                return queued; // silent until the next load change restarts the process
            }
            t += -Math.log(1.0 - random.nextDouble()) / max;
            if (random.nextDouble() * max <= load.rateAt(t - loadStart)) {
                queued = t;
                return t;
            }
        }
    }

    /** Switches to {@code next} at {@code now}; the caller then asks for the first arrival under it. */
    void change(LiveLoad next, double now) {
        if (queued > now && queued != Double.POSITIVE_INFINITY) {
            cancelled.add(queued);
        }
        queued = Double.POSITIVE_INFINITY;
        load = next;
        loadStart = now;
        t = now;
    }

    /** True (once) when an arrival event at {@code time} was drawn under a load that has since changed. */
    boolean cancelled(double time) {
        for (int i = 0; i < cancelled.size(); i++) {
            if (cancelled.get(i) == time) {
                cancelled.remove(i);
                return true;
            }
        }
        return false;
    }

    LiveLoad load() {
        return load;
    }

    /** The intended rate at {@code now}. */
    double rateAt(double now) {
        return load.rateAt(now - loadStart);
    }

    double loadStart() {
        return loadStart;
    }
}
