package dev.failoverlab.harness.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;
import org.junit.jupiter.api.Test;

final class PairedWilcoxonTest {

    @Test
    void aClearPairedDifferenceWithTenPairsIsSignificant() {
        SplittableRandom random = new SplittableRandom(42);
        double[] d = new double[10];
        for (int i = 0; i < d.length; i++) {
            d[i] = 30 + random.nextDouble() * 20;   // policy A always 30–50 s worse
        }
        PairedWilcoxon.Result r = PairedWilcoxon.test(d);
        assertThat(r.exact()).isTrue();
        assertThat(r.nonZero()).isEqualTo(10);
        assertThat(r.pValue()).isCloseTo(2.0 / 1024, within(1e-12)).isLessThan(0.05);
    }

    @Test
    void identicalPairsGiveOne() {
        PairedWilcoxon.Result r = PairedWilcoxon.test(new double[10]);
        assertThat(r.pValue()).isEqualTo(1.0);
        assertThat(r.nonZero()).isZero();
    }

    @Test
    void fiveSeedsCanNeverReachFivePercent() {
        assertThat(PairedWilcoxon.test(new double[] {1, 2, 3, 4, 5}).pValue()).isEqualTo(0.0625);
        assertThat(PairedComparison.smallestExactP(5)).isEqualTo(0.0625);
    }

    @Test
    void exactPMatchesCommonsMathWithoutTies() {
        SplittableRandom random = new SplittableRandom(7);
        WilcoxonSignedRankTest commons = new WilcoxonSignedRankTest();
        for (int trial = 0; trial < 40; trial++) {
            int n = 4 + random.nextInt(9);
            double[] x = new double[n];
            double[] y = new double[n];
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = random.nextDouble() * 100;
                y[i] = random.nextDouble() * 100 + 10;
                d[i] = x[i] - y[i];
            }
            double ours = PairedWilcoxon.test(d).pValue();
            double theirs = Math.min(1.0, commons.wilcoxonSignedRankTest(x, y, true));
            assertThat(ours).as("n=%d trial %d", n, trial).isCloseTo(theirs, within(1e-12));
        }
    }

    @Test
    void tiesAndZerosAreHandledByExactEnumeration() {
        // zeros dropped: n = 4 ranks of |1,1,1,-2| = 2,2,2,4; W+ = 6 of 10.
        // Sign flips give W+ ∈ {0,2,4,6,4,...}: P(W+ >= 6) = 8/16, P(W+ <= 6) = 12/16 → p = 1
        assertThat(PairedWilcoxon.test(new double[] {0, 1, 1, 1, -2, 0}).pValue()).isEqualTo(1.0);
        // all four positive and tied: only the all-plus flip reaches W+ = 10 → p = 2/16
        assertThat(PairedWilcoxon.test(new double[] {3, 3, 3, 3}).pValue()).isEqualTo(0.125);
    }

    @Test
    void moreThanThirtyPairsUseTheNormalApproximation() {
        double[] d = new double[40];
        for (int i = 0; i < d.length; i++) {
            d[i] = i % 4 == 0 ? -(i + 1) : i + 1;
        }
        PairedWilcoxon.Result r = PairedWilcoxon.test(d);
        assertThat(r.exact()).isFalse();
        assertThat(r.pValue()).isBetween(1e-4, 0.05);
    }

    @Test
    void verdictsSayPlainlyWhatTheTestShows() {
        PairedComparison differs = new PairedComparison("s", Metric.SLO_VIOLATION_SECONDS, "a", "b", 10, 10, -12.5,
                0.03125, true);
        assertThat(differs.verdict()).isEqualTo("differs (p = 0.0313)");
        assertThat(differs.lower()).isEqualTo("a");
        PairedComparison unclear = new PairedComparison("s", Metric.COST_DOLLARS, "a", "b", 5, 5, 0.2, 0.40625,
                true);
        assertThat(unclear.verdict()).isEqualTo("no significant difference (p = 0.406, n = 5)");
        assertThat(unclear.lower()).isEqualTo("b");
        PairedComparison same = new PairedComparison("s", Metric.COST_DOLLARS, "a", "b", 5, 0, 0, 1, true);
        assertThat(same.verdict()).isEqualTo("identical (p = 1, n = 5)");
        assertThat(PairedComparison.formatP(1e-7)).isEqualTo("< 0.0001");
    }
}
