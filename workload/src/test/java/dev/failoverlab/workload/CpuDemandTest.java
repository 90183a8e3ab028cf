package dev.failoverlab.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

final class CpuDemandTest {

    @Test
    void zeroVariationIsAFixedDemand() {
        CpuDemand demand = new CpuDemand(4, 0);
        SplittableRandom random = new SplittableRandom(1);

        for (int i = 0; i < 100; i++) {
            assertThat(demand.drawNanos(random)).isEqualTo(4_000_000L);
        }
    }

    @Test
    void zeroMeanIsNoWork() {
        assertThat(new CpuDemand(0, 1).drawNanos(new SplittableRandom(1))).isZero();
    }

    /** Sample mean and CV of 40,000 draws lie near the requested ones for the exponential and both gamma branches. */
    @ParameterizedTest(name = "mean {0} ms, CV {1}")
    @CsvSource({"1, 1", "2, 0.5", "4, 0.25", "1, 2"})
    void drawsHaveTheRequestedMeanAndCoefficientOfVariation(double mean, double cv) {
        CpuDemand demand = new CpuDemand(mean, cv);
        SplittableRandom random = new SplittableRandom(42);
        int n = 40_000;
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < n; i++) {
            double x = demand.drawMs(random);
            assertThat(x).isGreaterThanOrEqualTo(0);
            sum += x;
            sumSquares += x * x;
        }
        double sampleMean = sum / n;
        double sampleCv = Math.sqrt(sumSquares / n - sampleMean * sampleMean) / sampleMean;

        // standard error of the mean is mean·CV/√n (≤ 1 % here); of the CV a few percent for the heavy CV 2 tail
        assertThat(sampleMean / mean).isCloseTo(1, within(0.05));
        assertThat(sampleCv / cv).isCloseTo(1, within(cv > 1 ? 0.1 : 0.05));
    }

    @Test
    void theSameSeedDrawsTheSameDemands() {
        CpuDemand demand = new CpuDemand(3, 0.7);
        SplittableRandom a = new SplittableRandom(9);
        SplittableRandom b = new SplittableRandom(9);

        for (int i = 0; i < 50; i++) {
            assertThat(demand.drawNanos(a)).isEqualTo(demand.drawNanos(b));
        }
    }

    @Test
    void impossibleParametersAreRejected() {
        assertThatThrownBy(() -> new CpuDemand(-1, 1)).hasMessageContaining("mean -1.0");
        assertThatThrownBy(() -> new CpuDemand(1, Double.POSITIVE_INFINITY)).hasMessageContaining("CV Infinity");
    }
}
