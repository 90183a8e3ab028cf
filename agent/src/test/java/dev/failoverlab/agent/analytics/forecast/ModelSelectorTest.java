package dev.failoverlab.agent.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

final class ModelSelectorTest {

    @Test
    void picksHoltWintersOnSeasonalData() {
        double[] y = Synthetic.seasonal(24 * 10, 24, 40, 0.03, 1.0, 5);
        Selection s = new ModelSelector(ModelSelector.defaultCandidates(24), ModelSelector.Config.of(24, 24)).select(y);
        print("seasonal", s);
        assertThat(s.chosen().model()).isEqualTo("ets(A,A,A)");
        assertThat(s.folds()).isEqualTo(3);
        assertThat(s.score("ets(A,A,A)").meanMase()).isLessThan(s.score("ets(A,N,N)").meanMase());
        assertThat(s.scores()).hasSize(8).allMatch(CandidateScore::scored);
        assertThat(s.evidence().fit()).containsKey("mase:ets(A,A,A)");
    }

    @Test
    void picksHoltOnLocallyTrendingData() {
        int holtWins = 0;
        for (long seed = 1; seed <= 5; seed++) {
            double[] y = Synthetic.localTrend(160, 100, 1.0, 0.5, 0.05, 1.0, seed);
            // six half-overlapping folds: three 10-step windows are too few to separate Holt from damped Holt
            Selection s = new ModelSelector(ModelSelector.defaultCandidates(0), new ModelSelector.Config(10, 6, 5, 0, 0))
                    .select(y);
            print("trend seed " + seed, s);
            holtWins += s.chosen().model().equals("ets(A,A,N)") ? 1 : 0;
            assertThat(s.chosen().model()).isIn("ets(A,A,N)", "ets(A,Ad,N)");
        }
        assertThat(holtWins).as("seeds (of 5) where plain Holt won").isGreaterThanOrEqualTo(4);
    }

    @Test
    void fallsBackToInSampleScoringAndSaysSoWhenHistoryIsTooShort() {
        double[] y = Synthetic.localTrend(11, 10, 0.5, 0.5, 0.1, 0.5, 3);
        Selection s = new ModelSelector(ModelSelector.defaultCandidates(0), ModelSelector.Config.of(10, 0)).select(y);
        assertThat(s.folds()).isZero();
        assertThat(s.evidence().notes()).anyMatch(n -> n.contains("too short to backtest"));
        assertThat(s.chosen()).isNotNull();
    }

    @Test
    void leavesOutCandidatesThatCannotFitTheEarliestFold() {
        double[] y = Synthetic.seasonal(60, 24, 40, 0, 1.0, 5); // HW needs 48 points, earliest fold has 30
        Selection s = new ModelSelector(ModelSelector.defaultCandidates(24), new ModelSelector.Config(10, 3, 10, 24, 0))
                .select(y);
        assertThat(s.score("ets(A,A,A)").scored()).isFalse();
        assertThat(s.score("ets(A,A,A)").status()).contains("needs 48 points");
        assertThat(s.chosen().model()).isNotEqualTo("ets(A,A,A)");
    }

    @Test
    void maxHistoryRestrictsTheWindow() {
        double[] y = Synthetic.seasonal(24 * 10, 24, 40, 0.03, 1.0, 5);
        Selection s = new ModelSelector(ModelSelector.defaultCandidates(24), new ModelSelector.Config(24, 2, 24, 24,
                24 * 5)).select(y);
        assertThat(s.evidence().parameter("history_used")).isEqualTo(120.0);
        assertThat(s.chosen().fitted()).hasSize(120);
    }

    private static void print(String label, Selection s) {
        StringBuilder sb = new StringBuilder(label).append(" -> ").append(s.chosen().model()).append(":");
        for (CandidateScore c : s.scores()) {
            sb.append(String.format(Locale.ROOT, " %s=%.3f", c.model(), c.meanMase()));
        }
        System.out.println(sb);
    }
}
