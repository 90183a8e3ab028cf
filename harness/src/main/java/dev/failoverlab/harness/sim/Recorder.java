package dev.failoverlab.harness.sim;

import org.HdrHistogram.Histogram;

/**
 * Counts what happens to requests, per colour: the ground truth of the current sampling interval (arrivals,
 * successes, failures, an HdrHistogram of latencies), run totals, and the cumulative counters and latency histogram
 * with Prometheus' default buckets that scrapes read. Every finished request — answered, refused or timed out — is
 * recorded with its latency.
 */
final class Recorder {
    /** Prometheus client default buckets (0.005 … 10 s), in ms; the last is +Inf. */
    static final double[] BUCKETS_MS = {5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000,
        Double.POSITIVE_INFINITY};
    private static final int SIGNIFICANT_DIGITS = 2;

    final long[] arrivals;
    final long[] ok;
    final long[] errors;
    long cumArrived;
    long cumCompleted;
    long cumFailed;

    final long[] promRequests;
    final long[] promErrors;
    /** Non-cumulative bucket counts; scrapes make them cumulative. */
    final long[][] promBuckets;
    final double[] promSumMs;

    final Histogram[] interval;
    /** Whole-run latency per colour (merged at every sample, so the hot path records once). */
    final Histogram[] whole;
    private final long maxMicros;

    Recorder(int colors, double timeoutSeconds) {
        arrivals = new long[colors];
        ok = new long[colors];
        errors = new long[colors];
        promRequests = new long[colors];
        promErrors = new long[colors];
        promBuckets = new long[colors][BUCKETS_MS.length];
        promSumMs = new double[colors];
        // latencies never exceed the client timeout by more than the base latency; leave generous head room
        maxMicros = (long) Math.ceil((timeoutSeconds * 2 + 60) * 1e6);
        interval = new Histogram[colors];
        whole = new Histogram[colors];
        for (int c = 0; c < colors; c++) {
            interval[c] = newHistogram();
            whole[c] = newHistogram();
        }
    }

    Histogram newHistogram() {
        return new Histogram(1, maxMicros, SIGNIFICANT_DIGITS);
    }

    void arrived(int color) {
        arrivals[color]++;
        cumArrived++;
    }

    void succeeded(int color, double latencyMs) {
        ok[color]++;
        cumCompleted++;
        latency(color, latencyMs);
    }

    void failed(int color, double latencyMs) {
        errors[color]++;
        cumFailed++;
        promErrors[color]++;
        latency(color, latencyMs);
    }

    private void latency(int color, double ms) {
        long micros = (long) (ms * 1000 + 0.5);
        interval[color].recordValue(micros < 0 ? 0 : Math.min(micros, maxMicros));
        promRequests[color]++;
        promSumMs[color] += ms;
        int b = 0;
        while (ms > BUCKETS_MS[b]) {
            b++;
        }
        promBuckets[color][b]++;
    }

    /** Clears the interval counters of one colour after a sample, folding its latencies into the run total. */
    void resetInterval(int color) {
        whole[color].add(interval[color]);
        interval[color].reset();
        arrivals[color] = 0;
        ok[color] = 0;
        errors[color] = 0;
    }

    static double percentileMs(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
    }
}
