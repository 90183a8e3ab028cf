package dev.failoverlab.harness.score;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;

/** Aggregation over seeds: mean and 95 % Student-t interval per metric, pass counts per expectation. */
public final class Aggregate {
    private Aggregate() {
    }

    /** Mean and 95 % interval half-width of the finite values; NaN entries (not applicable) are left out. */
    public static Stat of(double[] values) {
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                n++;
                sum += v;
            }
        }
        if (n == 0) {
            return new Stat(Double.NaN, Double.NaN, 0, values.length);
        }
        double mean = sum / n;
        if (n == 1) {
            return new Stat(mean, Double.NaN, 1, values.length);
        }
        double squares = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        double sd = Math.sqrt(squares / (n - 1));
        // null random generator: only the quantile is needed, and the default one would seed itself from the clock
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975);
        return new Stat(mean, t * sd / Math.sqrt(n), n, values.length);
    }

    /** Aggregates one policy's runs on one scenario; every run must have checked the same expectations. */
    public static PolicySummary summarize(String policy, List<RunScore> runs) {
        Map<Metric, Stat> stats = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            double[] values = new double[runs.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = m.of(runs.get(i));
            }
            stats.put(m, of(values));
        }
        List<ExpectationTally> tallies = new ArrayList<>();
        if (!runs.isEmpty()) {
            int count = runs.get(0).expectations().size();
            for (int e = 0; e < count; e++) {
                int passed = 0;
                for (RunScore r : runs) {
                    if (r.expectations().size() != count) {
                        throw new IllegalArgumentException("run " + r.key() + " checked " + r.expectations().size()
                                + " expectations, other seeds " + count + ": score all seeds with the same scenario");
                    }
                    if (r.expectations().get(e).passed()) {
                        passed++;
                    }
                }
                tallies.add(new ExpectationTally(runs.get(0).expectations().get(e).description(), passed, runs.size()));
            }
        }
        return new PolicySummary(policy, runs, stats, tallies);
    }
}
