package dev.failoverlab.agent.metrics;

import dev.failoverlab.agent.port.ScrapeSample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * PromQL's {@code increase}, {@code rate} and {@code histogram_quantile} over {@link ScrapeSample} lists, with
 * Prometheus's semantics: a range selector {@code [r]} evaluated at {@code t} sees the samples in
 * {@code (t - r, t]}; {@code increase} corrects counter resets and extrapolates towards the range boundaries
 * ({@code extrapolatedRate} in {@code promql/functions.go}); {@code histogram_quantile} interpolates linearly
 * inside the bucket holding the rank and answers the highest finite bound when the rank falls in {@code +Inf}
 * ({@code bucketQuantile} in {@code promql/quantile.go}). Where PromQL returns an empty result these return NaN.
 */
public final class PromQl {

    private PromQl() {
    }

    /** The samples a range selector of length {@code range} evaluated at {@code at} selects, oldest first. */
    public static List<ScrapeSample> select(List<ScrapeSample> samples, Instant at, Duration range) {
        Instant start = at.minus(range);
        List<ScrapeSample> out = new ArrayList<>();
        for (ScrapeSample s : samples) {
            if (s.timestamp().isAfter(start) && !s.timestamp().isAfter(at)) {
                out.add(s);
            }
        }
        out.sort((a, b) -> a.timestamp().compareTo(b.timestamp()));
        return out;
    }

    /** {@code increase(counter[range])} at {@code at}; NaN with fewer than two samples in the range. */
    public static double increase(List<ScrapeSample> samples, ToDoubleFunction<ScrapeSample> counter, Instant at,
            Duration range) {
        List<ScrapeSample> in = select(samples, at, range);
        double[] t = new double[in.size()];
        double[] v = new double[in.size()];
        for (int i = 0; i < in.size(); i++) {
            t[i] = seconds(in.get(i).timestamp(), at);
            v[i] = counter.applyAsDouble(in.get(i));
        }
        return extrapolatedIncrease(t, v, -range.toNanos() / 1e9, 0);
    }

    /** {@code rate(counter[range])}: the increase per second of the range. */
    public static double rate(List<ScrapeSample> samples, ToDoubleFunction<ScrapeSample> counter, Instant at,
            Duration range) {
        return increase(samples, counter, at, range) / (range.toNanos() / 1e9);
    }

    /**
     * {@code increase(bucket[range])} for every {@code le} bucket, in bound order; null when fewer than two
     * samples fall in the range. Buckets are separate series in Prometheus, so each is extrapolated on its own.
     */
    public static double[] bucketIncreases(List<ScrapeSample> samples, Instant at, Duration range) {
        List<ScrapeSample> in = select(samples, at, range);
        if (in.size() < 2) {
            return null;
        }
        double[] bounds = in.get(0).bucketUpperMs();
        for (ScrapeSample s : in) {
            if (!Arrays.equals(bounds, s.bucketUpperMs()) || s.bucketCounts().length != bounds.length) {
                throw new IllegalArgumentException("histogram buckets changed between scrapes at "
                        + in.get(0).timestamp() + " and " + s.timestamp() + ": " + Arrays.toString(bounds) + " vs "
                        + Arrays.toString(s.bucketUpperMs()));
            }
        }
        double[] out = new double[bounds.length];
        for (int b = 0; b < bounds.length; b++) {
            int bucket = b;
            out[b] = increase(in, s -> s.bucketCounts()[bucket], at, range);
        }
        return out;
    }

    /**
     * {@code histogram_quantile(q, ...)} over cumulative bucket counts ({@code le} semantics) with ascending upper
     * bounds, the last of which must be {@code +Inf}. NaN when there are fewer than two buckets, no +Inf bucket or
     * no observations; -Inf/+Inf for q below 0 / above 1, as Prometheus.
     */
    public static double histogramQuantile(double q, double[] upperBounds, double[] cumulativeCounts) {
        if (upperBounds.length != cumulativeCounts.length) {
            throw new IllegalArgumentException(upperBounds.length + " bucket bounds but " + cumulativeCounts.length
                    + " counts");
        }
        if (Double.isNaN(q)) {
            return Double.NaN;
        }
        if (q < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (q > 1) {
            return Double.POSITIVE_INFINITY;
        }
        int n = upperBounds.length;
        if (n < 2 || upperBounds[n - 1] != Double.POSITIVE_INFINITY) {
            return Double.NaN;
        }
        double[] counts = cumulativeCounts.clone();
        for (int i = 1; i < n; i++) {
            if (!(upperBounds[i] > upperBounds[i - 1])) {
                throw new IllegalArgumentException("bucket bounds must ascend: " + Arrays.toString(upperBounds));
            }
            counts[i] = Math.max(counts[i], counts[i - 1]); // ensureMonotonic: extrapolation may cross buckets
        }
        double observations = counts[n - 1];
        if (!(observations > 0)) {
            return Double.NaN;
        }
        double rank = q * observations;
        int b = 0;
        while (b < n - 1 && counts[b] < rank) {
            b++;
        }
        if (b == n - 1) {
            return upperBounds[n - 2];
        }
        if (b == 0 && upperBounds[0] <= 0) {
            return upperBounds[0];
        }
        double bucketStart = 0;
        double bucketEnd = upperBounds[b];
        double count = counts[b];
        if (b > 0) {
            bucketStart = upperBounds[b - 1];
            count -= counts[b - 1];
            rank -= counts[b - 1];
        }
        return bucketStart + (bucketEnd - bucketStart) * (rank / count);
    }

    /**
     * Prometheus's {@code extrapolatedRate} for a counter, as an increase: times in seconds, ascending, inside
     * {@code (rangeStart, rangeEnd]}.
     */
    static double extrapolatedIncrease(double[] t, double[] v, double rangeStart, double rangeEnd) {
        int n = t.length;
        if (n < 2) {
            return Double.NaN;
        }
        double result = v[n - 1] - v[0];
        for (int i = 1; i < n; i++) {
            if (v[i] < v[i - 1]) {
                result += v[i - 1]; // counter reset: the counter restarted from zero
            }
        }
        double sampled = t[n - 1] - t[0];
        if (!(sampled > 0)) {
            return Double.NaN; // samples at one instant: no interval to take a rate over
        }
        double average = sampled / (n - 1);
        double threshold = average * 1.1;
        double toStart = t[0] - rangeStart;
        double toEnd = rangeEnd - t[n - 1];
        if (toStart >= threshold) {
            toStart = average / 2;
        }
        if (result > 0 && v[0] >= 0) {
            // a counter is never negative: do not extrapolate back past the point where it was zero
            toStart = Math.min(toStart, sampled * (v[0] / result));
        }
        if (toEnd >= threshold) {
            toEnd = average / 2;
        }
        return result * (sampled + toStart + toEnd) / sampled;
    }

    private static double seconds(Instant t, Instant origin) {
        return Duration.between(origin, t).toNanos() / 1e9;
    }
}
