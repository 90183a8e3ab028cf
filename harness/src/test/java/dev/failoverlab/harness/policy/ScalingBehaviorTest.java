package dev.failoverlab.harness.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Stabilisation and rate limits of the default autoscaling/v2 behaviour. */
final class ScalingBehaviorTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final ScalingBehavior behavior = ScalingBehavior.kubernetesDefaults(Duration.ofSeconds(300));

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void scaleUpIsLimitedToTheLargerOfFourPodsAndDoublingPerPeriod() {
        assertThat(behavior.normalize(1, 10, 1, 100, at(0)).replicas()).isEqualTo(5);   // max(1+4, 2)
        assertThat(fresh().normalize(10, 40, 1, 100, at(0)).replicas()).isEqualTo(20);  // max(14, 20)
        assertThat(fresh().normalize(2, 3, 1, 100, at(0)).replicas()).isEqualTo(3);     // under the limit
        var limited = fresh().normalize(1, 10, 1, 100, at(0));
        assertThat(limited.stabilized()).isEqualTo(10);
        assertThat(limited.limitedBy()).isEqualTo("the scale-up rate limit");
    }

    @Test
    void theScaleUpBudgetIsPerFifteenSecondPeriod() {
        behavior.normalize(1, 10, 1, 100, at(0));
        behavior.recordScale(1, 5, at(0));
        // 10 s later the period still holds the +4: it started at 1 replica, so at most max(1+4, 2) = 5
        assertThat(behavior.normalize(5, 10, 1, 100, at(10)).replicas()).isEqualTo(5);
        // 15 s later the event has left the period: from 5, max(9, 10) = 10
        assertThat(behavior.normalize(5, 10, 1, 100, at(15)).replicas()).isEqualTo(10);
    }

    @Test
    void scaleDownIsHeldByTheHighestRecommendationOfTheLast300Seconds() {
        behavior.recordInitialRecommendation(4, at(0));
        for (long t = 15; t < 300; t += 15) {
            var held = behavior.normalize(4, 1, 1, 10, at(t));
            assertThat(held.replicas()).as("at %d s", t).isEqualTo(4);
            assertThat(held.stabilized()).isEqualTo(4);
        }
        // at 300 s the initial recommendation (4 at 0 s) leaves the window; only 1s remain
        assertThat(behavior.normalize(4, 1, 1, 10, at(300)).replicas()).isEqualTo(1);
    }

    @Test
    void aHigherRecommendationInsideTheWindowKeepsHoldingAtItsLevel() {
        behavior.recordInitialRecommendation(2, at(0));
        behavior.normalize(2, 6, 1, 10, at(15));
        behavior.recordScale(2, 6, at(15));
        assertThat(behavior.normalize(6, 3, 1, 10, at(30)).replicas()).isEqualTo(6);
        assertThat(behavior.normalize(6, 3, 1, 10, at(314)).replicas()).isEqualTo(6);
        assertThat(behavior.normalize(6, 3, 1, 10, at(315)).replicas()).isEqualTo(3);
    }

    @Test
    void scaleUpIsNotStabilised() {
        behavior.recordInitialRecommendation(2, at(0));
        behavior.normalize(2, 1, 1, 10, at(15));
        assertThat(behavior.normalize(2, 3, 1, 10, at(30)).replicas()).isEqualTo(3);
    }

    @Test
    void minAndMaxClampTheResult() {
        var capped = behavior.normalize(8, 20, 1, 10, at(0));
        assertThat(capped.replicas()).isEqualTo(10);
        assertThat(capped.limitedBy()).isEqualTo("maxReplicas");
        ScalingBehavior noWindow = ScalingBehavior.kubernetesDefaults(Duration.ZERO);
        var floored = noWindow.normalize(5, 0, 2, 10, at(0));
        assertThat(floored.replicas()).isEqualTo(2);
        assertThat(floored.limitedBy()).isEqualTo("minReplicas");
    }

    private static ScalingBehavior fresh() {
        return ScalingBehavior.kubernetesDefaults(Duration.ofSeconds(300));
    }
}
