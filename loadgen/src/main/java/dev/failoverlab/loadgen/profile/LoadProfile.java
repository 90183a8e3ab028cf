package dev.failoverlab.loadgen.profile;

import java.util.List;

/** Segments played one after another. After the last segment the rate is 0. */
public final class LoadProfile {
    private final List<LoadSegment> segments;
    private final double[] starts;
    private final double duration;

    public LoadProfile(List<LoadSegment> segments) {
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a load profile needs at least one segment");
        }
        this.segments = List.copyOf(segments);
        this.starts = new double[segments.size()];
        double t = 0;
        for (int i = 0; i < segments.size(); i++) {
            starts[i] = t;
            t += segments.get(i).durationSeconds();
        }
        this.duration = t;
    }

    public List<LoadSegment> segments() {
        return segments;
    }

    public double durationSeconds() {
        return duration;
    }

    /** Start of segment {@code i} in seconds from the profile start. */
    public double segmentStart(int i) {
        return starts[i];
    }

    /** Index of the segment playing at {@code t}, or -1 past the end. */
    public int segmentAt(double t) {
        if (t < 0 || t >= duration) {
            return -1;
        }
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= t) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Intended requests per second at {@code t} seconds from the start. */
    public double rateAt(double t) {
        int i = segmentAt(t);
        return i < 0 ? 0.0 : segments.get(i).rateAt(t - starts[i]);
    }

    /** Expected number of requests over the whole profile (trapezoid rule at 1 s). */
    public double expectedRequests() {
        double sum = 0;
        for (double t = 0; t < duration; t += 1.0) {
            double step = Math.min(1.0, duration - t);
            sum += 0.5 * (rateAt(t) + rateAt(Math.min(t + step, duration - 1e-9))) * step;
        }
        return sum;
    }
}
