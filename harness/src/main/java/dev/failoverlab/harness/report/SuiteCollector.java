package dev.failoverlab.harness.report;

import dev.failoverlab.harness.run.QueryTiming;
import dev.failoverlab.harness.run.RawStore;
import dev.failoverlab.harness.run.RunKey;
import dev.failoverlab.harness.run.RunRecording;
import dev.failoverlab.harness.scenario.Scenario;
import dev.failoverlab.harness.score.Aggregate;
import dev.failoverlab.harness.score.Comparisons;
import dev.failoverlab.harness.score.PolicySummary;
import dev.failoverlab.harness.score.QueryStats;
import dev.failoverlab.harness.score.RunScore;
import dev.failoverlab.harness.score.RunScorer;
import dev.failoverlab.harness.score.SuiteTotals;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads every raw run of a report folder, scores it against its scenario and aggregates. Only the recordings
 * of the chart seed are kept in memory; the others are dropped once scored.
 */
final class SuiteCollector {
    private final Map<String, List<Double>> queryWall = new LinkedHashMap<>();
    private final List<RunPerformance> runPerformance = new ArrayList<>();
    private final TreeSet<String> backends = new TreeSet<>();

    private SuiteCollector() {
    }

    static SuiteResults collect(Path folder, List<Scenario> scenarios) {
        return new SuiteCollector().run(folder, scenarios);
    }

    private SuiteResults run(Path folder, List<Scenario> scenarios) {
        RawStore store = new RawStore(folder);
        List<RunKey> keys = store.list();
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no raw runs in " + folder.resolve("raw")
                    + ": expected raw/<scenario>/<policy>/seed-<n>/run.properties; run the suite into this folder first");
        }
        Map<String, Scenario> byName = new LinkedHashMap<>();
        for (Scenario s : scenarios) {
            if (byName.putIfAbsent(s.name(), s) != null) {
                throw new IllegalArgumentException("scenario '" + s.name() + "' given twice (" + s.sourceFile()
                        + " and " + byName.get(s.name()).sourceFile() + "); scenario names must be unique");
            }
        }
        Map<String, Map<String, List<RunKey>>> grouped = new TreeMap<>();
        for (RunKey k : keys) {
            grouped.computeIfAbsent(k.scenario(), x -> new TreeMap<>())
                    .computeIfAbsent(k.policy(), x -> new ArrayList<>()).add(k);
        }
        List<String> unknown = grouped.keySet().stream().filter(n -> !byName.containsKey(n)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("raw runs in " + folder.resolve("raw") + " for scenario(s) " + unknown
                    + " have no scenario definition; pass their scenario files too (given: " + byName.keySet() + ")");
        }
        List<ScenarioResults> results = new ArrayList<>();
        List<String> notRun = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            Map<String, List<RunKey>> byPolicy = grouped.get(scenario.name());
            if (byPolicy == null) {
                notRun.add(scenario.name());
            } else {
                results.add(scoreScenario(store, scenario, byPolicy));
            }
        }
        List<String> policies = new ArrayList<>();
        for (ScenarioResults r : results) {
            for (PolicySummary p : r.policies()) {
                if (!policies.contains(p.policy())) {
                    policies.add(p.policy());
                }
            }
        }
        List<SuiteTotals> totals = new ArrayList<>();
        List<List<PolicySummary>> perScenario = new ArrayList<>();
        for (ScenarioResults r : results) {
            perScenario.add(r.policies());
        }
        for (String policy : policies) {
            List<PolicySummary> mine = new ArrayList<>();
            for (ScenarioResults r : results) {
                r.policies().stream().filter(p -> p.policy().equals(policy)).forEach(mine::add);
            }
            totals.add(SuiteTotals.of(policy, mine));
        }
        return new SuiteResults(results, policies, totals, Comparisons.suiteWide(perScenario, policies),
                runPerformance, policyPerformance(policies), new ArrayList<>(backends), notRun);
    }

    private ScenarioResults scoreScenario(RawStore store, Scenario scenario, Map<String, List<RunKey>> byPolicy) {
        long chartSeed = byPolicy.values().stream().flatMap(List::stream).mapToLong(RunKey::seed).min().orElseThrow();
        List<PolicySummary> summaries = new ArrayList<>();
        Map<String, RunRecording> chartRuns = new LinkedHashMap<>();
        for (String policy : ordered(byPolicy.keySet(), scenario.policies())) {
            List<RunScore> scores = new ArrayList<>();
            for (RunKey key : byPolicy.get(policy)) {
                RunRecording run = store.read(key);
                scores.add(RunScorer.score(run, scenario));
                record(run);
                if (key.seed() == chartSeed) {
                    chartRuns.put(policy, run);
                }
            }
            summaries.add(Aggregate.summarize(policy, scores));
        }
        return new ScenarioResults(scenario, summaries, Comparisons.forScenario(scenario.name(), summaries),
                chartSeed, chartRuns);
    }

    /** Policies in the scenario's declared order; others (a CLI override) after them, alphabetically. */
    static List<String> ordered(Collection<String> found, List<String> declared) {
        List<String> out = new ArrayList<>(found);
        out.sort(Comparator.comparingInt((String p) -> declared.contains(p) ? declared.indexOf(p) : declared.size())
                .thenComparing(Comparator.naturalOrder()));
        return out;
    }

    private void record(RunRecording run) {
        backends.add(run.backend());
        runPerformance.add(new RunPerformance(run.key(), run.backend(), run.stats().wallSeconds(),
                run.stats().requests(), run.stats().events()));
        List<Double> wall = queryWall.computeIfAbsent(run.key().policy(), p -> new ArrayList<>());
        for (QueryTiming q : run.queries()) {
            wall.add(q.wallMillis());
        }
    }

    private List<PolicyPerformance> policyPerformance(List<String> policies) {
        List<PolicyPerformance> out = new ArrayList<>();
        for (String policy : policies) {
            int runs = 0;
            double wall = 0;
            long requests = 0;
            long events = 0;
            for (RunPerformance r : runPerformance) {
                if (r.key().policy().equals(policy)) {
                    runs++;
                    wall += r.wallSeconds();
                    requests += r.requests();
                    events += r.events();
                }
            }
            double[] q = queryWall.getOrDefault(policy, List.of()).stream().mapToDouble(Double::doubleValue).toArray();
            out.add(new PolicyPerformance(policy, runs, wall, requests, events, q.length,
                    QueryStats.percentile(q, 50), QueryStats.percentile(q, 99)));
        }
        return out;
    }
}
