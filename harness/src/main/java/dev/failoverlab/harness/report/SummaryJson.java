package dev.failoverlab.harness.report;

import dev.failoverlab.harness.scenario.Scenario;
import dev.failoverlab.harness.score.ExpectationResult;
import dev.failoverlab.harness.score.ExpectationTally;
import dev.failoverlab.harness.score.FaultWindow;
import dev.failoverlab.harness.score.FaultWindows;
import dev.failoverlab.harness.score.Incident;
import dev.failoverlab.harness.score.Metric;
import dev.failoverlab.harness.score.PairedComparison;
import dev.failoverlab.harness.score.PolicySummary;
import dev.failoverlab.harness.score.RunScore;
import dev.failoverlab.harness.score.Stat;
import dev.failoverlab.harness.score.SuiteTotals;
import dev.failoverlab.harness.score.TrafficMove;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds summary.json: only deterministic values (no wall-clock time, no timestamps), so identical raw data gives
 * a byte-identical file. The schema is documented in reports/README.md; bump {@link #SCHEMA_VERSION} on change.
 */
final class SummaryJson {
    static final int SCHEMA_VERSION = 1;

    private SummaryJson() {
    }

    static String render(SuiteResults s) {
        Map<String, Object> root = Json.object();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("backends", s.backends());
        root.put("policies", s.policies());
        root.put("notRun", s.notRun());
        List<Object> scenarios = new ArrayList<>();
        for (ScenarioResults r : s.scenarios()) {
            scenarios.add(scenario(r));
        }
        root.put("scenarios", scenarios);
        Map<String, Object> suite = Json.object();
        List<Object> totals = new ArrayList<>();
        for (SuiteTotals t : s.totals()) {
            totals.add(totals(t));
        }
        suite.put("totals", totals);
        suite.put("comparisons", comparisons(s.comparisons()));
        root.put("suite", suite);
        return Json.write(root);
    }

    private static Map<String, Object> scenario(ScenarioResults r) {
        Scenario sc = r.scenario();
        Map<String, Object> o = Json.object();
        o.put("name", sc.name());
        o.put("description", sc.description());
        o.put("durationSeconds", Json.num(sc.durationSeconds()));
        o.put("seeds", r.seeds());
        Map<String, Object> slo = Json.object();
        slo.put("latencyP95Ms", Json.num(sc.slo().latencyP95Ms()));
        slo.put("errorRatePercent", Json.num(sc.slo().errorRatePercent()));
        slo.put("availabilityPercent", Json.num(sc.slo().availabilityPercent()));
        o.put("slo", slo);
        List<Object> faults = new ArrayList<>();
        for (FaultWindow w : FaultWindows.of(sc).all()) {
            Map<String, Object> f = Json.object();
            f.put("label", w.label());
            f.put("colour", w.colour());
            f.put("onsetSeconds", Json.num(w.onsetSeconds()));
            f.put("endSeconds", Json.num(w.endSeconds()));
            faults.add(f);
        }
        o.put("faults", faults);
        o.put("expectations", sc.expect().stream().map(e -> e.describe()).toList());
        List<Object> policies = new ArrayList<>();
        for (PolicySummary p : r.policies()) {
            policies.add(policy(p));
        }
        o.put("policies", policies);
        o.put("comparisons", comparisons(r.comparisons()));
        return o;
    }

    private static Map<String, Object> policy(PolicySummary p) {
        Map<String, Object> o = Json.object();
        o.put("policy", p.policy());
        Map<String, Object> metrics = Json.object();
        for (Metric m : Metric.values()) {
            Stat s = p.stat(m);
            Map<String, Object> stat = Json.object();
            stat.put("mean", Json.num(s.mean()));
            stat.put("ci95HalfWidth", Json.num(s.halfWidth95()));
            stat.put("n", s.n());
            stat.put("of", s.of());
            metrics.put(m.key(), stat);
        }
        o.put("metrics", metrics);
        List<Object> tallies = new ArrayList<>();
        for (ExpectationTally t : p.expectations()) {
            Map<String, Object> e = Json.object();
            e.put("description", t.description());
            e.put("passed", t.passed());
            e.put("of", t.of());
            tallies.add(e);
        }
        o.put("expectations", tallies);
        List<Object> runs = new ArrayList<>();
        for (RunScore r : p.runs()) {
            runs.add(run(r));
        }
        o.put("runs", runs);
        return o;
    }

    private static Map<String, Object> run(RunScore r) {
        Map<String, Object> o = Json.object();
        o.put("seed", r.key().seed());
        o.put("runSeconds", Json.num(r.runSeconds()));
        o.put("sloViolatedIntervals", r.sloViolatedIntervals());
        o.put("sloViolationSeconds", Json.num(r.sloViolationSeconds()));
        o.put("okRequests", r.okRequests());
        o.put("failedRequests", r.failedRequests());
        o.put("availabilityPercent", Json.num(r.availabilityPercent()));
        o.put("meanP95Ms", Json.num(r.meanP95Ms()));
        o.put("flaps", r.flaps());
        o.put("falseFailovers", r.falseFailovers());
        o.put("missedFailovers", r.missedFailovers());
        o.put("findings", r.findings().notes());
        List<Object> moves = new ArrayList<>();
        for (TrafficMove m : r.moves()) {
            Map<String, Object> mv = Json.object();
            mv.put("tSeconds", Json.num(m.tSeconds()));
            mv.put("source", m.source());
            mv.put("kind", m.kind().name());
            mv.put("before", shares(m.before()));
            mv.put("after", shares(m.after()));
            moves.add(mv);
        }
        o.put("trafficMoves", moves);
        List<Object> expectations = new ArrayList<>();
        for (ExpectationResult e : r.expectations()) {
            Map<String, Object> x = Json.object();
            x.put("description", e.description());
            x.put("passed", e.passed());
            x.put("reason", e.reason());
            expectations.add(x);
        }
        o.put("expectations", expectations);
        List<Object> incidents = new ArrayList<>();
        for (Incident i : r.incidents()) {
            Map<String, Object> x = Json.object();
            x.put("label", i.label());
            x.put("colour", i.colour());
            x.put("onsetSeconds", Json.num(i.onsetSeconds()));
            x.put("mitigationSeconds", Json.num(i.mitigationSeconds()));
            x.put("impactSeconds", Json.num(i.impactSeconds()));
            x.put("restoreSeconds", Json.num(i.restoreSeconds()));
            incidents.add(x);
        }
        o.put("incidents", incidents);
        Map<String, Object> cost = Json.object();
        cost.put("podSeconds", shares(r.cost().podSecondsByColour()));
        cost.put("computeDollars", shares(r.cost().computeDollarsByColour()));
        cost.put("llmInputTokens", r.cost().llmInputTokens());
        cost.put("llmOutputTokens", r.cost().llmOutputTokens());
        cost.put("llmDollars", Json.num(r.cost().llmDollars()));
        cost.put("totalDollars", Json.num(r.cost().totalDollars()));
        cost.put("dollarsPerHour", Json.num(r.cost().dollarsPerHour()));
        o.put("cost", cost);
        o.put("agentQueries", r.queries().queries());
        return o;
    }

    private static Map<String, Object> shares(Map<String, Double> byColour) {
        Map<String, Object> o = Json.object();
        byColour.forEach((k, v) -> o.put(k, Json.num(v)));
        return o;
    }

    private static Map<String, Object> totals(SuiteTotals t) {
        Map<String, Object> o = Json.object();
        o.put("policy", t.policy());
        o.put("scenarios", t.scenarios());
        o.put("runs", t.runs());
        o.put("sloViolationSeconds", Json.num(t.sloViolationSeconds()));
        o.put("failedRequests", Json.num(t.failedRequests()));
        o.put("falseFailovers", Json.num(t.falseFailovers()));
        o.put("missedFailovers", Json.num(t.missedFailovers()));
        o.put("flaps", Json.num(t.flaps()));
        o.put("costDollars", Json.num(t.costDollars()));
        o.put("expectationsPassed", t.expectationsPassed());
        o.put("expectationsChecked", t.expectationsChecked());
        return o;
    }

    static List<Object> comparisons(List<PairedComparison> comparisons) {
        List<Object> out = new ArrayList<>();
        for (PairedComparison c : comparisons) {
            Map<String, Object> o = Json.object();
            o.put("metric", c.metric().key());
            o.put("a", c.a());
            o.put("b", c.b());
            o.put("pairs", c.pairs());
            o.put("nonZeroPairs", c.nonZeroPairs());
            o.put("meanDifference", Json.num(c.meanDifference()));
            o.put("pValue", Json.num(c.pValue()));
            o.put("exact", c.exact());
            o.put("significant", c.differs());
            o.put("verdict", c.verdict());
            out.add(o);
        }
        return out;
    }
}
