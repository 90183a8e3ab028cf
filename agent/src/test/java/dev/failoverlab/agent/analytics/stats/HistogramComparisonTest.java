package dev.failoverlab.agent.analytics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class HistogramComparisonTest {

    private static final double INF = Double.POSITIVE_INFINITY;
    private static final double[] BOUNDS = {5, 10, 25, 50, 75, 100, 150, 200, 300, 500, 1000, INF};

    private static CumulativeHistogram latencies(SplittableRandom r, int n, double base, double mean) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = base + -mean * Math.log(1 - r.nextDouble());
        }
        return CumulativeHistogram.of(BOUNDS, v);
    }

    @Test
    void chiSquareMatchesScipyOnAHandTable() {
        double[] b = {1, 2, 3, INF};
        CumulativeHistogram a = new CumulativeHistogram(b, new long[] {10, 30, 60, 100});
        CumulativeHistogram c = new CumulativeHistogram(b, new long[] {20, 40, 60, 80});
        HistogramComparisonResult r = HistogramComparison.compare(a, c, 0.95, 0.5);
        // scipy.stats.chi2_contingency([[10,20,30,40],[20,20,20,20]], correction=False): 9.9, df 3, P 0.019436
        assertThat(r.chiSquare()).isCloseTo(9.9, within(1e-9));
        assertThat(r.chiSquareDegreesOfFreedom()).isEqualTo(3);
        assertThat(r.chiSquarePValue()).isCloseTo(0.0194356, within(1e-6));
        // A has more mass in the upper buckets: it is the slower one
        assertThat(r.probabilityOfSuperiority()).isGreaterThan(0.5);
    }

    @Test
    void aSlowerColourIsDetectedWithItsPercentiles() {
        SplittableRandom r = new SplittableRandom(5);
        CumulativeHistogram blue = latencies(r, 2000, 40, 60);
        CumulativeHistogram green = latencies(r, 2000, 20, 25);
        HistogramComparisonResult c = HistogramComparison.compare(blue, green, 0.95);
        assertThat(c.chiSquarePValue()).isLessThan(1e-10);
        assertThat(c.pValueASlower()).isLessThan(1e-10);
        assertThat(c.probabilityOfSuperiority()).isGreaterThan(0.7);
        assertThat(c.quantilesA()).hasSize(3);
        assertThat(c.percentileIntervalsSeparate(1)).isTrue(); // p95
        assertThat(c.evidence().outputs()).containsKeys("p95_a", "p95_b", "chi_square_p_value");
    }

    @Test
    void identicalDistributionsRejectAtAboutTheNominalRate() {
        SplittableRandom r = new SplittableRandom(8);
        int chiRejects = 0;
        int rankRejects = 0;
        int trials = 300;
        for (int t = 0; t < trials; t++) {
            HistogramComparisonResult c = HistogramComparison.compare(latencies(r, 500, 20, 40),
                    latencies(r, 300, 20, 40), 0.95, 0.95);
            chiRejects += c.chiSquarePValue() < 0.05 ? 1 : 0;
            rankRejects += c.pValueTwoSided() < 0.05 ? 1 : 0;
        }
        // nominal 5 %: with 300 trials the sd is 1.3 %, so 1-10 % is a 4-sd band
        assertThat(chiRejects / (double) trials).isBetween(0.01, 0.10);
        assertThat(rankRejects / (double) trials).isBetween(0.01, 0.10);
    }

    @Test
    void sparseBucketsAreMergedUntilExpectedCountsReachFive() {
        long[] a = {0, 1, 2, 10, 10, 1, 0, 0};
        long[] b = {1, 0, 3, 10, 10, 0, 1, 0};
        var groups = HistogramComparison.mergeForExpectedCounts(a, b, 24, 25);
        long minTotal = groups.stream().mapToLong(g -> g[0] + g[1]).min().orElseThrow();
        assertThat(minTotal * 24.0 / 49).isGreaterThanOrEqualTo(5);
        assertThat(groups.stream().mapToLong(g -> g[0]).sum()).isEqualTo(24);
    }
}
