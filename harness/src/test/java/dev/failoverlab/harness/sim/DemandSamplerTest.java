package dev.failoverlab.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class DemandSamplerTest {

    @Test
    void meanOneAndTheRequestedVariationForEveryShape() {
        for (double cv : new double[] {0, 0.3, 1, 1.5, 3}) {
            DemandSampler sampler = new DemandSampler(cv);
            SplittableRandom random = new SplittableRandom(17);
            int n = 400_000;
            double sum = 0;
            double sumSq = 0;
            for (int i = 0; i < n; i++) {
                double x = sampler.next(random);
                assertThat(x).isGreaterThanOrEqualTo(0);
                sum += x;
                sumSq += x * x;
            }
            double mean = sum / n;
            double sd = Math.sqrt(sumSq / n - mean * mean);
            // standard error of the mean is cv / sqrt(n); of the sd roughly cv * sqrt(kurtosis) / sqrt(n)
            assertThat(mean).as("mean, cv %s", cv).isCloseTo(1.0, within(5 * cv / Math.sqrt(n) + 1e-12));
            assertThat(sd / mean).as("cv %s", cv).isCloseTo(cv, within(0.02 * Math.max(cv, 0.5)));
        }
    }

    @Test
    void sameStreamSameDraws() {
        DemandSampler a = new DemandSampler(0.7);
        DemandSampler b = new DemandSampler(0.7);
        SplittableRandom ra = new SplittableRandom(5);
        SplittableRandom rb = new SplittableRandom(5);
        for (int i = 0; i < 1000; i++) {
            assertThat(a.next(ra)).isEqualTo(b.next(rb));
        }
    }

    @Test
    void rejectsANegativeVariation() {
        assertThatThrownBy(() -> new DemandSampler(-1)).hasMessageContaining("cpuCv");
    }
}
