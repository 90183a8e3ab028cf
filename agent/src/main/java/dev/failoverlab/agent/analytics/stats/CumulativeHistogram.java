package dev.failoverlab.agent.analytics.stats;

import java.util.Arrays;
import java.util.Locale;

/**
 * A Prometheus-style cumulative histogram: ascending bucket upper bounds (the {@code le} labels, the last one
 * {@code +Inf}) and the cumulative count of observations at or below each bound. This is the only latency data a
 * production agent has; {@link #minus} turns two scrapes of the ever-growing counters into the histogram of one
 * window, as {@code rate(..._bucket[5m])} does.
 *
 * @param upperBounds      ascending, finite except the last, which must be {@code +Inf}
 * @param cumulativeCounts non-decreasing, one per bound; the last is the total count
 */
public record CumulativeHistogram(double[] upperBounds, long[] cumulativeCounts) {

    public CumulativeHistogram {
        if (upperBounds == null || cumulativeCounts == null) {
            throw new IllegalArgumentException("histogram bounds and counts must not be null");
        }
        if (upperBounds.length != cumulativeCounts.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "histogram has %d bucket bounds but %d counts; they must pair up one to one",
                    upperBounds.length, cumulativeCounts.length));
        }
        if (upperBounds.length < 2) {
            throw new IllegalArgumentException("a histogram needs at least one finite bucket and the +Inf bucket");
        }
        if (upperBounds[upperBounds.length - 1] != Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("the last bucket bound must be +Inf (le=\"+Inf\"), got "
                    + upperBounds[upperBounds.length - 1]);
        }
        for (int i = 0; i < upperBounds.length; i++) {
            if (Double.isNaN(upperBounds[i]) || i > 0 && !(upperBounds[i] > upperBounds[i - 1])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "bucket bounds must be strictly ascending; bound[%d] = %s follows %s", i, upperBounds[i],
                        i > 0 ? upperBounds[i - 1] : "nothing"));
            }
            if (cumulativeCounts[i] < 0 || i > 0 && cumulativeCounts[i] < cumulativeCounts[i - 1]) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "cumulative counts must be non-negative and non-decreasing; count[%d] (le=%s) = %d follows %d",
                        i, upperBounds[i], cumulativeCounts[i], i > 0 ? cumulativeCounts[i - 1] : 0));
            }
        }
        upperBounds = upperBounds.clone();
        cumulativeCounts = cumulativeCounts.clone();
    }

    /** Builds a histogram from raw observations, for tests and simulations. */
    public static CumulativeHistogram of(double[] upperBounds, double[] observations) {
        long[] counts = new long[upperBounds.length];
        for (double v : observations) {
            int i = Arrays.binarySearch(upperBounds, v);
            int bucket = i >= 0 ? i : -i - 1; // first bound >= v (le semantics)
            counts[bucket]++;
        }
        for (int i = 1; i < counts.length; i++) {
            counts[i] += counts[i - 1];
        }
        return new CumulativeHistogram(upperBounds, counts);
    }

    @Override
    public double[] upperBounds() {
        return upperBounds.clone();
    }

    @Override
    public long[] cumulativeCounts() {
        return cumulativeCounts.clone();
    }

    /** Total number of observations (the {@code +Inf} bucket). */
    public long total() {
        return cumulativeCounts[cumulativeCounts.length - 1];
    }

    public int bucketCount() {
        return upperBounds.length;
    }

    double upperBound(int i) {
        return upperBounds[i];
    }

    long cumulative(int i) {
        return cumulativeCounts[i];
    }

    /** Observations per bucket (not cumulative). */
    public long[] bucketCounts() {
        long[] out = new long[cumulativeCounts.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = cumulativeCounts[i] - (i == 0 ? 0 : cumulativeCounts[i - 1]);
        }
        return out;
    }

    /**
     * The histogram of the window between an {@code earlier} scrape and this one.
     *
     * @throws IllegalArgumentException when the bounds differ or a counter went down (a pod restarted and its
     *                                  counters reset: use the later scrape's own counts for that pod)
     */
    public CumulativeHistogram minus(CumulativeHistogram earlier) {
        requireSameBounds(earlier);
        long[] delta = new long[cumulativeCounts.length];
        for (int i = 0; i < delta.length; i++) {
            delta[i] = cumulativeCounts[i] - earlier.cumulativeCounts[i];
            if (delta[i] < 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "bucket le=%s went down from %d to %d between scrapes: a counter reset; use the later"
                                + " scrape alone for the reset series", upperBounds[i], earlier.cumulativeCounts[i],
                        cumulativeCounts[i]));
            }
        }
        return new CumulativeHistogram(upperBounds, delta);
    }

    /** Sum of two histograms with the same bounds, e.g. the pods of one colour. */
    public CumulativeHistogram plus(CumulativeHistogram other) {
        requireSameBounds(other);
        long[] sum = new long[cumulativeCounts.length];
        for (int i = 0; i < sum.length; i++) {
            sum[i] = Math.addExact(cumulativeCounts[i], other.cumulativeCounts[i]);
        }
        return new CumulativeHistogram(upperBounds, sum);
    }

    void requireSameBounds(CumulativeHistogram other) {
        if (!Arrays.equals(upperBounds, other.upperBounds)) {
            throw new IllegalArgumentException("histograms have different bucket bounds " + Arrays.toString(upperBounds)
                    + " and " + Arrays.toString(other.upperBounds) + "; compare only series of the same metric");
        }
    }
}
