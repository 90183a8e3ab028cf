package dev.failoverlab.agent.brain.health;

import dev.failoverlab.agent.analytics.stats.CumulativeHistogram;
import dev.failoverlab.agent.metrics.PromQl;
import dev.failoverlab.agent.port.ScrapeSample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one colour served between two consecutive Prometheus scrapes: exact counter differences (no extrapolation,
 * so counts stay whole and a Wilson interval applies), with a counter that went down treated as a restart from
 * zero, as PromQL's {@code increase} does. {@code histogram} is null when the scrapes carry no usable histogram.
 */
public record ScrapeInterval(Instant start, Instant end, long requests, long errors, CumulativeHistogram histogram) {

    public double seconds() {
        return Duration.between(start, end).toMillis() / 1000.0;
    }

    public double rps() {
        double s = seconds();
        return s > 0 ? requests / s : Double.NaN;
    }

    /**
     * The intervals between consecutive scrapes that a range selector {@code [range]} at {@code at} sees, oldest
     * first (PromQL's selection rule, {@link PromQl#select}).
     */
    public static List<ScrapeInterval> between(List<ScrapeSample> samples, Instant at, Duration range) {
        List<ScrapeSample> in = PromQl.select(samples, at, range);
        List<ScrapeInterval> out = new ArrayList<>();
        for (int i = 1; i < in.size(); i++) {
            ScrapeSample a = in.get(i - 1);
            ScrapeSample b = in.get(i);
            if (!b.timestamp().isAfter(a.timestamp())) {
                continue;
            }
            long requests = delta(a.requests(), b.requests());
            long errors = Math.min(requests, delta(a.errors(), b.errors()));
            out.add(new ScrapeInterval(a.timestamp(), b.timestamp(), requests, errors, histogram(a, b)));
        }
        return out;
    }

    /** The union of consecutive intervals (one window), or null for an empty list. */
    public static ScrapeInterval merge(List<ScrapeInterval> intervals) {
        if (intervals.isEmpty()) {
            return null;
        }
        long requests = 0;
        long errors = 0;
        CumulativeHistogram h = null;
        boolean histogramComplete = true;
        for (ScrapeInterval i : intervals) {
            requests += i.requests();
            errors += i.errors();
            if (i.histogram() == null) {
                histogramComplete = false;
            } else if (histogramComplete) {
                h = h == null ? i.histogram() : sameBounds(h, i.histogram()) ? h.plus(i.histogram()) : null;
                histogramComplete = h != null;
            }
        }
        return new ScrapeInterval(intervals.get(0).start(), intervals.get(intervals.size() - 1).end(), requests,
                errors, histogramComplete ? h : null);
    }

    private static boolean sameBounds(CumulativeHistogram x, CumulativeHistogram y) {
        return Arrays.equals(x.upperBounds(), y.upperBounds());
    }

    private static CumulativeHistogram histogram(ScrapeSample a, ScrapeSample b) {
        double[] bounds = b.bucketUpperMs();
        if (bounds == null || a.bucketUpperMs() == null || !Arrays.equals(bounds, a.bucketUpperMs())
                || b.bucketCounts() == null || a.bucketCounts() == null
                || b.bucketCounts().length != bounds.length || a.bucketCounts().length != bounds.length) {
            return null;
        }
        long[] counts = new long[bounds.length];
        long running = 0;
        for (int i = 0; i < counts.length; i++) {
            // each le bucket is its own counter; keep the cumulative shape even when only some of them reset
            running = Math.max(running, delta(a.bucketCounts()[i], b.bucketCounts()[i]));
            counts[i] = running;
        }
        try {
            return new CumulativeHistogram(bounds, counts);
        } catch (IllegalArgumentException e) {
            return null; // not a Prometheus histogram (no +Inf bucket, bounds not ascending): latency unknown
        }
    }

    private static long delta(long before, long after) {
        return after >= before ? after - before : after;
    }
}
