package dev.failoverlab.agent.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

final class BenchmarkModelsTest {

    @Test
    void olsTrendExtrapolatesTheLineWithTheRegressionPredictionInterval() {
        double[] y = {1.0, 3.2, 4.8, 7.1, 9.0, 10.9}; // roughly 1 + 2t
        LinearTrendModel m = (LinearTrendModel) Forecaster.linearTrend().fit(y);
        Forecast f = m.forecast(2, IntervalMethod.ANALYTIC, 0.95);
        // by hand: tbar = 2.5, Sxx = 17.5, slope = sum (t - tbar) y / Sxx
        double slope = (-2.5 * 1.0 - 1.5 * 3.2 - 0.5 * 4.8 + 0.5 * 7.1 + 1.5 * 9.0 + 2.5 * 10.9) / 17.5;
        double intercept = (1.0 + 3.2 + 4.8 + 7.1 + 9.0 + 10.9) / 6 - slope * 2.5;
        assertThat(m.slope()).isCloseTo(slope, within(1e-12));
        assertThat(f.point()[0]).isCloseTo(intercept + slope * 6, within(1e-12));
        double sse = 0;
        for (int t = 0; t < 6; t++) {
            double r = y[t] - intercept - slope * t;
            sse += r * r;
        }
        double s = Math.sqrt(sse / 4);
        double se = s * Math.sqrt(1 + 1.0 / 6 + (6 - 2.5) * (6 - 2.5) / 17.5);
        double t975 = new TDistribution(null, 4).inverseCumulativeProbability(0.975);
        assertThat(f.interval(0.95).upper()[0]).isCloseTo(intercept + slope * 6 + t975 * se, within(1e-9));
        assertThat(f.evidence().parameters()).containsKeys("slope_per_step", "slope_p_value");
    }

    @Test
    void seasonalNaiveRepeatsTheLastSeasonWithSteppedVariance() {
        double[] y = {1, 2, 3, 4, 2, 3, 4, 5}; // m = 4, one-season differences all 1
        Forecast f = Forecaster.seasonalNaive(4).fit(y).forecast(6);
        assertThat(f.point()).containsExactly(2, 3, 4, 5, 2, 3);
        assertThat(f.sigma()[0]).isEqualTo(1.0);
        assertThat(f.sigma()[3]).isEqualTo(1.0);
        assertThat(f.sigma()[4]).isCloseTo(Math.sqrt(2), within(1e-12)); // second season: variance doubles
        assertThat(Forecaster.naive().fit(y).forecast(4).sigma()[3])
                .isCloseTo(Math.sqrt(4) * Forecaster.naive().fit(y).sigma(), within(1e-12));
    }
}
