package dev.failoverlab.agent.learn;

import static dev.failoverlab.agent.learn.TestEpisodes.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A true difference is found with an interval around it; no difference is reported as not significant. */
final class PatternFinderTest {

    /**
     * Paired observations: green's p95 is 18 % below blue's (log-normal noise), memory per pod is the same
     * distribution for both; a slow drift in the load makes neighbours correlated.
     */
    private static List<Episode> observations(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Episode> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double load = 1 + 0.5 * Math.sin(i / 20.0);
            double blueP95 = 80 * load * Math.exp(0.1 * gaussian(rnd));
            double greenP95 = 0.82 * 80 * load * Math.exp(0.1 * gaussian(rnd));
            double memory = 200e6 * load;
            out.add(new Episode("observation-" + i, "observation", TestEpisodes.T0.plusSeconds(15L * i),
                    TestEpisodes.T0.plusSeconds(15L * i), "web", Map.of(),
                    map("blue.p95_ms", blueP95, "green.p95_ms", greenP95,
                            "blue.memory_bytes_per_pod", memory * Math.exp(0.05 * gaussian(rnd)),
                            "green.memory_bytes_per_pod", memory * Math.exp(0.05 * gaussian(rnd))),
                    Map.of(), true));
        }
        return out;
    }

    private static double gaussian(SplittableRandom rnd) {
        // Box-Muller on the seeded generator
        return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    private static LearnedPattern named(List<LearnedPattern> patterns, String name) {
        return patterns.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aTrueLatencyDifferenceIsFoundWithItsInterval() {
        List<LearnedPattern> patterns = new PatternFinder(LearningSettings.defaults()).find(observations(240, 3));
        LearnedPattern p95 = named(patterns, "p95_ms:blue-vs-green");
        assertThat(p95.status()).isEqualTo(LearnedPattern.Status.SIGNIFICANT);
        double effect = p95.outputs().get("relative_difference");
        assertThat(effect).isCloseTo(0.18, within(0.03));
        assertThat(p95.outputs().get("ci_low")).isLessThan(effect).isGreaterThan(0.10);
        assertThat(p95.outputs().get("ci_high")).isGreaterThan(effect).isLessThan(0.26);
        assertThat(p95.parameters()).containsEntry("n", 240.0).containsEntry("batches", 20.0);
        assertThat(p95.text()).startsWith("green's p95 latency was " + Texts.pct(effect) + "% lower than blue's (95% CI ")
                .endsWith("%, n = 240 paired observations)");
    }

    @Test
    void noDifferenceIsMarkedNotSignificant() {
        List<LearnedPattern> patterns = new PatternFinder(LearningSettings.defaults()).find(observations(240, 3));
        LearnedPattern memory = named(patterns, "memory_bytes_per_pod:blue-vs-green");
        assertThat(memory.status()).isEqualTo(LearnedPattern.Status.NOT_SIGNIFICANT);
        assertThat(memory.outputs().get("ci_low")).isNegative();
        assertThat(memory.outputs().get("ci_high")).isPositive();
        assertThat(memory.text()).startsWith("memory per pod: no significant difference between blue and green (");
        // metrics nobody recorded are not enough data, never a figure
        LearnedPattern errors = named(patterns, "error_rate:blue-vs-green");
        assertThat(errors.status()).isEqualTo(LearnedPattern.Status.NOT_ENOUGH_DATA);
        assertThat(errors.text()).isEqualTo("error rate, blue vs green: not enough paired observations (n = 0, need 30)");
        assertThat(errors.outputs()).isEmpty();
    }

    @Test
    void gradualAndImmediateMovesAreComparedOnErrorsDuringTheMove() {
        SplittableRandom rnd = new SplittableRandom(9);
        List<Episode> moves = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            boolean gradual = i % 2 == 0;
            double errors = (gradual ? 0.002 : 0.012) + 0.004 * rnd.nextDouble();
            moves.add(TestEpisodes.resolved("fo" + i, EpisodeKind.FAILOVER, i,
                    map(EpisodeKind.TARGET_BETTER, 0.8, EpisodeKind.DECISION, gradual ? 1 : 2),
                    map(EpisodeKind.TARGET_SLO_MET, 1, EpisodeKind.SOURCE_SLO_VIOLATED, 1,
                            EpisodeKind.MOVE_ERROR_RATE, errors)));
        }
        LearnedPattern p = named(new PatternFinder(LearningSettings.defaults()).find(moves),
                "move_error_rate:gradual-vs-immediate");
        assertThat(p.status()).isEqualTo(LearnedPattern.Status.SIGNIFICANT);
        assertThat(p.outputs().get("difference")).isCloseTo(0.010, within(0.002));
        assertThat(p.text()).startsWith("gradual shifts had " + Texts.pct(p.outputs().get("difference"))
                + " percentage points fewer errors during the move than "
                + "immediate switches (95% CI ").endsWith("n = 12 gradual, 12 immediate)");

        LearnedPattern few = named(new PatternFinder(LearningSettings.defaults()).find(moves.subList(0, 6)),
                "move_error_rate:gradual-vs-immediate");
        assertThat(few.status()).isEqualTo(LearnedPattern.Status.NOT_ENOUGH_DATA);
        assertThat(few.text()).contains("n = 3 gradual, 3 immediate; need 5 each");
    }
}
