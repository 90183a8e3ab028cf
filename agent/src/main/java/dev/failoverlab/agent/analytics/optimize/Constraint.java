package dev.failoverlab.agent.analytics.optimize;

/** The four constraints of a plan, in the order they are reported. */
public enum Constraint {
    /** Response-time percentile at most the limit. */
    LATENCY,
    /** Fraction of failed requests at most the limit. */
    ERROR_RATE,
    /** Fraction of requests served by a colour with enough pods up, at least the target. */
    AVAILABILITY,
    /** Cost per hour at most the budget. */
    BUDGET
}
