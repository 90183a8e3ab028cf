package dev.failoverlab.harness.scenario;

/** Service level objective that scoring checks every evaluation interval. */
public record Slo(double latencyP95Ms, double errorRatePercent, double availabilityPercent) {

    public static final Slo DEFAULTS = new Slo(100, 1.0, 99.9);
}
