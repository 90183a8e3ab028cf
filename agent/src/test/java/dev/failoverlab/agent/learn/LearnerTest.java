package dev.failoverlab.agent.learn;

import static dev.failoverlab.agent.learn.TestEpisodes.T0;
import static dev.failoverlab.agent.learn.TestEpisodes.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Recording, resolution and accuracy against figures worked out by hand. */
final class LearnerTest {
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void resolvesOnlyDueEpisodesWhoseOutcomeIsKnown() {
        Learner learner = new Learner(new InMemoryEpisodeLog());
        Episode early = learner.record(EpisodeKind.FORECAST, T0, FIVE_MINUTES, "service",
                map(EpisodeKind.P_CPU_ABOVE_TARGET, 0.8), Map.of());
        Episode unknown = learner.record(EpisodeKind.HEALTH, T0, FIVE_MINUTES, "blue", map(EpisodeKind.DEGRADED, 0),
                Map.of());
        Episode late = learner.record(EpisodeKind.FORECAST, T0.plusSeconds(600), FIVE_MINUTES, "service",
                map(EpisodeKind.P_CPU_ABOVE_TARGET, 0.2), Map.of());
        assertThat(early.labels()).containsEntry("rules_version", "1");
        assertThat(early.id()).isNotEqualTo(late.id());

        OutcomeSource source = e -> e.kind().equals("forecast") ? map(EpisodeKind.CPU_ABOVE_TARGET, 1) : Map.of();
        Learner.Resolution r = learner.resolveDue(T0.plus(FIVE_MINUTES), source);

        assertThat(r).isEqualTo(new Learner.Resolution(1, 1, 1));
        assertThat(learner.log().all()).extracting(Episode::resolved).containsExactly(true, false, false);
        assertThat(learner.log().all().get(0).observed()).containsEntry(EpisodeKind.CPU_ABOVE_TARGET, 1.0);
        assertThat(learner.log().all().get(1)).isEqualTo(unknown);
    }

    @Test
    void badOutcomesAndPredictionsAreRefusedWithTheContract() {
        Learner learner = new Learner(new InMemoryEpisodeLog());
        learner.record(EpisodeKind.FAILOVER, T0, FIVE_MINUTES, "green", map(EpisodeKind.TARGET_BETTER, 0.9), Map.of());
        assertThatThrownBy(() -> learner.resolveDue(T0.plusSeconds(300), e -> map(EpisodeKind.TARGET_SLO_MET, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("target_slo_met = 2.0", "[target_slo_met, source_slo_violated] as 0 or 1");
        assertThatThrownBy(() -> learner.record(EpisodeKind.FORECAST, T0, FIVE_MINUTES, "s",
                map(EpisodeKind.PEAK_RPS, 5), Map.of()))
                .hasMessageContaining("needs a finite predicted \"p_cpu_above_target\"");
        assertThatThrownBy(() -> learner.record(EpisodeKind.FORECAST, T0, FIVE_MINUTES, "s",
                map(EpisodeKind.P_CPU_ABOVE_TARGET, 1.5), Map.of()))
                .hasMessageContaining("probability in [0, 1], got 1.5");
        assertThatThrownBy(() -> learner.record(EpisodeKind.OBSERVATION, T0, FIVE_MINUTES, "s", Map.of(), Map.of()))
                .hasMessageContaining("use recordObservation()");
    }

    @Test
    void brierHitRateAndMapeMatchHandComputedValues() {
        // p = .9 .8 .3 .6 .1 .7, outcome 1 1 0 0 0 1: squared errors .01 .04 .09 .36 .01 .09, Brier = .6 / 6 = 0.1;
        // p >= .5 calls 1 1 0 1 0 1, right 5 of 6; Wilson 95 % for 5/6 = [0.4365, 0.9699]
        double[] p = {0.9, 0.8, 0.3, 0.6, 0.1, 0.7};
        int[] o = {1, 1, 0, 0, 0, 1};
        // peak_rps predicted 100 each; observed 80, 125, 100, 50, 200, 100: errors .25 .2 0 1 .5 0, MAPE = 1.95 / 6
        double[] peak = {80, 125, 100, 50, 200, 100};
        var log = new InMemoryEpisodeLog();
        for (int i = 0; i < p.length; i++) {
            log.record(TestEpisodes.resolved("f" + i, EpisodeKind.FORECAST, i,
                    map(EpisodeKind.P_CPU_ABOVE_TARGET, p[i], EpisodeKind.PEAK_RPS, 100),
                    map(EpisodeKind.CPU_ABOVE_TARGET, o[i], EpisodeKind.PEAK_RPS, peak[i])));
        }
        KindAccuracy a = new Learner(log).accuracy(EpisodeKind.FORECAST);

        assertThat(a.enough()).isTrue();
        assertThat(a.brier()).isCloseTo(0.1, within(1e-12));
        assertThat(a.brierN()).isEqualTo(6);
        assertThat(a.hitRate().hits()).isEqualTo(5);
        assertThat(a.hitRate().value()).isCloseTo(5 / 6.0, within(1e-12));
        assertThat(a.hitRate().low()).isCloseTo(0.4365, within(1e-4));
        assertThat(a.hitRate().high()).isCloseTo(0.9699, within(1e-4));
        assertThat(a.decisionAccuracy()).isEqualTo(a.hitRate()); // no scale_ahead flag: the decision is p >= 0.5
        assertThat(a.mape().get(EpisodeKind.PEAK_RPS)).isCloseTo(1.95 / 6, within(1e-12));
        assertThat(a.mape()).doesNotContainKey(EpisodeKind.PEAK_CPU);
    }

    @Test
    void decisionAccuracyUsesTheDecisionAsTaken() {
        var log = new InMemoryEpisodeLog();
        // failover: move + target met (right), move + target failed (wrong), hold + source fine (right),
        // hold + source violated (wrong), immediate + target met (right)
        double[][] cases = {{1, 1, 0}, {1, 0, 1}, {0, 1, 0}, {0, 1, 1}, {2, 1, 1}};
        for (int i = 0; i < cases.length; i++) {
            log.record(TestEpisodes.resolved("fo" + i, EpisodeKind.FAILOVER, i,
                    map(EpisodeKind.TARGET_BETTER, 0.6, EpisodeKind.DECISION, cases[i][0]),
                    map(EpisodeKind.TARGET_SLO_MET, cases[i][1], EpisodeKind.SOURCE_SLO_VIOLATED, cases[i][2])));
        }
        KindAccuracy a = new Learner(log).accuracy(EpisodeKind.FAILOVER);
        assertThat(a.decisionAccuracy().hits()).isEqualTo(3);
        assertThat(a.decisionAccuracy().n()).isEqualTo(5);
        assertThat(a.hitRate().hits()).isEqualTo(4); // target_better 0.6 calls 1; target_slo_met was 1 0 1 1 1
    }

    @Test
    void tooFewEpisodesGiveNoFigure() {
        var log = new InMemoryEpisodeLog();
        for (int i = 0; i < 3; i++) {
            log.record(TestEpisodes.forecast("f" + i, i, 0.9, 1));
        }
        KindAccuracy a = new Learner(log).accuracy(EpisodeKind.FORECAST);
        assertThat(a.enough()).isFalse();
        assertThat(a.resolved()).isEqualTo(3);
        assertThat(a.brier()).isNull();
        assertThat(a.hitRate()).isNull();
        assertThat(a.decisionAccuracy()).isNull();
    }

    @Test
    void accuracyWindowsSplitByWhenEpisodesWereMade() {
        var log = new InMemoryEpisodeLog();
        for (int i = 0; i < 10; i++) {
            log.record(TestEpisodes.forecast("f" + i, i, 0.9, i < 5 ? 0 : 1));
        }
        Learner learner = new Learner(log);
        Instant middle = T0.plusSeconds(300);
        assertThat(learner.accuracy(EpisodeKind.FORECAST, null, middle).decisionAccuracy().value()).isZero();
        assertThat(learner.accuracy(EpisodeKind.FORECAST, middle, null).decisionAccuracy().value()).isEqualTo(1.0);
    }

    @Test
    void idsContinueAfterARestart() {
        var log = new InMemoryEpisodeLog();
        Learner first = new Learner(log);
        List<String> ids = List.of(
                first.record(EpisodeKind.HEALTH, T0, FIVE_MINUTES, "blue", map(EpisodeKind.DEGRADED, 0), Map.of()).id(),
                first.record(EpisodeKind.HEALTH, T0, FIVE_MINUTES, "blue", map(EpisodeKind.DEGRADED, 0), Map.of()).id());
        Learner second = new Learner(log);
        String next = second.record(EpisodeKind.HEALTH, T0, FIVE_MINUTES, "blue", map(EpisodeKind.DEGRADED, 0),
                Map.of()).id();
        assertThat(ids).doesNotContain(next);
        assertThat(next).isEqualTo("health-3");
    }
}
