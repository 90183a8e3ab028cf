package dev.failoverlab.harness.report;

import dev.failoverlab.harness.score.PairedComparison;
import dev.failoverlab.harness.score.SuiteTotals;
import java.util.List;

/**
 * Everything a report shows: per-scenario results, suite totals per policy, suite-wide paired comparisons and
 * the wall-clock performance of the runs.
 *
 * @param policies  every policy that ran, in order of first appearance
 * @param backends  backends the runs used, sorted
 * @param notRun    scenarios given without raw runs in the folder
 */
public record SuiteResults(List<ScenarioResults> scenarios, List<String> policies, List<SuiteTotals> totals,
                           List<PairedComparison> comparisons, List<RunPerformance> runPerformance,
                           List<PolicyPerformance> policyPerformance, List<String> backends, List<String> notRun) {

    public SuiteResults {
        scenarios = List.copyOf(scenarios);
        policies = List.copyOf(policies);
        totals = List.copyOf(totals);
        comparisons = List.copyOf(comparisons);
        runPerformance = List.copyOf(runPerformance);
        policyPerformance = List.copyOf(policyPerformance);
        backends = List.copyOf(backends);
        notRun = List.copyOf(notRun);
    }

    public int runs() {
        return scenarios.stream().mapToInt(ScenarioResults::runs).sum();
    }
}
