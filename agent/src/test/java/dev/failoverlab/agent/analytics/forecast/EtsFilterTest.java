package dev.failoverlab.agent.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class EtsFilterTest {

    @Test
    void sesRecursionMatchesHandComputation() {
        // alpha 0.5, l0 = 10: yhat = 10, 11, 11.5; residuals 2, 1, -1.5
        double[] y = {12, 12, 10};
        EtsFilter.Run run = EtsFilter.run(EtsKind.SES, EtsParameters.ses(0.5), new EtsState(10, 0, new double[0], 0), y);
        assertThat(run.fitted).containsExactly(10, 11, 11.5);
        assertThat(run.residuals).containsExactly(2, 1, -1.5);
        assertThat(run.last.level()).isEqualTo(10.75);
        assertThat(EtsFilter.sse(EtsKind.SES, EtsParameters.ses(0.5), new EtsState(10, 0, new double[0], 0), y))
                .isEqualTo(4 + 1 + 2.25);
    }

    @Test
    void holtWintersForecastUsesTrendAndLatestSeasonOfEachPhase() {
        EtsState state = new EtsState(100, 2, new double[] {5, -5}, 3); // after 3 obs, next index 3 has phase 1
        double[] f = EtsFilter.forecast(EtsKind.HOLT_WINTERS, new EtsParameters(0.3, 0.1, 0.2, 1), state, 3);
        assertThat(f).containsExactly(100 + 2 - 5, 100 + 4 + 5, 100 + 6 - 5);
    }

    @Test
    void innovationWeightsReproduceHyndmanClosedFormsForHolt() {
        double a = 0.4;
        double b = 0.1;
        double[] c = EtsFilter.innovationWeights(EtsKind.HOLT, new EtsParameters(a, b, 0, 1), 0, 12);
        double[] s = EtsFilter.stepSigmas(c, 1.0);
        for (int h = 1; h <= 12; h++) {
            // Hyndman et al. (2008) Table 6.1, ETS(A,A,N)
            double v = 1 + (h - 1) * (a * a + a * b * h + b * b * h * (2.0 * h - 1) / 6);
            assertThat(s[h - 1] * s[h - 1]).isCloseTo(v, within(1e-9));
        }
    }

    @Test
    void innovationWeightsReproduceClosedFormsForDampedAndSeasonal() {
        double a = 0.3;
        double b = 0.05;
        double phi = 0.9;
        double[] damped = EtsFilter.stepSigmas(
                EtsFilter.innovationWeights(EtsKind.DAMPED_HOLT, new EtsParameters(a, b, 0, phi), 0, 10), 1.0);
        double g = 0.2;
        int m = 4;
        double[] levelSeason = EtsFilter.stepSigmas(
                EtsFilter.innovationWeights(EtsKind.SEASONAL_LEVEL, new EtsParameters(a, 0, 0.2, 1), 4, 10), 1.0);
        double[] seasonal = EtsFilter.stepSigmas(
                EtsFilter.innovationWeights(EtsKind.HOLT_WINTERS, new EtsParameters(a, b, g, 1), m, 10), 1.0);
        for (int h = 1; h <= 10; h++) {
            // ETS(A,Ad,N), Hyndman et al. (2008) Table 6.1
            double q = 1 - phi;
            double vd = 1 + a * a * (h - 1) + b * phi * h / (q * q) * (2 * a * q + b * phi)
                    - b * phi * (1 - Math.pow(phi, h)) / (q * q * (1 - phi * phi))
                    * (2 * a * (1 - phi * phi) + b * phi * (1 + 2 * phi - Math.pow(phi, h)));
            assertThat(damped[h - 1] * damped[h - 1]).isCloseTo(vd, within(1e-9));
            // ETS(A,A,A)
            int k = (h - 1) / m;
            double va = 1 + (h - 1) * (a * a + a * b * h + b * b * h * (2.0 * h - 1) / 6)
                    + g * k * (2 * a + g + b * m * (k + 1));
            assertThat(seasonal[h - 1] * seasonal[h - 1]).isCloseTo(va, within(1e-9));
            // ETS(A,N,A)
            assertThat(levelSeason[h - 1] * levelSeason[h - 1])
                    .isCloseTo(1 + a * a * (h - 1) + g * k * (2 * a + g), within(1e-9));
        }
    }
}
