package dev.failoverlab.agent.brain.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failoverlab.agent.config.GuardConfig;
import dev.failoverlab.agent.evidence.Evidence;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ScaleDeciderTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final GuardConfig GUARD = GuardConfig.defaults();

    private static ColourNeed blue(int spec, int required, boolean over) {
        return new ColourNeed("blue", "web-blue", spec, spec, 1.0, over ? 0.9 : 0.4, 0.6, required, over, 250, 500);
    }

    private static ColourNeed standby(int spec) {
        return new ColourNeed("green", "web-green", spec, spec, 0.0, 0.0, Double.NaN, 0, false, 250, Double.NaN);
    }

    private static ScaleDecider.Decision decide(ScaleMemory memory, Instant at, ColourNeed need, boolean triggered,
            StandingPlan plan) {
        return ScaleDecider.decide(List.of(need), triggered, plan, Map.of(), memory, at, GUARD, new Evidence()).get(0);
    }

    @Test
    void aJumpLargerThanTheGuardsStepIsFinishedByTheNextQueries() {
        ScaleMemory memory = new ScaleMemory();
        ScaleDecider.Decision first = decide(memory, T0, blue(2, 11, true), false, null);
        assertThat(first.kind()).isEqualTo(ScaleDecider.Kind.UP_NOW);
        assertThat(first.to()).isEqualTo(6);
        assertThat(first.stepLimited()).isTrue();
        // CPU diluted by starting pods, no forecast trigger: the pending jump still continues while the load needs it
        ScaleDecider.Decision second = decide(memory, T0.plusSeconds(15), blue(6, 9, false), false, null);
        assertThat(second.kind()).isEqualTo(ScaleDecider.Kind.UP_CONTINUE);
        assertThat(second.to()).isEqualTo(9);
        ScaleDecider.Decision third = decide(memory, T0.plusSeconds(30), blue(9, 10, false), false, null);
        assertThat(third.kind()).as("nothing pending any more").isEqualTo(ScaleDecider.Kind.HOLD_UNLIKELY);
        assertThat(third.to()).isEqualTo(9);
    }

    @Test
    void scaleDownFollowsTheHighestRecommendationOfTheWindow() {
        ScaleMemory memory = new ScaleMemory();
        assertThat(decide(memory, T0, blue(8, 6, false), false, null).kind())
                .isEqualTo(ScaleDecider.Kind.HOLD_WINDOW);
        assertThat(decide(memory, T0.plusSeconds(100), blue(8, 5, false), false, null).to()).isEqualTo(8);
        assertThat(decide(memory, T0.plusSeconds(300), blue(8, 3, false), false, null).to())
                .as("the current 8 recorded at t0 is still inside the window").isEqualTo(8);
        ScaleDecider.Decision released = decide(memory, T0.plusSeconds(301), blue(8, 3, false), false, null);
        assertThat(released.kind()).isEqualTo(ScaleDecider.Kind.DOWN);
        assertThat(released.to()).as("the window still holds the recommendation of 5 at t0 + 100 s").isEqualTo(5);
        assertThat(decide(memory, T0.plusSeconds(402), blue(5, 3, false), false, null).to()).isEqualTo(3);
    }

    @Test
    void aLikelyCrossingScalesAheadAndAnUnlikelyOneHolds() {
        assertThat(decide(new ScaleMemory(), T0, blue(2, 3, false), true, null).kind())
                .isEqualTo(ScaleDecider.Kind.UP_AHEAD);
        assertThat(decide(new ScaleMemory(), T0, blue(2, 3, false), false, null).kind())
                .isEqualTo(ScaleDecider.Kind.HOLD_UNLIKELY);
        assertThat(decide(new ScaleMemory(), T0, blue(3, 3, false), true, null).kind())
                .isEqualTo(ScaleDecider.Kind.HOLD_EARLY);
    }

    @Test
    void standbyFloorIsOnePodUnlessAPlanSetsIt() {
        assertThat(decide(new ScaleMemory(), T0, standby(0), false, null).to()).isEqualTo(1);
        StandingPlan plan = new StandingPlan("p", T0, null, Map.of("green", 3, "blue", 2), Map.of("blue", 100),
                Map.of(), null, Map.of(), true, true);
        assertThat(decide(new ScaleMemory(), T0, standby(0), false, plan).to()).isEqualTo(3);
    }

    @Test
    void theBudgetCapsIncreasesByShare() {
        StandingPlan plan = new StandingPlan("p", T0, null, Map.of("blue", 2, "green", 2),
                Map.of("blue", 50, "green", 50), Map.of(), 12.0, Map.of("blue", 2.0, "green", 2.0), true, true);
        ColourNeed b = new ColourNeed("blue", "web-blue", 2, 2, 0.7, 0.9, 1.0, 6, true, 250, 900);
        ColourNeed g = new ColourNeed("green", "web-green", 2, 2, 0.3, 0.9, 1.0, 6, true, 250, 400);
        List<ScaleDecider.Decision> d = ScaleDecider.decide(List.of(b, g), true, plan, Map.of(), new ScaleMemory(),
                T0, GUARD, new Evidence());
        // $12 buys 6 pods: 4 are there, the busier blue gets the two the budget allows
        assertThat(d.get(0).to()).isEqualTo(4);
        assertThat(d.get(0).budgetCapped()).isTrue();
        assertThat(d.get(1).to()).isEqualTo(2);
        assertThat(d.get(1).budgetCapped()).isTrue();
    }
}
