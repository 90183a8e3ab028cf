package dev.failoverlab.agent.analytics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.junit.jupiter.api.Test;

final class RankSumTestTest {

    // Hollander & Wolfe (1973) p. 69, the example of R's wilcox.test: W = 35, one-sided P = 0.1272
    private static final double[] X = {0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46};
    private static final double[] Y = {1.15, 0.88, 0.90, 0.74, 1.21};

    @Test
    void exactSmallSampleMatchesRsWilcoxTest() {
        RankSumResult r = RankSumTest.test(X, Y, 0.95);
        assertThat(r.method()).isEqualTo("exact");
        assertThat(r.u()).isEqualTo(35);
        assertThat(r.pValueGreater()).isCloseTo(0.1272061, within(1e-7));
        assertThat(r.pValueTwoSided()).isCloseTo(0.2544123, within(1e-7));
        assertThat(r.probabilityOfSuperiority()).isCloseTo(35.0 / 50, within(1e-12));
        assertThat(r.shift()).isCloseTo(0.305, within(1e-9)); // R: difference in location 0.305
        assertThat(r.shiftLower()).isLessThan(r.shift());
        assertThat(r.shiftUpper()).isGreaterThan(r.shift());
    }

    @Test
    void exactDistributionSumsToOneAndIsSymmetric() {
        double[] cdf = RankSumTest.exactCdf(4, 6);
        assertThat(cdf[24]).isCloseTo(1, within(1e-12));
        // P(U <= 0) = 1 / C(10, 4) = 1/210
        assertThat(cdf[0]).isCloseTo(1.0 / 210, within(1e-12));
        assertThat(cdf[11]).isCloseTo(1 - cdf[12], within(1e-12)); // symmetric about 12
    }

    @Test
    void tiedSamplesUseTheTieCorrectedNormalApproximation() {
        double[] a = {1, 2, 2, 3, 3, 3, 4, 5, 5, 6, 7, 8};
        double[] b = {2, 3, 4, 4, 5, 6, 6, 7, 8, 9, 9, 10, 11};
        RankSumResult r = RankSumTest.test(a, b, 0.95);
        assertThat(r.method()).isEqualTo("normal");
        assertThat(r.u()).isEqualTo(39.5);
        // scipy.stats.mannwhitneyu(a, b, method="asymptotic", use_continuity=True): P = 0.0376586
        assertThat(r.pValueTwoSided()).isCloseTo(0.0376586, within(1e-6));
        assertThat(r.pValueGreater()).isCloseTo(0.9835479, within(1e-6));
        assertThat(r.u()).isEqualTo(new MannWhitneyUTest().mannWhitneyU(a, b) == 39.5 ? 39.5
                : a.length * b.length - new MannWhitneyUTest().mannWhitneyU(a, b));
    }

    @Test
    void hodgesLehmannAndMosesBoundsMatchBruteForceOnLatencies() {
        SplittableRandom rnd = new SplittableRandom(17);
        double[] blue = new double[300];
        double[] green = new double[250];
        for (int i = 0; i < blue.length; i++) {
            blue[i] = 50 + 30 * -Math.log(1 - rnd.nextDouble()); // 50 ms + exp(30 ms)
        }
        for (int i = 0; i < green.length; i++) {
            green[i] = 30 + 30 * -Math.log(1 - rnd.nextDouble());
        }
        RankSumResult r = RankSumTest.test(blue, green, 0.95);
        double[] diffs = new double[blue.length * green.length];
        int k = 0;
        for (double b : blue) {
            for (double g : green) {
                diffs[k++] = b - g;
            }
        }
        Arrays.sort(diffs);
        int n = diffs.length;
        assertThat(r.shift()).isCloseTo(0.5 * (diffs[n / 2 - 1] + diffs[n / 2]), within(1e-9));
        assertThat(r.shift()).isCloseTo(20, within(6.0)); // true shift of the two distributions: 20 ms
        assertThat(r.shiftLower()).isLessThan(20).isGreaterThan(5);
        assertThat(r.pValueGreater()).isLessThan(1e-6);
        assertThat(r.probabilityOfSuperiority()).isGreaterThan(0.6);
        double[] xs = blue.clone();
        double[] ys = green.clone();
        Arrays.sort(xs);
        Arrays.sort(ys);
        assertThat(RankSumTest.kthDifference(xs, ys, 1000)).isCloseTo(diffs[999], within(1e-9));
    }
}
