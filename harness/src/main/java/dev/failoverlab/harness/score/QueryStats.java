package dev.failoverlab.harness.score;

import dev.failoverlab.harness.run.QueryTiming;
import java.util.Arrays;
import java.util.List;

/**
 * Agent queries of one run. Wall times are machine-dependent: reports keep them out of the deterministic
 * summary and show them only in the performance section.
 */
public record QueryStats(int queries, long llmInputTokens, long llmOutputTokens, double wallMsP50,
                         double wallMsP99) {

    public static QueryStats of(List<QueryTiming> queries) {
        double[] wall = new double[queries.size()];
        long in = 0;
        long out = 0;
        for (int i = 0; i < wall.length; i++) {
            QueryTiming q = queries.get(i);
            wall[i] = q.wallMillis();
            in += q.llmInputTokens();
            out += q.llmOutputTokens();
        }
        return new QueryStats(wall.length, in, out, percentile(wall, 50), percentile(wall, 99));
    }

    /** Nearest-rank percentile ({@code p} in 0..100); NaN for no values. Sorts a copy. */
    public static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
