package dev.failoverlab.agent.analytics.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class ServiceRateEstimatorTest {

    @Test
    void regressionSeparatesIdleCpuAndItsIntervalCoversTheTruth() {
        // truth: 50 millicores idle + 4 ms CPU per request, limit 500m: mu = (0.5 - 0.05) / 0.004 = 112.5 req/s
        double trueMu = 112.5;
        SplittableRandom r = new SplittableRandom(3);
        int covered = 0;
        int trials = 300;
        for (int t = 0; t < trials; t++) {
            double[] rate = new double[12];
            double[] cpu = new double[12];
            for (int i = 0; i < rate.length; i++) {
                rate[i] = 20 + 5 * i;
                cpu[i] = 0.05 + 0.004 * rate[i] + 0.01 * r.nextGaussian();
            }
            ServiceRate s = ServiceRateEstimator.estimate(rate, cpu, 0.5, 0.95);
            assertThat(s.method()).isEqualTo("regression");
            covered += s.lower() <= trueMu && trueMu <= s.upper() ? 1 : 0;
        }
        // delta-method interval: nominal 95 %, 300 trials (sd 1.3 %)
        assertThat(covered / (double) trials).isBetween(0.90, 0.99);
        double[] rate = {20, 40, 60, 80};
        double[] cpu = {0.05 + 0.08, 0.05 + 0.16, 0.05 + 0.24, 0.05 + 0.32};
        ServiceRate exact = ServiceRateEstimator.estimate(rate, cpu, 0.5, 0.95);
        assertThat(exact.perPod()).isCloseTo(trueMu, within(1e-9));
        assertThat(exact.idleCores()).isCloseTo(0.05, within(1e-12));
        assertThat(exact.utilisationAt(112.5)).isCloseTo(1, within(1e-12));
    }

    @Test
    void steadyLoadFallsBackToTheRatioEstimator() {
        double[] rate = {100, 101, 99, 100};
        double[] cpu = {0.25, 0.26, 0.24, 0.25};
        ServiceRate s = ServiceRateEstimator.estimate(rate, cpu, 0.5, 0.95);
        assertThat(s.method()).isEqualTo("ratio");
        // rate / (cpu / limit) = 100 / 0.5 = 200 req/s
        assertThat(s.perPod()).isCloseTo(200, within(2.0));
        assertThat(s.lower()).isLessThan(s.perPod());
        assertThat(s.upper()).isGreaterThan(s.perPod());
        assertThat(s.evidence().notes()).anyMatch(n -> n.contains("idle CPU is billed"));
        ServiceRate single = ServiceRateEstimator.estimate(new double[] {50}, new double[] {0.1}, 0.5, 0.95);
        assertThat(single.perPod()).isCloseTo(250, within(1e-9));
        assertThat(single.lower()).isNaN();
    }

    @Test
    void idlePodsAndMismatchedInputAreRejected() {
        assertThatThrownBy(() -> ServiceRateEstimator.estimate(new double[] {0, 0}, new double[] {0.01, 0.01}, 0.5,
                0.95)).hasMessageContaining("idle pod");
        assertThatThrownBy(() -> ServiceRateEstimator.estimate(new double[] {1, 2}, new double[] {0.01}, 0.5, 0.95))
                .hasMessageContaining("one CPU figure per rate window");
    }
}
