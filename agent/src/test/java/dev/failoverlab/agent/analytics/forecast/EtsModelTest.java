package dev.failoverlab.agent.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class EtsModelTest {

    private static final int M = 24;

    @Test
    void holtWintersRecoversTheSeasonAndBeatsSesOnHoldout() {
        double[] all = Synthetic.seasonal(24 * 14, M, 50, 0.05, 1.5, 7);
        double[] train = Arrays.copyOf(all, 24 * 12);
        double[] test = Arrays.copyOfRange(all, 24 * 12, all.length);

        EtsModel hw = (EtsModel) Forecaster.holtWinters(M).fit(train);
        double[] season = hw.finalState().seasonByPhase();
        double worst = 0;
        for (int j = 0; j < M; j++) {
            worst = Math.max(worst, Math.abs(season[j] - Synthetic.seasonalShape(j, M)));
        }
        // amplitude 14; noise sd 1.5; each phase estimate averages ~1/gamma observations
        assertThat(worst).as("largest seasonal-index error").isLessThan(1.5);

        double hwMae = ForecastAccuracy.mae(test, hw.pointForecast(test.length));
        double sesMae = ForecastAccuracy.mae(test, Forecaster.ets(EtsKind.SES).fit(train).pointForecast(test.length));
        System.out.printf(Locale.ROOT, "holdout MAE: Holt-Winters %.3f, SES %.3f%n", hwMae, sesMae);
        assertThat(hwMae).isLessThan(2.0);
        assertThat(hwMae).isLessThan(sesMae / 3);
        assertThat(hw.evidence().parameters()).containsKeys("alpha", "beta", "gamma", "season_length");
        assertThat(hw.evidence().fit()).containsKeys("sse", "rmse", "aic", "sigma");
        // every forecast number is in the forecast's evidence
        Forecast f = hw.forecast(6);
        assertThat(f.evidence().series().get("point")).containsExactly(Arrays.stream(f.point()).boxed()
                .toArray(Double[]::new));
        assertThat(f.evidence().series().get("upper_95").get(5)).isEqualTo(f.interval(0.95).upper()[5]);
        assertThat(f.evidence().parameter("gamma")).isEqualTo(hw.parameters().gamma());
    }

    @Test
    void dampedTrendForecastFlattensWhileHoltKeepsClimbing() {
        double[] y = Synthetic.localTrend(150, 100, 1.0, 0.4, 0.05, 1.0, 11);
        EtsModel damped = (EtsModel) Forecaster.ets(EtsKind.DAMPED_HOLT).fit(y);
        double phi = damped.parameters().phi();
        double[] f = damped.pointForecast(200);
        double b = damped.finalState().trend();
        // increments shrink geometrically by phi ...
        assertThat(f[11] - f[10]).isCloseTo(Math.pow(phi, 12) * b, within(1e-9));
        // ... by phi^198 after 200 steps (phi <= 0.98, so below 2 % of the first increment) ...
        assertThat((f[199] - f[198]) / (f[1] - f[0])).isCloseTo(Math.pow(phi, 198), within(1e-9));
        assertThat(Math.abs(f[199] - f[198])).isLessThan(Math.abs(f[1] - f[0]) * 0.02);
        // ... towards the finite limit l + b phi / (1 - phi), which it misses by b phi^(h+1) / (1 - phi)
        double limit = damped.finalState().level() + b * phi / (1 - phi);
        assertThat(limit - f[199]).isCloseTo(b * Math.pow(phi, 201) / (1 - phi), within(1e-6));
        double[] holt = Forecaster.ets(EtsKind.HOLT).fit(y).pointForecast(200);
        assertThat(holt[199] - holt[99]).isGreaterThan(50); // undamped: about one unit per step
        assertThat(f[199] - f[99]).isLessThan(holt[199] - holt[99]);
    }

    @Test
    void analyticIntervalsCoverNearTheirNominalLevelOnSimulatedEtsData() {
        SplittableRandom r = new SplittableRandom(2024);
        int replicates = 400;
        int horizon = 8;
        int in80 = 0;
        int in95 = 0;
        int total = 0;
        for (int i = 0; i < replicates; i++) {
            double[] y = Synthetic.localLevel(120 + horizon, 20, 0.3, 1.0, r);
            double[] train = Arrays.copyOf(y, 120);
            Forecast f = Forecaster.ets(EtsKind.SES).fit(train).forecast(horizon);
            for (int h = 1; h <= horizon; h++) {
                double actual = y[120 + h - 1];
                in80 += f.interval(0.80).covers(h, actual) ? 1 : 0;
                in95 += f.interval(0.95).covers(h, actual) ? 1 : 0;
                total++;
            }
        }
        double c80 = (double) in80 / total;
        double c95 = (double) in95 / total;
        System.out.printf(Locale.ROOT, "SES interval coverage over %d forecasts: 80%% -> %.3f, 95%% -> %.3f%n",
                total, c80, c95);
        // steps of one replicate are correlated, so the effective sample is nearer 400 than 3200:
        // binomial sd at 80 % with n = 400 is 0.02; allow about 2 sd plus parameter-estimation undercoverage
        assertThat(c80).isBetween(0.75, 0.85);
        assertThat(c95).isBetween(0.92, 0.98);
    }

    @Test
    void holtIntervalsCoverOnSimulatedLocalTrendData() {
        int in80 = 0;
        int in95 = 0;
        int total = 0;
        for (int i = 0; i < 200; i++) {
            double[] y = Synthetic.localTrend(110, 50, 0.5, 0.5, 0.1, 1.0, 500 + i);
            Forecast f = Forecaster.ets(EtsKind.HOLT).fit(Arrays.copyOf(y, 100)).forecast(10);
            for (int h = 1; h <= 10; h++) {
                in80 += f.interval(0.80).covers(h, y[99 + h]) ? 1 : 0;
                in95 += f.interval(0.95).covers(h, y[99 + h]) ? 1 : 0;
                total++;
            }
        }
        double c80 = (double) in80 / total;
        double c95 = (double) in95 / total;
        System.out.printf(Locale.ROOT, "Holt interval coverage: 80%% -> %.3f, 95%% -> %.3f%n", c80, c95);
        assertThat(c80).isBetween(0.74, 0.86);
        assertThat(c95).isBetween(0.91, 0.985);
    }

    @Test
    void empiricalIntervalsAreReportedAsSuchAndFallBackWhenHistoryIsShort() {
        double[] y = Synthetic.localTrend(300, 50, 0.2, 0.5, 0.1, 1.0, 3);
        Forecast empirical = Forecaster.ets(EtsKind.HOLT).fit(y).forecast(5, IntervalMethod.EMPIRICAL, 0.9);
        assertThat(empirical.intervalMethod()).isEqualTo(IntervalMethod.EMPIRICAL);
        assertThat(empirical.evidence().notes()).anyMatch(n -> n.contains("empirical quantiles"));
        PredictionInterval pi = empirical.interval(0.9);
        assertThat(pi.upper()[4] - pi.lower()[4]).isGreaterThan(pi.upper()[0] - pi.lower()[0]);

        Forecast fallback = Forecaster.ets(EtsKind.SES).fit(Arrays.copyOf(y, 20)).forecast(3, IntervalMethod.EMPIRICAL,
                0.9);
        assertThat(fallback.intervalMethod()).isEqualTo(IntervalMethod.ANALYTIC);
        assertThat(fallback.evidence().notes()).anyMatch(n -> n.contains("fell back to analytic"));
    }

    @Test
    void badInputIsRejectedWithAUsefulMessage() {
        assertThatThrownBy(() -> Forecaster.holtWinters(24).fit(new double[30]))
                .hasMessageContaining("at least 48");
        assertThatThrownBy(() -> Forecaster.ets(EtsKind.SES).fit(new double[] {1, Double.NaN, 3, 4}))
                .hasMessageContaining("[1] is NaN");
        assertThatThrownBy(() -> Forecaster.ets(EtsKind.HOLT_WINTERS)).hasMessageContaining("holtWinters(m)");
    }
}
