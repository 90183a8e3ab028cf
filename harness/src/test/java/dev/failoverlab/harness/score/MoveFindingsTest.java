package dev.failoverlab.harness.score;

import static dev.failoverlab.harness.score.ScenarioFixtures.failReadiness;
import static dev.failoverlab.harness.score.ScenarioFixtures.patch;
import static dev.failoverlab.harness.score.ScenarioFixtures.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import dev.failoverlab.harness.run.RunEvent.Kind;
import dev.failoverlab.harness.scenario.FaultSpec;
import dev.failoverlab.harness.scenario.Scenario;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class MoveFindingsTest {
    private static final List<String> COLOURS = List.of("blue", "green");

    private static MoveFindings judge(Scenario scenario, RunBuilder run) {
        return MoveFindings.judge(TrafficMoves.derive(run.build(), scenario), FaultWindows.of(scenario), COLOURS);
    }

    private static Scenario blueSlowAt(double at) {
        return scenario("flaps", 3600, List.of(patch(at, "web-blue", Map.of("SLOW_REQUESTS", "40"))), List.of());
    }

    @Test
    void movingBackWithinTenMinutesIsAFlap() {
        MoveFindings f = judge(blueSlowAt(100), new RunBuilder("flaps", "p", 1, 3600)
                .event(200, Kind.SELECTOR, "web", "green")
                .event(200 + 599, Kind.SELECTOR, "web", "blue"));
        assertThat(f.flaps()).isEqualTo(1);
        assertThat(f.notes()).anySatisfy(n -> assertThat(n).startsWith("flap at t=799 s")
                .contains("blue was lowered 599 s earlier"));
    }

    @Test
    void movingBackAfterTenMinutesIsNotAFlap() {
        MoveFindings f = judge(blueSlowAt(100), new RunBuilder("flaps", "p", 1, 3600)
                .event(200, Kind.SELECTOR, "web", "green")
                .event(200 + 601, Kind.SELECTOR, "web", "blue"));
        assertThat(f.flaps()).isZero();
    }

    @Test
    void aGradualShiftInOneDirectionIsNotAFlapButOscillationCountsEachReturn() {
        MoveFindings gradual = judge(blueSlowAt(100), new RunBuilder("flaps", "p", 1, 3600)
                .event(200, Kind.SPLIT, "web", "blue=90,green=10")
                .event(260, Kind.SPLIT, "web", "blue=50,green=50")
                .event(320, Kind.SPLIT, "web", "blue=0,green=100"));
        assertThat(gradual.flaps()).isZero();
        assertThat(gradual.falseFailovers()).isZero();

        MoveFindings oscillating = judge(blueSlowAt(100), new RunBuilder("flaps", "p", 1, 3600)
                .event(200, Kind.SPLIT, "web", "blue=20,green=80")
                .event(260, Kind.SPLIT, "web", "blue=100,green=0")
                .event(320, Kind.SPLIT, "web", "blue=20,green=80"));
        assertThat(oscillating.flaps()).as("back to blue at 260, back to green at 320").isEqualTo(2);
    }

    @Test
    void aCanaryTowardsAFaultyColourAndItsRollbackAreNotFailoversButAreNoted() {
        Scenario greenBad = scenario("canary", 3600, List.of(patch(50, "web-green", Map.of("RANDOM_ERRORS", "30"))),
                List.of());
        MoveFindings canary = judge(greenBad, new RunBuilder("canary", "p", 1, 3600)
                .event(200, Kind.SPLIT, "web", "blue=90,green=10")
                .event(215, Kind.SPLIT, "web", "blue=100,green=0"));
        assertThat(canary.falseFailovers()).isZero();
        assertThat(canary.flaps()).isZero();
        assertThat(canary.notes()).singleElement().asString().contains("partial move at t=200 s")
                .contains("towards green, which had an active fault").contains("not a failover");
    }

    @Test
    void failingOverAwayFromTheFaultyColourIsNotFalse() {
        MoveFindings f = judge(blueSlowAt(100), new RunBuilder("flaps", "p", 1, 3600)
                .event(100, Kind.SELECTOR, "web", "green"));
        assertThat(f.falseFailovers()).isZero();
    }

    @Test
    void movingAwayFromAHealthyColourIsFalse() {
        MoveFindings beforeFault = judge(blueSlowAt(1000), new RunBuilder("flaps", "p", 1, 3600)
                .event(999, Kind.SELECTOR, "web", "green"));
        assertThat(beforeFault.falseFailovers()).isEqualTo(1);
        assertThat(beforeFault.notes()).singleElement().asString()
                .isEqualTo("false failover at t=999 s: blue 100→0%, green 0→100% "
                        + "(away from blue, which had no active fault)");
    }

    @Test
    void movingTowardsAFaultyColourIsFalse() {
        Scenario bothFaulty = scenario("flaps", 3600, List.of(
                patch(100, "web-blue", Map.of("RANDOM_ERRORS", "5")),
                patch(100, "web-green", Map.of("RANDOM_ERRORS", "50"))), List.of());
        MoveFindings f = judge(bothFaulty, new RunBuilder("flaps", "p", 1, 3600)
                .event(200, Kind.SELECTOR, "web", "green"));
        assertThat(f.falseFailovers()).isEqualTo(1);
        assertThat(f.notes().get(0)).contains("towards green, which had an active fault");
    }

    @Test
    void faultsEndAfterTheirDurationOrARepairPatch() {
        List<FaultSpec> faults = List.of(
                failReadiness(100, "web-blue", 200),
                patch(1000, "web-blue", Map.of("SLOW_REQUESTS", "40", "RANDOM_ERRORS", "5")),
                patch(1500, "web-blue", Map.of("SLOW_REQUESTS", "0", "RANDOM_ERRORS", "0")));
        Scenario s = scenario("flaps", 3600, faults, List.of());
        FaultWindows windows = FaultWindows.of(s);

        assertThat(windows.all()).hasSize(2);
        assertThat(windows.activeOn("blue", 299)).isTrue();
        assertThat(windows.activeOn("blue", 300)).as("readiness failure lasted 200 s").isFalse();
        assertThat(windows.activeOn("blue", 1499)).isTrue();
        assertThat(windows.activeOn("blue", 1500)).as("the all-zero patch repairs blue").isFalse();
        assertThat(windows.activeOn("green", 1200)).isFalse();

        MoveFindings f = judge(s, new RunBuilder("flaps", "p", 1, 3600)
                .event(350, Kind.SELECTOR, "web", "green"));
        assertThat(f.falseFailovers()).as("blue had recovered at 300 s").isEqualTo(1);
    }
}
