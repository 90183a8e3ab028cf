package dev.failoverlab.harness.calibrate;

/**
 * What one load level measured on the real workload (or, in tests, on a stand-in with known parameters).
 *
 * @param targetRps    the open-loop rate the load generator scheduled
 * @param achievedRps  responses per second the client received
 * @param serverRps    requests per second the workload counted ({@code http_requests_total} delta over wall time)
 * @param p50Ms        client latency median, from the intended send time
 * @param p95Ms        client latency 95th percentile, likewise
 * @param p99Ms        client latency 99th percentile, likewise
 * @param slowFraction fraction of requests at or above half the configured slow delay (0 without slow requests)
 * @param cpuCores     workload CPU: {@code process_cpu_seconds_total} delta over wall seconds
 * @param requests     requests the client completed
 * @param errors       failed requests (non-2xx, I/O errors, timeouts)
 * @param seconds      wall seconds of the measured window
 */
public record RealLevel(double targetRps, double achievedRps, double serverRps, double p50Ms, double p95Ms,
                        double p99Ms, double slowFraction, double cpuCores, long requests, long errors,
                        double seconds) {
}
