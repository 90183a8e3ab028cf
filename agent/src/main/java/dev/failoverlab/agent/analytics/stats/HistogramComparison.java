package dev.failoverlab.agent.analytics.stats;

import dev.failoverlab.agent.analytics.ModelEvidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;

/**
 * Compares two latency histograms with the same buckets, because in production the agent never sees raw samples.
 * Two bootstrap-free tests on the bucket counts answer different questions: Pearson's chi-square test of
 * homogeneity (Commons Math) asks "do the shapes differ at all?", after merging adjacent buckets until every
 * expected count is at least 5 so its approximation holds; the Mann-Whitney test on grouped data (buckets as
 * ordered categories, a whole bucket as one tie group, tie-corrected variance; Lehmann, "Nonparametrics", ch. 1)
 * asks "is A slower?", with the probability of superiority as effect size. Percentiles with order-statistic
 * intervals say by how much.
 */
public final class HistogramComparison {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);
    private static final double MIN_EXPECTED = 5;

    private HistogramComparison() {
    }

    /** Compares A (e.g. blue) with B (e.g. green) at percentiles {@code quantiles} (default 0.5, 0.95, 0.99). */
    public static HistogramComparisonResult compare(CumulativeHistogram a, CumulativeHistogram b, double confidence,
            double... quantiles) {
        a.requireSameBounds(b);
        long na = a.total();
        long nb = b.total();
        if (na == 0 || nb == 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "cannot compare latency: histogram A has %d and B has %d observations; both need requests", na,
                    nb));
        }
        double[] levels = quantiles.length == 0 ? new double[] {0.5, 0.95, 0.99} : quantiles;
        long[] ca = a.bucketCounts();
        long[] cb = b.bucketCounts();
        ModelEvidence.Builder ev = ModelEvidence.of("histogram-comparison(chi-square, grouped-mann-whitney)")
                .param("count_a", na).param("count_b", nb).param("buckets", ca.length)
                .param("confidence", confidence);

        List<long[]> groups = mergeForExpectedCounts(ca, cb, na, nb);
        double chi = Double.NaN;
        double chiP = 1;
        int df = groups.size() - 1;
        if (df >= 1) {
            long[] ga = new long[groups.size()];
            long[] gb = new long[groups.size()];
            for (int i = 0; i < groups.size(); i++) {
                ga[i] = groups.get(i)[0];
                gb[i] = groups.get(i)[1];
            }
            ChiSquareTest test = new ChiSquareTest();
            chi = test.chiSquareDataSetsComparison(ga, gb);
            chiP = test.chiSquareTestDataSetsComparison(ga, gb);
        } else {
            ev.note("all observations fall in one merged bucket group; the chi-square test has no degrees of freedom");
        }

        // grouped Mann-Whitney: U_A = sum_j a_j (B below bucket j + b_j / 2)
        double u = 0;
        double bBelow = 0;
        double tieSum = 0;
        for (int j = 0; j < ca.length; j++) {
            u += ca[j] * (bBelow + cb[j] / 2.0);
            bBelow += cb[j];
            double t = ca[j] + cb[j];
            tieSum += t * t * t - t;
        }
        double pairs = (double) na * nb;
        double n = na + nb;
        double variance = pairs / 12 * ((n + 1) - tieSum / (n * (n - 1)));
        double d = u - pairs / 2;
        double sd = Math.sqrt(variance);
        double z = sd > 0 ? d / sd : 0;
        // P-values with a continuity correction of one half
        double pSlower = sd > 0 ? 1 - STANDARD_NORMAL.cumulativeProbability((d - 0.5) / sd) : 1;
        double pTwo = sd > 0
                ? Math.min(1, 2 * (1 - STANDARD_NORMAL.cumulativeProbability((Math.abs(d) - 0.5) / sd))) : 1;

        List<QuantileEstimate> qa = new ArrayList<>();
        List<QuantileEstimate> qb = new ArrayList<>();
        for (double q : levels) {
            QuantileEstimate ea = HistogramQuantiles.estimate(a, q, confidence);
            QuantileEstimate eb = HistogramQuantiles.estimate(b, q, confidence);
            qa.add(ea);
            qb.add(eb);
            String p = "p" + (q * 100 == Math.rint(q * 100) ? String.valueOf(Math.round(q * 100))
                    : String.format(Locale.ROOT, "%.1f", q * 100));
            ev.output(p + "_a", ea.value()).output(p + "_a_lower", ea.lowerConservative())
                    .output(p + "_a_upper", ea.upperConservative())
                    .output(p + "_b", eb.value()).output(p + "_b_lower", eb.lowerConservative())
                    .output(p + "_b_upper", eb.upperConservative());
        }
        ev.param("merged_groups", groups.size())
                .output("chi_square", chi).output("chi_square_df", df).output("chi_square_p_value", chiP)
                .output("probability_a_slower", u / pairs).output("rank_sum_z", z)
                .output("p_value_a_slower", pSlower).output("p_value_two_sided", pTwo)
                .note("percentile bounds are conservative bucket edges of the order statistics");
        return new HistogramComparisonResult(chi, df, chiP, u / pairs, z, pSlower, pTwo, qa, qb, ev.build());
    }

    /**
     * Merges adjacent buckets, left to right, until both expected counts of each group are at least
     * {@value #MIN_EXPECTED}; a deficient tail joins the previous group.
     *
     * @return groups as {@code {countA, countB}}
     */
    static List<long[]> mergeForExpectedCounts(long[] ca, long[] cb, long na, long nb) {
        double needTotal = MIN_EXPECTED * (na + nb) / (double) Math.min(na, nb);
        List<long[]> groups = new ArrayList<>();
        long accA = 0;
        long accB = 0;
        for (int j = 0; j < ca.length; j++) {
            accA += ca[j];
            accB += cb[j];
            if (accA + accB >= needTotal) {
                groups.add(new long[] {accA, accB});
                accA = 0;
                accB = 0;
            }
        }
        if (accA + accB > 0) {
            if (groups.isEmpty()) {
                groups.add(new long[] {accA, accB});
            } else {
                long[] lastGroup = groups.get(groups.size() - 1);
                lastGroup[0] += accA;
                lastGroup[1] += accB;
            }
        }
        return groups;
    }
}
