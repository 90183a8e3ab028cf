package dev.failoverlab.harness.report;

import dev.failoverlab.harness.run.RunKey;

/** Wall-clock work of one run (machine-dependent; reported only in the performance outputs). */
public record RunPerformance(RunKey key, String backend, double wallSeconds, long requests, long events) {

    public double eventsPerSecond() {
        return wallSeconds > 0 ? events / wallSeconds : Double.NaN;
    }

    public double requestsPerSecond() {
        return wallSeconds > 0 ? requests / wallSeconds : Double.NaN;
    }
}
