package dev.failoverlab.agent.learn;

import static dev.failoverlab.agent.learn.TestEpisodes.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Re-tuning accepts only changes that truly improve the stated objective, and records them. */
final class RetuneTest {
    private static final Instant NOW = TestEpisodes.T0.plusSeconds(86_400);

    /** Forecasts whose probability is calibrated: CPU goes above target with probability p. */
    private static List<Episode> calibratedForecasts(long seed, int n) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Episode> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double p = rnd.nextDouble();
            out.add(TestEpisodes.forecast("forecast-" + seed + "-" + i, i, p, rnd.nextDouble() < p ? 1 : 0));
        }
        return out;
    }

    /** Mean cost of "scale ahead when p >= t" with false alarm 1 and miss 3, counted here independently. */
    private static double costAt(List<Episode> forecasts, double t) {
        double total = 0;
        for (Episode e : forecasts) {
            boolean act = e.predicted().get(EpisodeKind.P_CPU_ABOVE_TARGET) >= t;
            boolean above = e.observed().get(EpisodeKind.CPU_ABOVE_TARGET) == 1;
            total += act && !above ? 1 : !act && above ? 3 : 0;
        }
        return total / forecasts.size();
    }

    private static Learner learner(List<Episode> episodes, LearningSettings settings) {
        var log = new InMemoryEpisodeLog();
        episodes.forEach(log::record);
        return new Learner(log, settings);
    }

    @Test
    void aThresholdThatTrulyImprovesIsAcceptedAndRecorded() {
        // misses cost three false alarms, so with calibrated probabilities the best threshold is 1 / (1 + 3) = 0.25
        List<Episode> past = calibratedForecasts(42, 400);
        Learner learner = learner(past, LearningSettings.defaults());

        Learner.RetuneReport report = learner.retune(NOW);

        RuleChange change = report.accepted().get(0);
        assertThat(change.rule()).isEqualTo(RuleChange.SCALE_AHEAD);
        double chosen = change.after().get(RuleUpdates.SCALE_AHEAD_PROBABILITY);
        assertThat(chosen).isBetween(0.15, 0.35);
        assertThat(change.objectiveBefore()).isCloseTo(costAt(past, 0.5), within(1e-12));
        assertThat(change.objectiveAfter()).isCloseTo(costAt(past, chosen), within(1e-12));
        assertThat(change.improvementLow()).isPositive();
        assertThat(change.n()).isEqualTo(400);
        // truly better: on forecasts it has never seen the new threshold costs less than the old one
        List<Episode> unseen = calibratedForecasts(7, 2000);
        assertThat(costAt(unseen, chosen)).isLessThan(costAt(unseen, 0.5) - 0.05);

        assertThat(learner.current().version()).isEqualTo(2);
        assertThat(learner.current().scaleAheadProbability()).isEqualTo(chosen);
        Episode recorded = report.recorded();
        assertThat(recorded.kind()).isEqualTo("rule-update");
        assertThat(recorded.predicted()).containsEntry("version", 2.0).containsEntry("previous.version", 1.0)
                .containsEntry("previous.scale_ahead_probability", 0.5).containsEntry("scale_ahead_probability", chosen);
        assertThat(recorded.observed()).containsEntry("scale_ahead.n", 400.0);
        assertThat(learner.log().all()).endsWith(recorded);

        // a second pass on the same episodes finds nothing better: the rules do not drift
        assertThat(learner.retune(NOW.plusSeconds(1)).accepted()).isEmpty();
        assertThat(learner.current().version()).isEqualTo(2);
    }

    @Test
    void aThresholdThatDoesNotTrulyImproveIsRejected() {
        // equal costs: 0.5 is already the best threshold for calibrated forecasts; a neighbour may win in-sample by
        // a few lucky episodes, which the 95 % lower bound of the gain refuses
        LearningSettings even = new LearningSettings(5, 20, 2000, 30, 5, 1.0, 1.0, 0.2, Rules.initial());
        Learner learner = learner(calibratedForecasts(42, 400), even);
        Learner.RetuneReport report = learner.retune(NOW);
        assertThat(report.accepted()).isEmpty();
        assertThat(report.recorded()).isNull();
        assertThat(learner.current()).isEqualTo(Rules.initial());
        assertThat(report.changes().get(0).reason()).satisfiesAnyOf(
                r -> assertThat(r).contains("chance could explain it"),
                r -> assertThat(r).startsWith("no candidate beats the value in force"));

        // perfectly separated outcomes: 0.5 makes no mistake, nothing can beat it
        List<Episode> separated = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            double p = 0.025 + i * 0.025;
            separated.add(TestEpisodes.forecast("s" + i, i, p, p >= 0.5 ? 1 : 0));
        }
        RuleChange none = learner(separated, LearningSettings.defaults()).retune(NOW).changes().get(0);
        assertThat(none.accepted()).isFalse();
        assertThat(none.reason()).isEqualTo("no candidate beats the value in force (0 on 40 episodes)");
    }

    @Test
    void tooFewEpisodesChangeNothing() {
        RuleChange c = learner(calibratedForecasts(1, 5), LearningSettings.defaults()).retune(NOW).changes().get(0);
        assertThat(c.accepted()).isFalse();
        assertThat(c.reason()).isEqualTo("not enough episodes (n = 5, need 20)");
    }

    @Test
    void theDetectorThresholdFollowsPastHealthEpisodes() {
        // violations show CUSUM 3..8, healthy colours 0..4.5: h = 5 misses many violations (cost 3 each)
        SplittableRandom rnd = new SplittableRandom(11);
        List<Episode> health = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            boolean violated = rnd.nextDouble() < 0.3;
            double cusum = violated ? 3 + 5 * rnd.nextDouble() : 4.5 * rnd.nextDouble();
            health.add(TestEpisodes.resolved("h" + i, EpisodeKind.HEALTH, i,
                    map(EpisodeKind.DEGRADED, cusum >= 5 ? 1 : 0, EpisodeKind.CUSUM, cusum),
                    map(EpisodeKind.SLO_VIOLATED, violated ? 1 : 0)));
        }
        RuleChange c = learner(health, LearningSettings.defaults()).retune(NOW).changes().get(1);
        assertThat(c.rule()).isEqualTo(RuleChange.DETECTOR);
        assertThat(c.accepted()).isTrue();
        assertThat(c.after().get(RuleUpdates.DETECTOR_THRESHOLD)).isBetween(2.5, 4.0);
    }

    @Test
    void shiftCostsMatchHandReplays() {
        var heldSourceBad = new ShiftScheduleSearch.ShiftCase(true, Double.POSITIVE_INFINITY);
        var failsAt30 = new ShiftScheduleSearch.ShiftCase(false, 30);
        var failsAtOnce = new ShiftScheduleSearch.ShiftCase(true, 0);
        // shares 10, 60, 100: source traffic 90 + 40 + 0
        assertThat(ShiftScheduleSearch.cost(heldSourceBad, 10, 50)).isEqualTo(130);
        // shares 10 (target fine, source fine), 60 (target fails): 60 on a failing colour
        assertThat(ShiftScheduleSearch.cost(failsAt30, 10, 50)).isEqualTo(60);
        assertThat(ShiftScheduleSearch.cost(failsAt30, 10, 20)).isEqualTo(30);
        // fails at the canary while the source is bad too: all traffic on a failing colour for that interval
        assertThat(ShiftScheduleSearch.cost(failsAtOnce, 25, 25)).isEqualTo(100);
    }

    @Test
    void shiftStepsShrinkWhenTargetsFailedAndGrowWhenTheyHeld() {
        // half the targets failed, at shares spread over 20..89 %, while the sources were fine: every step overshoot
        // is traffic on a failing colour and nothing argues for speed, so a fine schedule wins
        Learner failing = learner(failovers(40, i -> i % 2 == 0 ? map(EpisodeKind.TARGET_SLO_MET, 0,
                EpisodeKind.SOURCE_SLO_VIOLATED, 0, EpisodeKind.TARGET_FAILED_AT_PERCENT, 20 + (i * 7) % 70)
                : map(EpisodeKind.TARGET_SLO_MET, 1, EpisodeKind.SOURCE_SLO_VIOLATED, 0)), LearningSettings.defaults());
        RuleChange smaller = failing.retune(NOW).changes().get(2);
        assertThat(smaller.accepted()).isTrue();
        assertThat(smaller.after().get(RuleUpdates.CANARY_PERCENT)).isLessThanOrEqualTo(10);
        assertThat(smaller.after().get(RuleUpdates.SHIFT_STEP_PERCENT)).isLessThanOrEqualTo(20);
        assertThat(smaller.objectiveAfter()).isLessThan(smaller.objectiveBefore());

        Learner holding = learner(failovers(40, i -> map(EpisodeKind.TARGET_SLO_MET, 1,
                EpisodeKind.SOURCE_SLO_VIOLATED, 1)), LearningSettings.defaults());
        RuleChange larger = holding.retune(NOW).changes().get(2);
        assertThat(larger.accepted()).isTrue();
        // the canary may not grow past 10 % (ShiftScheduleSearch.MAX_LEARNED_CANARY): the step grows instead,
        // 10 % then all of it leaves 90 % on the violating source for one interval instead of 90 + 40
        assertThat(larger.after()).containsEntry(RuleUpdates.CANARY_PERCENT, 10.0)
                .containsEntry(RuleUpdates.SHIFT_STEP_PERCENT, 100.0);
        assertThat(larger.objectiveBefore()).isEqualTo(130);
        assertThat(larger.objectiveAfter()).isEqualTo(90);
    }

    @Test
    void theCooldownFollowsObservedFlapsAndNeededMovesBack() {
        // needed moves back came 120..280 s after the last move and the 300 s cooldown blocked them; flaps came
        // within 50 s. Every cooldown in (50, 120] s separates them; the nearest to 300 s is 120 s.
        SplittableRandom rnd = new SplittableRandom(5);
        List<Episode> moves = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            boolean needed = i % 2 == 0;
            double gap = needed ? 120 + 160 * rnd.nextDouble() : 50 * rnd.nextDouble();
            moves.add(TestEpisodes.resolved("m" + i, EpisodeKind.FAILOVER, i,
                    map(EpisodeKind.TARGET_BETTER, 0.7, EpisodeKind.DECISION, gap >= 300 ? 1 : 0,
                            EpisodeKind.REVERSAL_GAP_S, gap),
                    map(EpisodeKind.TARGET_SLO_MET, 1, EpisodeKind.SOURCE_SLO_VIOLATED, needed ? 1 : 0)));
        }
        RuleChange c = learner(moves, LearningSettings.defaults()).retune(NOW).changes().get(3);
        assertThat(c.rule()).isEqualTo(RuleChange.COOLDOWN);
        assertThat(c.accepted()).isTrue();
        assertThat(c.after()).containsEntry(RuleUpdates.COOLDOWN_SECONDS, 120.0);
        assertThat(c.objectiveBefore()).isEqualTo(1.5); // 20 needed moves blocked x 3 / 40
        assertThat(c.objectiveAfter()).isZero();
    }

    private static List<Episode> failovers(int n, java.util.function.IntFunction<java.util.Map<String, Double>> outcome) {
        List<Episode> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(TestEpisodes.resolved("fo" + i, EpisodeKind.FAILOVER, i,
                    map(EpisodeKind.TARGET_BETTER, 0.8, EpisodeKind.DECISION, EpisodeKind.GRADUAL), outcome.apply(i)));
        }
        return out;
    }
}
