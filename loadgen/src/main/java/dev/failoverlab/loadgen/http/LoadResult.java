package dev.failoverlab.loadgen.http;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The outcome of a run. Every intended arrival ends in exactly one of: a response ({@code completed}, split into
 * {@code ok} 2xx/3xx and other statuses), an I/O error, a timeout (in flight, or {@code expired} while waiting
 * for a free connection longer than the timeout), or {@code unsent} at the end. {@code errors} = non-2xx/3xx
 * responses + I/O errors + timeouts. Histograms are in microseconds: {@code latency} from the intended send time,
 * {@code serviceTime} from the actual send; both hold every response and every in-flight timeout (at the
 * time it was given up, a lower bound). {@code durationSeconds} is the load's length (the profile, or until
 * {@code stop()}), so {@code achievedRps} = completed / durationSeconds.
 */
public record LoadResult(long intended, long sent, long completed, long ok, Map<Integer, Long> statusCounts,
                         long errors, long timeouts, long ioErrors, long late, long unsent, long expired,
                         long connectFailures, double durationSeconds, double achievedRps, Histogram latency,
                         Histogram serviceTime, List<IntervalReport> intervals) {

    public LoadResult {
        statusCounts = Collections.unmodifiableMap(new TreeMap<>(statusCounts)); // ascending codes in every report
        intervals = List.copyOf(intervals);
    }

    /** Latency (from the intended send time) at percentile {@code p} (0..100), in milliseconds. */
    public double percentileMs(double p) {
        return latency.getTotalCount() == 0 ? 0.0 : latency.getValueAtPercentile(p) / 1000.0;
    }

    /** Service time (from the actual send) at percentile {@code p} (0..100), in milliseconds. */
    public double serviceTimePercentileMs(double p) {
        return serviceTime.getTotalCount() == 0 ? 0.0 : serviceTime.getValueAtPercentile(p) / 1000.0;
    }

    /** Responses (and timeouts) whose latency from the intended send time was at least {@code d}. */
    public long countAtOrAbove(Duration d) {
        long micros = d.toNanos() / 1000;
        if (latency.getTotalCount() == 0 || micros > latency.getMaxValue()) {
            return 0;
        }
        if (micros <= 0) {
            return latency.getTotalCount();
        }
        // values in micros's own bucket count as at-or-above: HdrHistogram cannot tell them apart
        long below = latency.getCountBetweenValues(0, latency.lowestEquivalentValue(micros) - 1);
        return latency.getTotalCount() - below;
    }
}
