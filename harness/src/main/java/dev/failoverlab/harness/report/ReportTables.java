package dev.failoverlab.harness.report;

import dev.failoverlab.harness.score.Aggregate;
import dev.failoverlab.harness.score.ExpectationTally;
import dev.failoverlab.harness.score.Metric;
import dev.failoverlab.harness.score.PairedComparison;
import dev.failoverlab.harness.score.PolicySummary;
import dev.failoverlab.harness.score.RunScore;
import dev.failoverlab.harness.score.SuiteTotals;
import java.util.ArrayList;
import java.util.List;

/** The tables shared by summary.md, index.html and the console, built once from the results. */
final class ReportTables {
    /** Columns of the per-scenario table after the policy and expectations columns. */
    static final List<Metric> SCENARIO_METRICS = List.of(Metric.SLO_VIOLATION_SECONDS, Metric.FAILED_REQUESTS,
            Metric.AVAILABILITY_PERCENT, Metric.MITIGATION_SECONDS, Metric.RESTORE_SECONDS, Metric.FALSE_FAILOVERS,
            Metric.FLAPS, Metric.COST_DOLLARS);

    private ReportTables() {
    }

    static Table scenario(ScenarioResults r) {
        List<String> header = new ArrayList<>(List.of("Policy", "Expectations passed"));
        StringBuilder align = new StringBuilder("lr");
        for (Metric m : SCENARIO_METRICS) {
            header.add(m.label());
            align.append('r');
        }
        Table t = new Table(align.toString(), header.toArray(String[]::new));
        for (PolicySummary p : r.policies()) {
            List<String> row = new ArrayList<>();
            row.add(p.policy());
            row.add(p.expectationsChecked() == 0 ? Fmt.NA : p.expectationsPassed() + "/" + p.expectationsChecked());
            for (Metric m : SCENARIO_METRICS) {
                row.add(Fmt.stat(p.stat(m), m.decimals()));
            }
            t.row(row);
        }
        return t;
    }

    /** Rows = expectations, columns = policies, cells = runs passed / runs. */
    static Table expectations(ScenarioResults r) {
        List<String> header = new ArrayList<>(List.of("Expectation"));
        header.addAll(r.policies().stream().map(PolicySummary::policy).toList());
        Table t = new Table("l" + "r".repeat(r.policies().size()), header.toArray(String[]::new));
        int count = r.scenario().expect().size();
        for (int e = 0; e < count; e++) {
            List<String> row = new ArrayList<>(List.of(r.scenario().expect().get(e).describe()));
            for (PolicySummary p : r.policies()) {
                ExpectationTally tally = p.expectations().size() > e ? p.expectations().get(e) : null;
                row.add(tally == null ? Fmt.NA : tally.fraction());
            }
            t.row(row);
        }
        return t;
    }

    /** Decision latency for every fault (not just the first), means over seeds. */
    static Table incidents(ScenarioResults r) {
        Table t = new Table("llrrrr", "Fault", "Policy", "Onset s", "Time to mitigate s", "Time to impact s",
                "Time to restore s");
        int faults = r.policies().isEmpty() || r.policies().get(0).runs().isEmpty() ? 0
                : r.policies().get(0).runs().get(0).incidents().size();
        for (int f = 0; f < faults; f++) {
            for (PolicySummary p : r.policies()) {
                List<RunScore> runs = p.runs();
                double[] mitigate = new double[runs.size()];
                double[] impact = new double[runs.size()];
                double[] restore = new double[runs.size()];
                for (int i = 0; i < runs.size(); i++) {
                    mitigate[i] = runs.get(i).incidents().get(f).mitigationSeconds();
                    impact[i] = runs.get(i).incidents().get(f).impactSeconds();
                    restore[i] = runs.get(i).incidents().get(f).restoreSeconds();
                }
                var first = runs.get(0).incidents().get(f);
                t.row(first.label(), p.policy(), Fmt.seconds(first.onsetSeconds()), Fmt.stat(Aggregate.of(mitigate), 1),
                        Fmt.stat(Aggregate.of(impact), 1), Fmt.stat(Aggregate.of(restore), 1));
            }
        }
        return t;
    }

    static Table comparisons(List<PairedComparison> comparisons) {
        Table t = new Table("llrrl", "Metric", "Pair (first − second)", "Pairs", "Mean difference", "Result");
        for (PairedComparison c : comparisons) {
            String result = c.verdict();
            if (c.differs()) {
                result += ": " + c.lower() + " lower";
            }
            t.row(c.metric().label(), c.a() + " − " + c.b(), Integer.toString(c.pairs()),
                    Fmt.signed(c.meanDifference(), c.metric().decimals()), result);
        }
        return t;
    }

    static Table suite(SuiteResults s) {
        Table t = new Table("lrrrrrrrrr", "Policy", "Scenarios", "Runs", "Σ SLO-violation s", "Σ failed requests",
                "False failovers", "Missed failovers", "Flaps", "Cost $", "Expectations passed");
        for (SuiteTotals x : s.totals()) {
            t.row(x.policy(), Integer.toString(x.scenarios()), Integer.toString(x.runs()),
                    Fmt.fixed(x.sloViolationSeconds(), 1), Fmt.fixed(x.failedRequests(), 1),
                    Fmt.fixed(x.falseFailovers(), 1), Fmt.fixed(x.missedFailovers(), 1), Fmt.fixed(x.flaps(), 1),
                    Fmt.fixed(x.costDollars(), 4),
                    x.expectationsChecked() == 0 ? Fmt.NA : x.expectationsPassed() + "/" + x.expectationsChecked());
        }
        return t;
    }

    static Table performance(SuiteResults s) {
        Table t = new Table("lrrrrrrrr", "Policy", "Runs", "Wall s", "Requests", "Events", "Events/s",
                "Agent queries", "Query p50 ms", "Query p99 ms");
        for (PolicyPerformance p : s.policyPerformance()) {
            t.row(p.policy(), Integer.toString(p.runs()), Fmt.fixed(p.wallSeconds(), 2), Long.toString(p.requests()),
                    Long.toString(p.events()), Fmt.fixed(p.eventsPerSecond(), 0), Integer.toString(p.queries()),
                    Fmt.fixed(p.queryWallMsP50(), 2), Fmt.fixed(p.queryWallMsP99(), 2));
        }
        return t;
    }
}
