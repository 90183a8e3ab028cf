package dev.failoverlab.agent.analytics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class ProportionsTest {

    @Test
    void wilsonMatchesPublishedValues() {
        // 0 of 10: [0, 0.2775] (Brown, Cai & DasGupta 2001; any Wilson table)
        ProportionInterval zero = Proportions.wilson(0, 10);
        assertThat(zero.lower()).isZero();
        assertThat(zero.upper()).isCloseTo(0.277533, within(1e-6));
        // 5 of 100: [0.0215, 0.1118]
        ProportionInterval five = Proportions.wilson(5, 100);
        assertThat(five.estimate()).isEqualTo(0.05);
        assertThat(five.lower()).isCloseTo(0.021544, within(1e-6));
        assertThat(five.upper()).isCloseTo(0.111750, within(1e-6));
        // 10 of 10 mirrors 0 of 10
        assertThat(Proportions.wilson(10, 10).lower()).isCloseTo(1 - 0.277533, within(1e-6));
        assertThat(five.evidence().output("upper")).isEqualTo(five.upper());
    }

    @Test
    void noRequestsIsAnErrorThatSaysReportNoData() {
        assertThatThrownBy(() -> Proportions.wilson(0, 0)).hasMessageContaining("no data");
        assertThatThrownBy(() -> Proportions.wilson(5, 3)).hasMessageContaining("exceeds trials");
    }

    @Test
    void zTestMatchesHandComputation() {
        // 45/100 vs 30/100: pooled p = 0.375, se = sqrt(0.375 * 0.625 * 0.02), z = 2.19089, two-sided P = 0.02846
        ProportionComparison c = TwoProportionTest.compare(45, 100, 30, 100, 0.95);
        assertThat(c.method()).isEqualTo("two-proportion-z");
        assertThat(c.statistic()).isCloseTo(2.190890, within(1e-6));
        assertThat(c.pValueTwoSided()).isCloseTo(0.028460, within(1e-6));
        assertThat(c.pValueGreater()).isCloseTo(0.014230, within(1e-6));
        assertThat(c.firstIsGreater(0.05)).isTrue();
    }

    @Test
    void newcombeIntervalMatchesHisPublishedExample() {
        // Newcombe (1998), Stat Med 17:873, example (a): 56/70 - 48/80, method 10: 0.0524 to 0.3339
        ProportionComparison c = TwoProportionTest.zTest(56, 70, 48, 80, 0.95);
        assertThat(c.difference()).isCloseTo(0.2, within(1e-12));
        assertThat(c.differenceLower()).isCloseTo(0.0524, within(5e-5));
        assertThat(c.differenceUpper()).isCloseTo(0.3339, within(5e-5));
    }

    @Test
    void fisherMatchesTheLadyTastingTeaAndIsChosenForSmallCounts() {
        // Fisher (1935): 3 of 4 cups right, one-sided P = 17/70, two-sided 34/70
        ProportionComparison tea = TwoProportionTest.fisher(3, 4, 1, 4, 0.95);
        assertThat(tea.pValueGreater()).isCloseTo(17.0 / 70, within(1e-12));
        assertThat(tea.pValueTwoSided()).isCloseTo(34.0 / 70, within(1e-12));
        // the dieting example of the Fisher's exact test literature: [[1, 9], [11, 3]], two-sided P = 0.002759
        // (smallest expected cell exactly 5, so Cochran's rule would still allow z; ask for Fisher explicitly)
        ProportionComparison diet = TwoProportionTest.fisher(1, 10, 11, 14, 0.95);
        assertThat(diet.pValueTwoSided()).isCloseTo(0.0027594562, within(1e-9));
        // an error-rate case: 3 errors in 200 vs 0 in 150 goes to Fisher, and is not significant
        ProportionComparison errors = TwoProportionTest.compare(3, 200, 0, 150, 0.95);
        assertThat(errors.method()).isEqualTo("fisher-exact");
        assertThat(errors.firstIsGreater(0.05)).isFalse();
        assertThat(errors.evidence().notes()).anyMatch(n -> n.contains("smallest expected cell"));
    }
}
