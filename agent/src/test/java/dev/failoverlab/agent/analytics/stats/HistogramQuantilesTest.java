package dev.failoverlab.agent.analytics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class HistogramQuantilesTest {

    private static final double INF = Double.POSITIVE_INFINITY;
    private static final double[] BOUNDS = {0.05, 0.1, 0.2, 0.5, 1, INF};

    @Test
    void quantilesFollowPrometheusHistogramQuantile() {
        CumulativeHistogram h = new CumulativeHistogram(BOUNDS, new long[] {10, 30, 70, 90, 98, 100});
        // rank 50 lies in (0.1, 0.2] holding ranks 31..70: 0.1 + 0.1 * 20/40
        assertThat(HistogramQuantiles.quantile(h, 0.5)).isCloseTo(0.15, within(1e-12));
        // rank 95 in (0.5, 1]: 0.5 + 0.5 * 5/8
        assertThat(HistogramQuantiles.quantile(h, 0.95)).isCloseTo(0.8125, within(1e-12));
        // rank 99 in +Inf: the highest finite bound
        assertThat(HistogramQuantiles.quantile(h, 0.99)).isEqualTo(1.0);
        // the first bucket starts at 0
        assertThat(HistogramQuantiles.quantile(h, 0.05)).isCloseTo(0.025, within(1e-12));
        assertThat(HistogramQuantiles.quantile(new CumulativeHistogram(BOUNDS, new long[6]), 0.5)).isNaN();
        assertThat(HistogramQuantiles.fractionAbove(h, 0.15)).isCloseTo(0.5, within(1e-12));
        assertThat(HistogramQuantiles.fractionAbove(h, 2.0)).isCloseTo(0.02, within(1e-12));
    }

    @Test
    void medianIntervalUsesTheTabulatedOrderStatistics() {
        // n = 100, 95 %: the 40th and 61st order statistics (Conover, Table A3)
        long[] cumulative = new long[101];
        double[] bounds = new double[101];
        for (int i = 0; i < 100; i++) {
            bounds[i] = i + 1;
            cumulative[i] = i + 1; // one observation per unit bucket
        }
        bounds[100] = INF;
        cumulative[100] = 100;
        QuantileEstimate e = HistogramQuantiles.estimate(new CumulativeHistogram(bounds, cumulative), 0.5, 0.95);
        assertThat(e.evidence().parameter("lower_rank")).isEqualTo(40);
        assertThat(e.evidence().parameter("upper_rank")).isEqualTo(61);
        assertThat(e.lower()).isEqualTo(40); // the 40th observation fills bucket (39, 40]
        assertThat(e.lowerConservative()).isEqualTo(39);
        assertThat(e.upperConservative()).isEqualTo(61);
    }

    @Test
    void conservativeIntervalCoversTheTrueP95AtLeastNominally() {
        double[] bounds = {5, 10, 25, 50, 75, 100, 150, 200, 300, 500, 1000, INF};
        double trueP95 = -40 * Math.log(0.05); // exponential latencies with mean 40 ms: 119.8 ms
        SplittableRandom r = new SplittableRandom(99);
        int covered = 0;
        int coveredInterpolated = 0;
        int trials = 400;
        for (int t = 0; t < trials; t++) {
            double[] sample = new double[400];
            for (int i = 0; i < sample.length; i++) {
                sample[i] = -40 * Math.log(1 - r.nextDouble());
            }
            QuantileEstimate e = HistogramQuantiles.estimate(CumulativeHistogram.of(bounds, sample), 0.95, 0.95);
            covered += e.lowerConservative() <= trueP95 && trueP95 <= e.upperConservative() ? 1 : 0;
            coveredInterpolated += e.lower() <= trueP95 && trueP95 <= e.upper() ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "p95 CI coverage over %d histograms: conservative %.3f, interpolated %.3f%n",
                trials, covered / (double) trials, coveredInterpolated / (double) trials);
        // the binomial method guarantees >= 95 % for the bucket-edge bounds; 400 trials: sd 1.1 %
        assertThat(covered / (double) trials).isGreaterThanOrEqualTo(0.94);
        assertThat(coveredInterpolated / (double) trials).isGreaterThan(0.85);
    }

    @Test
    void smallSamplesSayTheyCannotBoundAHighPercentile() {
        CumulativeHistogram h = CumulativeHistogram.of(BOUNDS, new double[] {0.01, 0.07, 0.15, 0.3, 0.6});
        QuantileEstimate e = HistogramQuantiles.estimate(h, 0.99, 0.95);
        assertThat(e.upperConservative()).isEqualTo(INF);
        assertThat(e.evidence().notes()).anyMatch(n -> n.contains("too few to bound p99"));
    }

    @Test
    void windowsAreDifferencesOfScrapesAndResetsAreReported() {
        CumulativeHistogram earlier = new CumulativeHistogram(BOUNDS, new long[] {5, 10, 20, 30, 35, 40});
        CumulativeHistogram later = new CumulativeHistogram(BOUNDS, new long[] {15, 40, 90, 120, 133, 140});
        assertThat(later.minus(earlier).cumulativeCounts()).containsExactly(10, 30, 70, 90, 98, 100);
        assertThat(later.minus(earlier).bucketCounts()).containsExactly(10, 20, 40, 20, 8, 2);
        assertThatThrownBy(() -> earlier.minus(later)).hasMessageContaining("counter reset");
        assertThatThrownBy(() -> new CumulativeHistogram(new double[] {1, 2}, new long[] {1, 2}))
                .hasMessageContaining("+Inf");
        assertThatThrownBy(() -> new CumulativeHistogram(BOUNDS, new long[] {5, 4, 6, 7, 8, 9}))
                .hasMessageContaining("count[1]");
    }
}
