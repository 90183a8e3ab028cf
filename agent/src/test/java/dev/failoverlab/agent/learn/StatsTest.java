package dev.failoverlab.agent.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Interval estimates against published tables and SciPy (scipy.stats.t) values. */
final class StatsTest {

    @Test
    void wilsonMatchesTheTextbookValues() {
        assertThat(Stats.wilson(0, 10).high()).isCloseTo(0.2775, within(1e-4));
        assertThat(Stats.wilson(0, 10).low()).isZero();
        assertThat(Stats.wilson(10, 10).low()).isCloseTo(0.7225, within(1e-4));
        assertThat(Stats.wilson(5, 6).low()).isCloseTo(0.4365, within(1e-4));
        assertThatThrownBy(() -> Stats.wilson(3, 2)).hasMessageContaining("0 <= successes <= n");
    }

    @Test
    void batchMeansUsesTheSpreadOfBatchMeans() {
        // one value per batch is the ordinary t interval: mean 3, t(0.975, 4) = 2.776445
        Stats.Interval plain = Stats.batchMeans(new double[] {1, 2, 3, 4, 5}, 5);
        assertThat(plain.low()).isCloseTo(1.036757, within(1e-6));
        assertThat(plain.high()).isCloseTo(4.963243, within(1e-6));
        // four batches of three: batch means 2, 5, 2, 8; SciPy gives [-0.320441, 8.820441]
        Stats.Interval batched = Stats.batchMeans(new double[] {1, 3, 2, 4, 6, 5, 2, 2, 2, 9, 7, 8}, 4);
        assertThat(batched.estimate()).isEqualTo(4.25);
        assertThat(batched.low()).isCloseTo(-0.320441, within(1e-6));
        assertThat(batched.high()).isCloseTo(8.820441, within(1e-6));
        assertThat(batched.excludesZero()).isFalse();
    }

    @Test
    void welchMatchesScipy() {
        // df = 5.5208, t = 2.499331: difference -3.5 in [-7.385368, 0.385368]
        Stats.Interval d = Stats.welch(new double[] {1, 2, 3, 4}, new double[] {2, 4, 6, 8, 10});
        assertThat(d.estimate()).isEqualTo(-3.5);
        assertThat(d.low()).isCloseTo(-7.385368, within(1e-6));
        assertThat(d.high()).isCloseTo(0.385368, within(1e-6));
    }

    @Test
    void lowerBoundIsOneSided() {
        // mean 0.7, sd 1.0593, t(0.95, 9) = 1.833113
        assertThat(Stats.lowerBound(new double[] {1, 0, 0, 2, 0, 1, 0, 0, 3, 0})).isCloseTo(0.085915, within(1e-6));
        assertThat(Stats.lowerBound(new double[] {2, 2, 2})).isEqualTo(2);
    }
}
