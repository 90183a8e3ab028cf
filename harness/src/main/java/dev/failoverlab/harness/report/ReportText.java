package dev.failoverlab.harness.report;

import dev.failoverlab.harness.scenario.FaultSpec;
import dev.failoverlab.harness.scenario.Scenario;
import dev.failoverlab.harness.score.ExpectationResult;
import dev.failoverlab.harness.score.FaultWindow;
import dev.failoverlab.harness.score.FaultWindows;
import dev.failoverlab.harness.score.PairedComparison;
import dev.failoverlab.harness.score.PolicySummary;
import dev.failoverlab.harness.score.RunScore;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Sentences and bullet lists shared by the Markdown and HTML reports, so both say the same thing. */
final class ReportText {
    static final String TITLE = "Failover Lab — comparison report";

    private ReportText() {
    }

    static String overview(SuiteResults s) {
        String text = s.scenarios().size() + " scenario" + plural(s.scenarios().size()) + ", " + s.policies().size()
                + " polic" + (s.policies().size() == 1 ? "y" : "ies") + " (" + String.join(", ", s.policies()) + "), "
                + s.runs() + " run" + plural(s.runs()) + " on backend " + String.join(", ", s.backends()) + ".";
        if (!s.notRun().isEmpty()) {
            text += " Not run (no raw data): " + String.join(", ", s.notRun()) + ".";
        }
        return text;
    }

    static String method() {
        return "Figures are means over seeds with ± the half-width of the 95 % Student-t interval (none for a single "
                + "seed); \"(k/n)\" means only k of n runs had a value; \"—\" means not applicable. Times are "
                + "simulated seconds. The SLO is checked per sample interval; decision latency is measured from the "
                + "first fault's onset (restore = the SLO then holds for 60 s).";
    }

    static String scenarioFacts(ScenarioResults r) {
        Scenario s = r.scenario();
        return "Duration " + Fmt.seconds(s.durationSeconds()) + " s · seeds "
                + r.seeds().stream().map(String::valueOf).collect(Collectors.joining(", ")) + " · SLO p95 ≤ "
                + Fmt.seconds(s.slo().latencyP95Ms()) + " ms and errors ≤ " + Fmt.seconds(s.slo().errorRatePercent())
                + " % per interval · active colour at start: " + s.cluster().active();
    }

    /** One bullet per scenario fault (repairs included), with the colour and how long it lasts. */
    static List<String> faults(Scenario s) {
        List<String> out = new ArrayList<>();
        List<FaultWindow> windows = FaultWindows.of(s).all();
        for (FaultSpec f : s.faults()) {
            String at = "t = " + Fmt.seconds(f.at().toMillis() / 1000.0) + " s: " + f.deployment() + " " + f.label();
            if (FaultWindows.isRepair(f)) {
                out.add(at + " (repair: ends earlier faults on " + f.deployment() + ")");
                continue;
            }
            for (FaultWindow w : windows) {
                if (w.fault() == f) {
                    out.add(at + " (" + w.colour() + ", " + (Double.isInfinite(w.endSeconds()) ? "until the end"
                            : "until t = " + Fmt.seconds(w.endSeconds()) + " s") + ")");
                }
            }
        }
        return out;
    }

    /** At most this many distinct findings per policy; the rest are counted (every one is in summary.json). */
    static final int MAX_FINDINGS_PER_POLICY = 6;

    /**
     * Failed expectations and judged traffic moves. The same finding in several seeds is one bullet naming the
     * seeds, and each policy shows its first {@value #MAX_FINDINGS_PER_POLICY} distinct findings, so a policy
     * that flaps every minute does not bury the report.
     */
    static List<String> findings(ScenarioResults r) {
        List<String> out = new ArrayList<>();
        for (PolicySummary p : r.policies()) {
            java.util.Map<String, List<Long>> seedsByFinding = new java.util.LinkedHashMap<>();
            for (RunScore run : p.runs()) {
                List<String> texts = new ArrayList<>();
                for (ExpectationResult e : run.expectations()) {
                    if (!e.passed()) {
                        texts.add("failed " + e.description() + " — " + e.reason());
                    }
                }
                texts.addAll(run.findings().notes());
                for (String text : texts) {
                    seedsByFinding.computeIfAbsent(text, k -> new ArrayList<>()).add(run.key().seed());
                }
            }
            int shown = 0;
            for (var e : seedsByFinding.entrySet()) {
                if (shown++ == MAX_FINDINGS_PER_POLICY) {
                    out.add(p.policy() + ": … and " + (seedsByFinding.size() - MAX_FINDINGS_PER_POLICY)
                            + " more distinct findings (all are in summary.json)");
                    break;
                }
                List<Long> seeds = e.getValue();
                String who = seeds.size() == 1 ? " seed " + seeds.get(0)
                        : " seeds " + String.join(", ", seeds.stream().map(String::valueOf).toList());
                out.add(p.policy() + who + ": " + e.getKey());
            }
        }
        return out;
    }

    /** What the number of pairs allows the exact test to show. */
    static String pairingNote(List<PairedComparison> comparisons, String pairedBy) {
        int n = comparisons.stream().mapToInt(PairedComparison::pairs).max().orElse(0);
        String base = "Wilcoxon signed-rank test, two-sided, paired by " + pairedBy + "; differences are first − second"
                + " (negative: the first policy is lower); zero differences are dropped.";
        if (n == 0) {
            return base;
        }
        if (n > 30) {
            return base + " With " + n + " pairs p comes from the normal approximation.";
        }
        double smallest = PairedComparison.smallestExactP(n);
        String note = base + " With " + n + " pair" + plural(n) + " the smallest possible exact p is "
                + PairedComparison.formatP(smallest);
        if (smallest >= PairedComparison.ALPHA) {
            note += ", so no difference can reach p < 0.05 (that needs at least 6 pairs)";
        }
        return note + ".";
    }

    static String suiteNote() {
        return "Sums over scenarios of the per-scenario means (one pass through the suite); expectations are "
                + "counted over all runs.";
    }

    static String performanceNote() {
        return "Wall-clock figures depend on the machine and its load: they are kept out of summary.json "
                + "(see performance.json for every run).";
    }

    private static String plural(int n) {
        return n == 1 ? "" : "s";
    }
}
