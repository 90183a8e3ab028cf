package dev.failoverlab.loadgen.http;

/**
 * One second of a run. {@code targetRps} is the profile's mean rate over the second, {@code achievedRps} the
 * responses received in it; percentiles are latency from the intended send time; {@code late} counts arrivals
 * sent more than the late threshold after their intended time, {@code backlog} the arrivals waiting for a free
 * connection at the end of the second.
 */
public record IntervalReport(double endSeconds, double targetRps, double achievedRps, long completed,
                             long errors, double p50Ms, double p95Ms, double p99Ms, long late, long backlog) {
}
