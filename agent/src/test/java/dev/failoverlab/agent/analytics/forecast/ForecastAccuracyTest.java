package dev.failoverlab.agent.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class ForecastAccuracyTest {

    @Test
    void smapeAndMaseByHand() {
        double[] actual = {100, 200, 0};
        double[] forecast = {110, 180, 0};
        // 200*10/210 = 9.5238, 200*20/380 = 10.5263, 0 -> mean 6.6834
        assertThat(ForecastAccuracy.smape(actual, forecast)).isCloseTo((2000.0 / 210 + 4000.0 / 380) / 3,
                within(1e-12));
        // seasonal naive scale, m = 2: |3-1|, |4-2|, |9-3| -> mean 10/3
        double scale = ForecastAccuracy.maseScale(new double[] {1, 2, 3, 4, 9}, 2);
        assertThat(scale).isCloseTo(10.0 / 3, within(1e-12));
        assertThat(ForecastAccuracy.mase(actual, forecast, scale)).isCloseTo(10 / scale, within(1e-12));
        // history not longer than one season: falls back to lag 1
        assertThat(ForecastAccuracy.maseScale(new double[] {1, 3, 6}, 24)).isEqualTo(2.5);
    }

    @Test
    void rejectsMismatchedOrDegenerateInput() {
        assertThatThrownBy(() -> ForecastAccuracy.smape(new double[2], new double[3])).hasMessageContaining("same");
        assertThatThrownBy(() -> ForecastAccuracy.mase(new double[] {1}, new double[] {1}, 0))
                .hasMessageContaining("constant");
    }
}
