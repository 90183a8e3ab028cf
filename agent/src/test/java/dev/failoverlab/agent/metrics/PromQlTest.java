package dev.failoverlab.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.failoverlab.agent.port.ScrapeSample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** increase/rate/histogram_quantile against values worked out by hand from Prometheus's rules. */
final class PromQlTest {
    private static final Instant T = Instant.parse("2026-01-01T00:10:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final double[] BOUNDS = {10, 50, 100, 500, Double.POSITIVE_INFINITY};

    /** Request counter samples at {@code T - secondsBack[i]} with values {@code v[i]}. */
    private static List<ScrapeSample> counter(long[] secondsBack, long[] v) {
        List<ScrapeSample> out = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            out.add(new ScrapeSample(T.minusSeconds(secondsBack[i]), v[i], 0, new double[] {Double.POSITIVE_INFINITY},
                    new long[] {v[i]}, 0));
        }
        return out;
    }

    @Test
    void increaseExtrapolatesToTheRangeBoundaries() {
        // 4 samples 15 s apart, 5 s after the range start and 10 s before its end: raw 90 over 45 s,
        // both gaps under 1.1 × 15 s, so extrapolated over the full 60 s: 90 × 60/45 = 120
        var s = counter(new long[] {55, 40, 25, 10}, new long[] {100, 130, 160, 190});
        assertThat(PromQl.increase(s, ScrapeSample::requests, T, MINUTE)).isCloseTo(120, within(1e-9));
        assertThat(PromQl.rate(s, ScrapeSample::requests, T, MINUTE)).isCloseTo(2, within(1e-12));
    }

    @Test
    void increaseCorrectsCounterResets() {
        // 100, 130, reset, 10, 40: raw 40 - 100 + 130 = 70; extrapolated × 60/45 = 93.33
        var s = counter(new long[] {55, 40, 25, 10}, new long[] {100, 130, 10, 40});
        assertThat(PromQl.increase(s, ScrapeSample::requests, T, MINUTE)).isCloseTo(70 * 60 / 45.0, within(1e-9));
    }

    @Test
    void increaseDoesNotExtrapolateBelowZeroAndTheRangeIsOpenOnTheLeft() {
        // the sample at exactly T - 60 s is outside (T - 60, T]. Raw 90 over 45 s from 10; the counter was zero
        // 45 × 10/90 = 5 s before the first sample, closer than the 15 s gap to the range start: 90 × 50/45 = 100
        var s = counter(new long[] {60, 45, 30, 15, 0}, new long[] {0, 10, 40, 70, 100});
        assertThat(PromQl.select(s, T, MINUTE)).hasSize(4);
        assertThat(PromQl.increase(s, ScrapeSample::requests, T, MINUTE)).isCloseTo(100, within(1e-9));
    }

    @Test
    void increaseExtrapolatesOnlyHalfAnIntervalPastAMissingSample() {
        // last sample 25 s before the end (≥ 1.1 × 15 s): the series is taken to end 7.5 s after it.
        // raw 60 over 30 s, 5 s to the start: 60 × (30 + 5 + 7.5)/30 = 85
        var s = counter(new long[] {55, 40, 25}, new long[] {100, 130, 160});
        assertThat(PromQl.increase(s, ScrapeSample::requests, T, MINUTE)).isCloseTo(85, within(1e-9));
    }

    @Test
    void increaseNeedsTwoSamples() {
        assertThat(PromQl.increase(counter(new long[] {10}, new long[] {5}), ScrapeSample::requests, T, MINUTE))
                .isNaN();
        assertThat(PromQl.increase(List.of(), ScrapeSample::requests, T, MINUTE)).isNaN();
    }

    @Test
    void histogramQuantileInterpolatesInsideTheBucket() {
        double[] counts = {20, 60, 90, 99, 100};
        // rank 50 falls in (10, 50] holding 40, 30 into it: 10 + 40 × 30/40 = 40
        assertThat(PromQl.histogramQuantile(0.5, BOUNDS, counts)).isCloseTo(40, within(1e-12));
        // rank 10 in the first bucket, which starts at 0: 10 × 10/20 = 5
        assertThat(PromQl.histogramQuantile(0.1, BOUNDS, counts)).isCloseTo(5, within(1e-12));
        // rank 95 in (100, 500] holding 9, 5 into it: 100 + 400 × 5/9
        assertThat(PromQl.histogramQuantile(0.95, BOUNDS, counts)).isCloseTo(100 + 400 * 5 / 9.0, within(1e-9));
        assertThat(PromQl.histogramQuantile(0.99, BOUNDS, counts)).isCloseTo(500, within(1e-12));
    }

    @Test
    void histogramQuantileInTheInfBucketIsTheHighestFiniteBound() {
        // rank 99 exceeds every finite bucket (95): Prometheus answers the +Inf bucket's lower bound, 500
        assertThat(PromQl.histogramQuantile(0.99, BOUNDS, new double[] {20, 60, 90, 95, 100})).isEqualTo(500);
    }

    @Test
    void histogramQuantileEdgeCasesFollowPrometheus() {
        assertThat(PromQl.histogramQuantile(0.99, BOUNDS, new double[] {0, 0, 0, 0, 0})).isNaN();
        assertThat(PromQl.histogramQuantile(0.5, new double[] {10, 50}, new double[] {1, 2})).isNaN();
        assertThat(PromQl.histogramQuantile(1.5, BOUNDS, new double[] {1, 2, 3, 4, 5})).isInfinite().isPositive();
        assertThat(PromQl.histogramQuantile(-0.5, BOUNDS, new double[] {1, 2, 3, 4, 5})).isInfinite().isNegative();
        // a non-monotonic count (from per-bucket extrapolation) is raised to its predecessor: [20,60,60,99,100];
        // rank 60 is reached at the (10, 50] bucket's end
        assertThat(PromQl.histogramQuantile(0.6, BOUNDS, new double[] {20, 60, 55, 99, 100})).isEqualTo(50);
    }

    @Test
    void bucketIncreasesExtrapolateEachBucketAndKeepTheQuantile() {
        // Scrapes.steady: 4 scrapes in range, 15 s apart, the newest at T: each bucket's raw 3-step increase
        // is extrapolated by 60/45
        var s = Scrapes.steady(T, 0, Scrapes.slowTail());
        double[] inc = PromQl.bucketIncreases(s, T, MINUTE);
        assertThat(inc[2]).isCloseTo(980 * 3 * 60 / 45.0, within(1e-6));
        assertThat(inc[7]).isCloseTo(1000 * 3 * 60 / 45.0, within(1e-6));
        assertThat(inc[9]).isCloseTo(4000, within(1e-6));
        // rank 0.99 × 4000 = 3960 in (500, 1000] holding 80, 40 into it: 750 ms
        assertThat(PromQl.histogramQuantile(0.99, Scrapes.BOUNDS, inc)).isCloseTo(750, within(1e-6));
        assertThat(PromQl.bucketIncreases(s.subList(0, 1), T, MINUTE)).isNull();
    }
}
