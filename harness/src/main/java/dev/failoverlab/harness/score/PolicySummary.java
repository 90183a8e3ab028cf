package dev.failoverlab.harness.score;

import java.util.List;
import java.util.Map;

/** One policy on one scenario over all its seeds: the per-run scores (seed order) and their aggregates. */
public record PolicySummary(String policy, List<RunScore> runs, Map<Metric, Stat> stats,
                            List<ExpectationTally> expectations) {

    public PolicySummary {
        runs = List.copyOf(runs);
        stats = Map.copyOf(stats);
        expectations = List.copyOf(expectations);
    }

    public Stat stat(Metric metric) {
        return stats.get(metric);
    }

    public int expectationsPassed() {
        int n = 0;
        for (ExpectationTally t : expectations) {
            n += t.passed();
        }
        return n;
    }

    public int expectationsChecked() {
        int n = 0;
        for (ExpectationTally t : expectations) {
            n += t.of();
        }
        return n;
    }
}
