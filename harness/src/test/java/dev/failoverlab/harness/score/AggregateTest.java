package dev.failoverlab.harness.score;

import static dev.failoverlab.harness.score.ScenarioFixtures.scenario;
import static dev.failoverlab.harness.score.ScenarioFixtures.trafficOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.failoverlab.harness.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class AggregateTest {

    @Test
    void meanAndStudentTHalfWidth() {
        // sd of 1..5 = sqrt(2.5); t(0.975, 4) = 2.7764451; half-width = 2.7764451 × 1.5811388 / sqrt(5)
        Stat s = Aggregate.of(new double[] {1, 2, 3, 4, 5});
        assertThat(s.mean()).isEqualTo(3.0);
        assertThat(s.halfWidth95()).isCloseTo(1.963243, within(1e-6));
        assertThat(s.n()).isEqualTo(5);
        assertThat(s.of()).isEqualTo(5);
    }

    @Test
    void oneValueHasNoIntervalAndNaNValuesAreLeftOut() {
        Stat one = Aggregate.of(new double[] {7});
        assertThat(one.mean()).isEqualTo(7.0);
        assertThat(one.halfWidth95()).isNaN();

        Stat partial = Aggregate.of(new double[] {Double.NaN, 10, 10});
        assertThat(partial.mean()).isEqualTo(10.0);
        assertThat(partial.halfWidth95()).isZero();
        assertThat(partial.n()).isEqualTo(2);
        assertThat(partial.of()).isEqualTo(3);

        assertThat(Aggregate.of(new double[] {Double.NaN}).isEmpty()).isTrue();
    }

    @Test
    void countsExpectationPassesOverSeeds() {
        Scenario s = scenario("agg", 600, List.of(), List.of(trafficOn("green", 50, 60, 300)));
        List<RunScore> runs = new ArrayList<>();
        for (long seed = 1; seed <= 5; seed++) {
            RunBuilder b = new RunBuilder("agg", "p", seed, 600);
            if (seed <= 3) {
                b.blueShareFrom(330, 50);
            }
            runs.add(RunScorer.score(b.build(), s));
        }
        PolicySummary summary = Aggregate.summarize("p", runs);
        assertThat(summary.expectations()).singleElement().satisfies(t -> {
            assertThat(t.fraction()).isEqualTo("3/5");
            assertThat(t.description()).isEqualTo("trafficOn green >= 50% within 1m after 5m");
        });
        assertThat(summary.stat(Metric.MISSED_FAILOVERS).mean()).isEqualTo(0.4);
        assertThat(summary.stat(Metric.MITIGATION_SECONDS).isEmpty()).as("no fault, no decision latency").isTrue();
    }
}
