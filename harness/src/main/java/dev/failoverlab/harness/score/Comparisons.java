package dev.failoverlab.harness.score;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Paired comparisons between every pair of policies: per scenario paired by seed, and suite-wide paired by
 * (scenario, seed). Compared metrics: SLO-violation seconds and cost.
 */
public final class Comparisons {
    /** The metrics every pair of policies is compared on. */
    public static final List<Metric> COMPARED = List.of(Metric.SLO_VIOLATION_SECONDS, Metric.COST_DOLLARS);
    public static final String SUITE = "suite";

    private Comparisons() {
    }

    /** Pairs {@code (i, j)} with i before j in the given order, for each compared metric. */
    public static List<PairedComparison> forScenario(String scenario, List<PolicySummary> policies) {
        List<PairedComparison> out = new ArrayList<>();
        for (Metric metric : COMPARED) {
            for (int i = 0; i < policies.size(); i++) {
                for (int j = i + 1; j < policies.size(); j++) {
                    List<double[]> pairs = pairBySeed(policies.get(i), policies.get(j), metric);
                    out.add(compare(scenario, metric, policies.get(i).policy(), policies.get(j).policy(), pairs));
                }
            }
        }
        return out;
    }

    /**
     * Pools all scenarios: for each pair of policies, every (scenario, seed) both ran is one pair.
     *
     * @param perScenario per scenario, the summaries of the policies that ran it
     * @param policies    suite-wide policy order
     */
    public static List<PairedComparison> suiteWide(List<List<PolicySummary>> perScenario, List<String> policies) {
        List<PairedComparison> out = new ArrayList<>();
        for (Metric metric : COMPARED) {
            for (int i = 0; i < policies.size(); i++) {
                for (int j = i + 1; j < policies.size(); j++) {
                    List<double[]> pairs = new ArrayList<>();
                    for (List<PolicySummary> scenario : perScenario) {
                        PolicySummary a = find(scenario, policies.get(i));
                        PolicySummary b = find(scenario, policies.get(j));
                        if (a != null && b != null) {
                            pairs.addAll(pairBySeed(a, b, metric));
                        }
                    }
                    if (!pairs.isEmpty()) {
                        out.add(compare(SUITE, metric, policies.get(i), policies.get(j), pairs));
                    }
                }
            }
        }
        return out;
    }

    static PairedComparison compare(String scope, Metric metric, String a, String b, List<double[]> pairs) {
        double[] differences = new double[pairs.size()];
        double sum = 0;
        for (int k = 0; k < differences.length; k++) {
            differences[k] = pairs.get(k)[0] - pairs.get(k)[1];
            sum += differences[k];
        }
        PairedWilcoxon.Result r = PairedWilcoxon.test(differences);
        double mean = differences.length == 0 ? Double.NaN : sum / differences.length;
        return new PairedComparison(scope, metric, a, b, differences.length, r.nonZero(), mean, r.pValue(), r.exact());
    }

    /** Values of both policies for each seed they share, in seed order; pairs with a NaN value are left out. */
    static List<double[]> pairBySeed(PolicySummary a, PolicySummary b, Metric metric) {
        Map<Long, RunScore> bySeed = new TreeMap<>();
        for (RunScore r : b.runs()) {
            bySeed.put(r.key().seed(), r);
        }
        Map<Long, double[]> pairs = new TreeMap<>();
        for (RunScore r : a.runs()) {
            RunScore other = bySeed.get(r.key().seed());
            if (other != null) {
                double x = metric.of(r);
                double y = metric.of(other);
                if (!Double.isNaN(x) && !Double.isNaN(y)) {
                    pairs.put(r.key().seed(), new double[] {x, y});
                }
            }
        }
        return new ArrayList<>(pairs.values());
    }

    private static PolicySummary find(List<PolicySummary> scenario, String policy) {
        for (PolicySummary s : scenario) {
            if (s.policy().equals(policy)) {
                return s;
            }
        }
        return null;
    }
}
