package dev.failoverlab.harness.score;

import java.util.List;

/**
 * One policy over the whole suite: sums over scenarios of the per-scenario means (so the figures describe one
 * pass through the suite, whatever the number of seeds), and expectation pass counts over all runs.
 *
 * @param scenarios number of scenarios the policy ran
 */
public record SuiteTotals(String policy, int scenarios, int runs, double sloViolationSeconds,
                          double failedRequests, double falseFailovers, double missedFailovers, double flaps,
                          double costDollars, int expectationsPassed, int expectationsChecked) {

    public static SuiteTotals of(String policy, List<PolicySummary> perScenario) {
        int runs = 0;
        double slo = 0;
        double failed = 0;
        double falseFailovers = 0;
        double missed = 0;
        double flaps = 0;
        double cost = 0;
        int passed = 0;
        int checked = 0;
        for (PolicySummary s : perScenario) {
            runs += s.runs().size();
            slo += mean(s, Metric.SLO_VIOLATION_SECONDS);
            failed += mean(s, Metric.FAILED_REQUESTS);
            falseFailovers += mean(s, Metric.FALSE_FAILOVERS);
            missed += mean(s, Metric.MISSED_FAILOVERS);
            flaps += mean(s, Metric.FLAPS);
            cost += mean(s, Metric.COST_DOLLARS);
            passed += s.expectationsPassed();
            checked += s.expectationsChecked();
        }
        return new SuiteTotals(policy, perScenario.size(), runs, slo, failed, falseFailovers, missed, flaps, cost,
                passed, checked);
    }

    private static double mean(PolicySummary s, Metric m) {
        Stat stat = s.stat(m);
        return stat.isEmpty() ? 0.0 : stat.mean();
    }
}
