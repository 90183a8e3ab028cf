package dev.failoverlab.harness.report;

/**
 * Wall-clock figures of one policy over all its runs: simulation throughput and agent query compute time
 * (nearest-rank percentiles over every query of every run).
 */
public record PolicyPerformance(String policy, int runs, double wallSeconds, long requests, long events,
                                int queries, double queryWallMsP50, double queryWallMsP99) {

    public double eventsPerSecond() {
        return wallSeconds > 0 ? events / wallSeconds : Double.NaN;
    }
}
