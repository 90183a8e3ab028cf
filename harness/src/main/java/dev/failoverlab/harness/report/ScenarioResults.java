package dev.failoverlab.harness.report;

import dev.failoverlab.harness.run.RunRecording;
import dev.failoverlab.harness.scenario.Scenario;
import dev.failoverlab.harness.score.PairedComparison;
import dev.failoverlab.harness.score.PolicySummary;
import java.util.List;
import java.util.Map;

/**
 * One scenario of a report: per-policy summaries (in the scenario's policy order), paired comparisons, and the
 * raw recordings of the chart seed (the lowest seed) keyed by policy, in policy order.
 */
public record ScenarioResults(Scenario scenario, List<PolicySummary> policies, List<PairedComparison> comparisons,
                              long chartSeed, Map<String, RunRecording> chartRuns) {

    public ScenarioResults {
        policies = List.copyOf(policies);
        comparisons = List.copyOf(comparisons);
    }

    public List<Long> seeds() {
        return policies.stream().flatMap(p -> p.runs().stream()).map(r -> r.key().seed()).distinct().sorted()
                .toList();
    }

    public int runs() {
        return policies.stream().mapToInt(p -> p.runs().size()).sum();
    }
}
