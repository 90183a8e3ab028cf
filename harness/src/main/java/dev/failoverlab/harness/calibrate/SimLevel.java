package dev.failoverlab.harness.calibrate;

/**
 * What the simulator measured at one constant rate over the steady part of a run.
 *
 * @param rps      the offered rate
 * @param p50Ms    median latency (count-weighted mean of the 5 s interval medians)
 * @param p95Ms    95th percentile latency, likewise
 * @param p99Ms    99th percentile latency, likewise
 * @param cpuCores mean CPU use of the pod, in cores
 */
public record SimLevel(double rps, double p50Ms, double p95Ms, double p99Ms, double cpuCores) {
}
