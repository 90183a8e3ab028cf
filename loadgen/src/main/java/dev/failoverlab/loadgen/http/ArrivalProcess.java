package dev.failoverlab.loadgen.http;

/** How arrivals are spread over time at a given rate. */
public enum ArrivalProcess {
    /** Exponential gaps (seeded thinning, the simulator's arrivals): realistic bursts. */
    POISSON,
    /** Evenly spaced, 1/rate apart: the least noisy way to hit a target rate. */
    UNIFORM
}
