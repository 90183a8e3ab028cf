package dev.failoverlab.harness.score;

import static dev.failoverlab.harness.score.ScenarioFixtures.patch;
import static dev.failoverlab.harness.score.ScenarioFixtures.scenario;
import static dev.failoverlab.harness.score.ScenarioFixtures.trafficOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.failoverlab.harness.run.RunEvent.Kind;
import dev.failoverlab.harness.scenario.Scenario;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class RunScorerTest {
    private final Scenario scenario = scenario("whole", 600, List.of(patch(300, "web-blue",
            Map.of("RANDOM_ERRORS", "20"))), List.of(trafficOn("green", 100, 60, 300)));

    @Test
    void scoresAWholeRun() {
        RunScore s = RunScorer.score(new RunBuilder("whole", "p", 3, 600)
                .errors(300, 330, 20).p95(0, 100, 80).p95(100, 600, 40).idle(590, 600)
                .event(320, Kind.SELECTOR, "web", "green").blueShareFrom(320, 0).build(), scenario);

        // 120 intervals, 2 idle; 6 intervals with 20 errors of 100
        assertThat(s.sloViolatedIntervals()).isEqualTo(6);
        assertThat(s.sloViolationSeconds()).isEqualTo(30.0);
        assertThat(s.failedRequests()).isEqualTo(120);
        assertThat(s.okRequests()).isEqualTo(118 * 100 - 120);
        assertThat(s.availabilityPercent()).isCloseTo(100.0 * 11_680 / 11_800, within(1e-9));
        assertThat(s.meanP95Ms()).as("20 intervals at 80, 98 at 40").isCloseTo((20 * 80 + 98 * 40) / 118.0,
                within(1e-9));
        assertThat(s.moves()).hasSize(1);
        assertThat(s.expectationsPassed()).isEqualTo(1);
        assertThat(s.missedFailovers()).isZero();
        assertThat(s.falseFailovers()).isZero();
        assertThat(s.headline().mitigationSeconds()).isEqualTo(20.0);
        assertThat(s.headline().restoreSeconds()).isEqualTo(30.0);
        assertThat(Metric.RESTORE_SECONDS.of(s)).isEqualTo(30.0);
    }

    @Test
    void refusesARunOfAnotherScenario() {
        assertThatThrownBy(() -> RunScorer.score(new RunBuilder("other", "p", 1, 60).build(), scenario))
                .hasMessage("run other/p/seed-1 belongs to scenario 'other', not 'whole'");
    }
}
