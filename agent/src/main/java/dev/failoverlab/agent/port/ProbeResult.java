package dev.failoverlab.agent.port;

/** Outcome of one health probe: success, the latency it took, and a short reason on failure. */
public record ProbeResult(boolean healthy, double latencyMs, String detail) {
}
