package dev.failoverlab.harness.run;

/**
 * How much work a run was: requests simulated, events processed, wall time. Wall time is machine-dependent,
 * so it is kept apart from the deterministic results.
 */
public record RunStats(long requests, long events, double wallSeconds) {
}
