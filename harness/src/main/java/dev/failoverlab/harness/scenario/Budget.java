package dev.failoverlab.harness.scenario;

/** Spending limit for the scenario in dollars per hour, or null when the scenario sets none. */
public record Budget(Double perHour) {

    public static final Budget NONE = new Budget(null);
}
