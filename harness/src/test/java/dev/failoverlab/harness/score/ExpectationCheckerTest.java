package dev.failoverlab.harness.score;

import static dev.failoverlab.harness.score.ScenarioFixtures.HERE;
import static dev.failoverlab.harness.score.ScenarioFixtures.patch;
import static dev.failoverlab.harness.score.ScenarioFixtures.scenario;
import static dev.failoverlab.harness.score.ScenarioFixtures.seconds;
import static dev.failoverlab.harness.score.ScenarioFixtures.trafficOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failoverlab.harness.run.RunEvent.Kind;
import dev.failoverlab.harness.scenario.Budget;
import dev.failoverlab.harness.scenario.Expectation;
import dev.failoverlab.harness.scenario.Scenario;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ExpectationCheckerTest {

    private static ExpectationResult check(Expectation e, RunBuilder run) {
        return check(e, run, Budget.NONE);
    }

    private static ExpectationResult check(Expectation e, RunBuilder run, Budget budget) {
        Scenario s = scenario("expect", 1200, List.of(patch(600, "web-blue", Map.of("RANDOM_ERRORS", "5"))),
                List.of(e), budget);
        RunScore score = RunScorer.score(run.build(), s);
        return score.expectations().get(0);
    }

    private static RunBuilder run() {
        return new RunBuilder("expect", "p", 1, 1200);
    }

    @Test
    void trafficOnPassesWhenTheShareIsReachedInsideTheWindow() {
        ExpectationResult r = check(trafficOn("green", 100, 60, 600),
                run().event(640, Kind.SELECTOR, "web", "green").blueShareFrom(640, 0));
        assertThat(r.passed()).isTrue();
        assertThat(r.description()).isEqualTo("trafficOn green >= 100% within 1m after 10m");
        assertThat(r.reason()).isEqualTo("green reached 100% at t=640 s (window 600–660 s)");
    }

    @Test
    void trafficOnFailsWhenTheShareComesTooLateOrFallsShort() {
        ExpectationResult late = check(trafficOn("green", 100, 60, 600), run().blueShareFrom(665, 0));
        assertThat(late.passed()).isFalse();
        assertThat(late.reason()).isEqualTo("green peaked at 0% at t=600 s in window 600–660 s (needs ≥ 100%)");

        ExpectationResult partial = check(trafficOn("green", 100, 60, 600), run().blueShareFrom(620, 30));
        assertThat(partial.passed()).isFalse();
        assertThat(partial.reason()).startsWith("green peaked at 70% at t=620 s");
    }

    @Test
    void trafficOnFailuresAreMissedFailovers() {
        Scenario s = scenario("expect", 1200, List.of(), List.of(trafficOn("green", 100, 60, 600)));
        assertThat(RunScorer.score(run().build(), s).missedFailovers()).isEqualTo(1);
        assertThat(RunScorer.score(run().blueShareFrom(600, 0).build(), s).missedFailovers()).isZero();
    }

    @Test
    void noTrafficShiftBeforeChecksOnlyMovesBeforeItsTime() {
        Expectation e = new Expectation.NoTrafficShiftBefore(seconds(300), HERE);
        ExpectationResult early = check(e, run().event(299, Kind.SPLIT, "web", "blue=90,green=10")
                .event(400, Kind.SELECTOR, "web", "green"));
        assertThat(early.passed()).isFalse();
        assertThat(early.reason()).isEqualTo(
                "traffic moved at t=299 s by p: blue 100→90%, green 0→10% (2 moves in total)");

        ExpectationResult later = check(e, run().event(300, Kind.SELECTOR, "web", "green"));
        assertThat(later.passed()).isTrue();
        assertThat(later.reason()).isEqualTo("no traffic move before t=300 s; first at t=300 s");
    }

    @Test
    void noTrafficShiftFailsOnAnyMoveButNotOnANoOp() {
        Expectation e = new Expectation.NoTrafficShift(HERE);
        assertThat(check(e, run().event(10, Kind.SELECTOR, "web", "blue")).passed()).isTrue();
        ExpectationResult moved = check(e, run().event(1100, Kind.SELECTOR, "web", "green"));
        assertThat(moved.passed()).isFalse();
        assertThat(moved.reason()).startsWith("traffic moved at t=1100 s");
    }

    @Test
    void trafficNeverOnComparesThePeakShareWithTheLimit() {
        Expectation e = new Expectation.TrafficNeverOn("green", 10, HERE);
        ExpectationResult ok = check(e, run().blueShareFrom(500, 90));
        assertThat(ok.passed()).isTrue();
        assertThat(ok.reason()).isEqualTo("green peaked at 10% at t=500 s (limit 10%)");
        assertThat(check(e, run().blueShareFrom(500, 89.5)).passed()).isFalse();
    }

    @Test
    void maxSloViolationComparesViolationSeconds() {
        Expectation e = new Expectation.MaxSloViolation(seconds(30), HERE);
        assertThat(check(e, run().errors(600, 630, 5)).passed()).isTrue();
        ExpectationResult r = check(e, run().errors(600, 635, 5));
        assertThat(r.passed()).isFalse();
        assertThat(r.reason()).isEqualTo("SLO violated for 35 s (limit 30 s)");
    }

    @Test
    void withinBudgetComparesCostPerHour() {
        // 3 pods all run long at $0.01685 per pod-hour = $0.05055/h, no LLM
        Expectation e = new Expectation.WithinBudget(HERE);
        ExpectationResult ok = check(e, run(), new Budget(0.06));
        assertThat(ok.passed()).isTrue();
        assertThat(ok.reason()).isEqualTo("cost $0.0506/h (budget $0.06/h)");
        assertThat(check(e, run(), new Budget(0.05)).passed()).isFalse();
        assertThatThrownBy(() -> check(e, run(), Budget.NONE))
                .hasMessageContaining("test.yaml:1:1")
                .hasMessageContaining("budget: {perHour:");
    }
}
