package dev.failoverlab.loadgen.http;

import dev.failoverlab.loadgen.profile.LoadProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Counts and histograms of one run, fed by the event loop (single thread, so no synchronisation). Turns each
 * second into an {@link IntervalReport} and the whole run into a {@link LoadResult}.
 */
final class Recorder {
    private static final long HIGHEST_MICROS = 3_600_000_000L;
    private static final int OTHER_STATUS = 0;

    private final LoadProfile profile;
    private final Histogram latency = new Histogram(HIGHEST_MICROS, 3);
    private final Histogram serviceTime = new Histogram(HIGHEST_MICROS, 3);
    private final Histogram intervalLatency = new Histogram(HIGHEST_MICROS, 3);
    private final long[] statuses = new long[600];
    private final List<IntervalReport> intervals = new ArrayList<>();

    private long intended;
    private long sent;
    private long completed;
    private long ok;
    private long errors;
    private long timeouts;
    private long ioErrors;
    private long late;
    private long unsent;
    private long expired;
    private long connectFailures;

    private double intervalStart;
    private long intervalCompleted;
    private long intervalErrors;
    private long intervalLate;

    Recorder(LoadProfile profile) {
        this.profile = profile;
    }

    void intended() {
        intended++;
    }

    void sent(boolean wasLate) {
        sent++;
        if (wasLate) {
            late++;
            intervalLate++;
        }
    }

    void response(int status, long latencyNanos, long serviceNanos) {
        record(latencyNanos, serviceNanos);
        completed++;
        intervalCompleted++;
        statuses[status >= 100 && status < statuses.length ? status : OTHER_STATUS]++;
        if (status >= 200 && status < 400) {
            ok++;
        } else {
            error();
        }
    }

    void ioError() {
        ioErrors++;
        error();
    }

    void timeout(long latencyNanos, long serviceNanos) {
        record(latencyNanos, serviceNanos);
        timeouts++;
        error();
    }

    /** Waited for a connection longer than the timeout: a timeout that was never sent. */
    void expired() {
        expired++;
        timeouts++;
        error();
    }

    void unsent(long count) {
        unsent += count;
    }

    void connectFailure() {
        connectFailures++;
    }

    private void error() {
        errors++;
        intervalErrors++;
    }

    private void record(long latencyNanos, long serviceNanos) {
        long latencyMicros = clamp(latencyNanos / 1000);
        latency.recordValue(latencyMicros);
        intervalLatency.recordValue(latencyMicros);
        serviceTime.recordValue(clamp(serviceNanos / 1000));
    }

    private static long clamp(long micros) {
        return Math.max(0, Math.min(HIGHEST_MICROS, micros));
    }

    /** Closes the interval ending at {@code endSeconds} (normally one second long) and returns its report. */
    IntervalReport closeInterval(double endSeconds, long backlog) {
        double length = Math.max(1e-9, endSeconds - intervalStart);
        IntervalReport report = new IntervalReport(endSeconds, meanTargetRate(intervalStart, endSeconds),
                intervalCompleted / length, intervalCompleted, intervalErrors, ms(intervalLatency, 50),
                ms(intervalLatency, 95), ms(intervalLatency, 99), intervalLate, backlog);
        intervals.add(report);
        intervalStart = endSeconds;
        intervalCompleted = 0;
        intervalErrors = 0;
        intervalLate = 0;
        intervalLatency.reset();
        return report;
    }

    /** Whether anything happened since the last closed interval (so a final partial one is worth reporting). */
    boolean intervalHasActivity() {
        return intervalCompleted > 0 || intervalErrors > 0 || intervalLate > 0;
    }

    double intervalStart() {
        return intervalStart;
    }

    private double meanTargetRate(double from, double to) {
        int samples = 20;
        double sum = 0;
        for (int i = 0; i < samples; i++) {
            sum += profile.rateAt(from + (to - from) * (i + 0.5) / samples);
        }
        return sum / samples;
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0.0 : h.getValueAtPercentile(percentile) / 1000.0;
    }

    LoadResult result(double durationSeconds) {
        Map<Integer, Long> statusCounts = new LinkedHashMap<>();
        for (int code = 0; code < statuses.length; code++) {
            if (statuses[code] > 0) {
                statusCounts.put(code, statuses[code]);
            }
        }
        double achieved = durationSeconds > 0 ? completed / durationSeconds : 0.0;
        return new LoadResult(intended, sent, completed, ok, statusCounts, errors, timeouts, ioErrors, late, unsent,
                expired, connectFailures, durationSeconds, achieved, latency.copy(), serviceTime.copy(), intervals);
    }
}
