package dev.failoverlab.harness.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failoverlab.agent.port.ProbeResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The runbook's watcher: consecutive failed probes of the active colour, then a selector switch. */
final class FailoverWatcherTest {
    private static final ProbeResult DOWN = new ProbeResult(false, 1000, "timeout after 1s");
    private static final ProbeResult UP = new ProbeResult(true, 4, "200 OK");
    private final FakeContext ctx = new FakeContext();

    private FailoverWatcher watcher() {
        FailoverWatcher w = new FailoverWatcher(ctx, Duration.ofSeconds(10), 3);
        w.start();
        return w;
    }

    @Test
    void exactlyThreeConsecutiveFailuresSwitch() {
        watcher();
        ctx.cluster.probes("blue", DOWN, DOWN, DOWN);
        ctx.scheduler.advanceTo(Duration.ofSeconds(29));
        assertThat(ctx.actuator.actions).isEmpty();
        assertThat(ctx.log.containing("probe of blue failed (2/3 consecutive): timeout after 1s")).hasSize(1);
        ctx.scheduler.advanceTo(Duration.ofSeconds(30));
        assertThat(ctx.actuator.of("switch")).singleElement().satisfies(a -> {
            assertThat(a.target()).isEqualTo("green");
            assertThat(a.reason()).contains("3 consecutive failed health probes of blue");
        });
    }

    @Test
    void aSuccessInBetweenResetsTheCount() {
        FailoverWatcher w = watcher();
        ctx.cluster.probes("blue", DOWN, DOWN, UP, DOWN, DOWN, DOWN);
        ctx.scheduler.advanceTo(Duration.ofSeconds(50));
        assertThat(ctx.actuator.actions).isEmpty();
        assertThat(w.consecutiveFailures()).isEqualTo(2);
        assertThat(ctx.log.containing("blue healthy again (4 ms) after 2 failed probe(s)")).hasSize(1);
        ctx.scheduler.advanceTo(Duration.ofSeconds(60));
        assertThat(ctx.actuator.of("switch")).hasSize(1);
    }

    @Test
    void afterSwitchingItWatchesTheNewColourWithoutCheckingItFirst() {
        FailoverWatcher w = watcher();
        ctx.cluster.probes("blue", DOWN, DOWN, DOWN);
        ctx.cluster.probes("green", DOWN, DOWN, DOWN);
        ctx.scheduler.advanceTo(Duration.ofSeconds(30));
        assertThat(ctx.cluster.probed).containsExactly("blue", "blue", "blue"); // green never probed before
        assertThat(w.consecutiveFailures()).isZero();
        ctx.scheduler.advanceTo(Duration.ofSeconds(60));
        assertThat(ctx.cluster.probed.subList(3, 6)).containsOnly("green");
        assertThat(ctx.actuator.of("switch")).extracting(RecordingActuator.Action::target)
                .containsExactly("green", "blue");
    }

    @Test
    void aRefusedSwitchIsRetriedOnTheNextFailure() {
        watcher();
        ctx.cluster.probes("blue", DOWN, DOWN, DOWN, DOWN);
        ctx.actuator.refuse = true;
        ctx.scheduler.advanceTo(Duration.ofSeconds(30));
        assertThat(ctx.log.containing("switch to green refused: guard rail")).hasSize(1);
        ctx.actuator.refuse = false;
        ctx.scheduler.advanceTo(Duration.ofSeconds(40));
        assertThat(ctx.actuator.of("switch")).hasSize(2);
        assertThat(ctx.cluster.routing.selectorColor()).isEqualTo("green");
    }

    @Test
    void aSwitchMadeBySomeoneElseRestartsTheCountOnTheNewColour() {
        FailoverWatcher w = watcher();
        ctx.cluster.probes("blue", DOWN, DOWN);
        ctx.scheduler.advanceTo(Duration.ofSeconds(20));
        assertThat(w.consecutiveFailures()).isEqualTo(2);
        ctx.cluster.select("green");
        ctx.cluster.probes("green", DOWN);
        ctx.scheduler.advanceTo(Duration.ofSeconds(30));
        assertThat(w.consecutiveFailures()).isEqualTo(1);
        assertThat(ctx.actuator.actions).isEmpty();
    }
}
