package dev.failoverlab.agent.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.failoverlab.agent.analytics.ModelEvidence;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

final class ExceedanceProbabilityTest {

    private static final NormalDistribution N01 = new NormalDistribution(null, 0, 1);

    private static Forecast handMade(double[] point, double[] sigma, double[] weights) {
        return new Forecast("hand", point, sigma, weights, List.of(), IntervalMethod.ANALYTIC,
                ModelEvidence.of("hand").build());
    }

    @Test
    void independentStepsMatchTheProductFormula() {
        int h = 10;
        double[] point = new double[h];
        double[] sigma = new double[h];
        double[] weights = new double[h];
        Arrays.fill(point, 50);
        Arrays.fill(sigma, 5);
        weights[0] = 1; // c_j = 0 for j > 0: independent steps
        Exceedance e = ExceedanceProbability.estimate(handMade(point, sigma, weights), 58, 0, 30, 40_000, 1);
        double exact = 1 - Math.pow(N01.cumulativeProbability(1.6), h);
        assertThat(e.probability()).isCloseTo(exact, within(4 * e.standardError()));
        assertThat(e.lowerBound()).isCloseTo(1 - N01.cumulativeProbability(1.6), within(1e-12));
        assertThat(e.probability()).isBetween(e.lowerBound(), e.upperBound());
        // geometric first-crossing law: P(first at step k) = (1 - q)^(k - 1) q
        double q = 1 - N01.cumulativeProbability(1.6);
        assertThat(e.firstCrossingProbability()[2]).isCloseTo(Math.pow(1 - q, 2) * q, within(0.005));
    }

    @Test
    void randomWalkPathsLieBetweenTheLastStepMarginalAndTheReflectionBound() {
        // naive-model forecast: flat point, c_j = 1, sigma growing like sqrt(h)
        int h = 8;
        double[] flat = new double[h];
        double[] sigma = new double[h];
        double[] ones = new double[h];
        for (int i = 0; i < h; i++) {
            flat[i] = 40;
            sigma[i] = 2 * Math.sqrt(i + 1.0);
            ones[i] = 1;
        }
        Exceedance rw = ExceedanceProbability.estimate(handMade(flat, sigma, ones), 46, 0, 60, 20_000, 3);
        // the walk must end above the threshold at least as often as the max does not; and by the reflection
        // principle, P(max > a) <= 2 P(S_h > a) (equality for Brownian motion, strict for a discrete walk)
        double last = 1 - N01.cumulativeProbability(6 / sigma[h - 1]);
        assertThat(rw.probability()).isGreaterThan(last + 4 * rw.standardError())
                .isLessThan(2 * last - 4 * rw.standardError());
        // treating the same marginals as independent would overstate the probability
        double[] independent = new double[h];
        independent[0] = 1;
        Exceedance ind = ExceedanceProbability.estimate(handMade(flat, sigma, independent), 46, 0, 60, 20_000, 3);
        assertThat(ind.probability()).isGreaterThan(rw.probability());
    }

    @Test
    void seasonalForecastGivesAProbabilityAndACrossingWindowAndIsReproducible() {
        double[] y = Synthetic.seasonal(24 * 8, 24, 50, 0.0, 2.0, 9);
        FittedModel m = Forecaster.holtWinters(24).fit(y);
        Forecast f = m.forecast(24);
        double threshold = Arrays.stream(f.point()).max().orElseThrow() - 1; // the daily peak, minus a bit
        Exceedance a = ExceedanceProbability.estimate(f, threshold, 1_000_000, 3600, 42);
        Exceedance b = ExceedanceProbability.estimate(f, threshold, 1_000_000, 3600, 42);
        assertThat(a.probability()).isEqualTo(b.probability());
        assertThat(a.probability()).isBetween(a.lowerBound(), a.upperBound()).isGreaterThan(0.5);
        double p25 = a.firstCrossingQuantileSeconds(0.25);
        double p75 = a.firstCrossingQuantileSeconds(0.75);
        double expected = a.expectedFirstCrossingSeconds();
        System.out.printf(Locale.ROOT, "P(peak > %.1f within 24 h) = %.3f (bounds %.3f..%.3f), first crossing"
                + " p25..p75 = %.0f..%.0f h, mean %.1f h%n", threshold, a.probability(), a.lowerBound(),
                a.upperBound(), p25 / 3600, p75 / 3600, expected / 3600);
        assertThat(p25).isLessThanOrEqualTo(p75);
        assertThat(a.probabilityFirstCrossingBetween(p25, p75)).isGreaterThanOrEqualTo(0.5 * a.probability() - 1e-9);
        double[] first = a.firstCrossingProbability();
        assertThat(Arrays.stream(first).sum()).isCloseTo(a.probability(), within(1e-9));
        assertThat(a.evidence().output("probability")).isEqualTo(a.probability());
        assertThat(a.evidence().outputs()).containsKeys("first_crossing_p25_seconds", "first_crossing_p75_seconds");
    }

    @Test
    void aThresholdFarAboveTheForecastIsNeverCrossedAndSaysSo() {
        double[] y = Synthetic.localTrend(100, 10, 0, 0.3, 0.0001, 0.1, 2);
        Exceedance e = ExceedanceProbability.estimate(Forecaster.ets(EtsKind.SES).fit(y).forecast(10), 1_000, 0, 15,
                7);
        assertThat(e.probability()).isZero();
        assertThat(e.expectedFirstCrossingSeconds()).isNaN();
        assertThat(e.evidence().notes()).anyMatch(n -> n.contains("no simulated path crossed"));
    }

    @Test
    void refusesWorkThatWouldTakeSeconds() {
        double[] point = new double[400];
        double[] sigma = new double[400];
        double[] weights = new double[400];
        Arrays.fill(sigma, 1);
        weights[0] = 1;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ExceedanceProbability.estimate(
                handMade(point, sigma, weights), 1, 0, 15, 10_000, 1)).hasMessageContaining("fewer paths");
    }
}
