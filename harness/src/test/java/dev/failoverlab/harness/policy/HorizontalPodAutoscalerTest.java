package dev.failoverlab.harness.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failoverlab.agent.port.PodInfo;
import dev.failoverlab.agent.port.PodMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The HPA loop against a fake cluster: what it reads, what it sets, what it says. */
final class HorizontalPodAutoscalerTest {
    private final FakeContext ctx = new FakeContext();

    /** web-blue gets {@code n} settled pods each using {@code millis} (of a 500m request), sampled just now. */
    private void load(int n, double millis) {
        Instant now = ctx.scheduler.now();
        List<PodInfo> pods = new ArrayList<>();
        List<PodMetrics> metrics = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pods.add(Pods.settled("web-blue-" + i, now));
            metrics.add(Pods.cpu("web-blue-" + i, millis, now));
        }
        ctx.cluster.pods.put("web-blue", pods);
        ctx.cluster.metrics.put("web-blue", metrics);
    }

    private HorizontalPodAutoscaler blueHpa() {
        HorizontalPodAutoscaler hpa = new HorizontalPodAutoscaler(ctx, ctx.managed("web-blue"), HpaSettings.DEFAULTS);
        hpa.start();
        return hpa;
    }

    @Test
    void scalesUpWithAReasonThatQuotesTheComputation() {
        ctx.cluster.setSpecReplicas("web-blue", 2);
        blueHpa();
        load(2, 410); // 82 % of 500m
        ctx.scheduler.advanceTo(Duration.ofSeconds(15));
        assertThat(ctx.actuator.of("scale")).singleElement().satisfies(a -> {
            assertThat(a.target()).isEqualTo("web-blue");
            assertThat(a.replicas()).isEqualTo(4);
            assertThat(a.reason()).startsWith("cpu 82% / target 50% → 4 replicas (was 2)");
        });
        assertThat(ctx.log.containing("hpa web-blue: cpu 82% / target 50% → 4 replicas (was 2)")).hasSize(1);
    }

    @Test
    void syncsEveryFifteenSecondsAndFollowsTheLoad() {
        ctx.cluster.setSpecReplicas("web-blue", 1);
        blueHpa();
        load(1, 500); // 100 % → 2
        ctx.scheduler.advanceTo(Duration.ofSeconds(14));
        assertThat(ctx.actuator.actions).isEmpty();
        ctx.scheduler.advanceTo(Duration.ofSeconds(15));
        assertThat(ctx.cluster.deployments.get("web-blue").specReplicas()).isEqualTo(2);
        load(2, 500); // still 100 % on 2 pods → 4
        ctx.scheduler.advanceTo(Duration.ofSeconds(30));
        assertThat(ctx.cluster.deployments.get("web-blue").specReplicas()).isEqualTo(4);
    }

    @Test
    void scaleDownWaitsForTheStabilisationWindowThenGoesToMin() {
        ctx.cluster.setSpecReplicas("web-blue", 4);
        blueHpa();
        load(4, 250); // 50 %: steady at 4
        ctx.scheduler.advanceTo(Duration.ofSeconds(60));
        load(4, 25);  // 5 %: recommendation 1, held by the recommendations of the last 300 s
        ctx.scheduler.advanceTo(Duration.ofSeconds(345));
        assertThat(ctx.actuator.actions).isEmpty();
        assertThat(ctx.log.containing("stabilised to 4")).hasSize(1); // noted once, not every 15 s
        // the last recommendation of 4 was made at 60 s: it leaves the window at 360 s
        ctx.scheduler.advanceTo(Duration.ofSeconds(360));
        assertThat(ctx.actuator.of("scale")).singleElement().satisfies(a -> assertThat(a.replicas()).isEqualTo(1));
    }

    @Test
    void minReplicasZeroIsTreatedAsOne() {
        FakeContext zeroMin = new FakeContext(0, 10);
        zeroMin.cluster.setSpecReplicas("web-blue", 2);
        new HorizontalPodAutoscaler(zeroMin, zeroMin.managed("web-blue"),
                new HpaSettings(50, 0.1, Duration.ofSeconds(15), Duration.ZERO, Duration.ofMinutes(5),
                        Duration.ofSeconds(30))).start();
        Instant now = zeroMin.scheduler.now();
        zeroMin.cluster.pods.put("web-blue", List.of(Pods.settled("a", now), Pods.settled("b", now)));
        zeroMin.cluster.metrics.put("web-blue", List.of(Pods.cpu("a", 0, now), Pods.cpu("b", 0, now)));
        zeroMin.scheduler.advanceTo(Duration.ofSeconds(15));
        assertThat(zeroMin.actuator.of("scale")).singleElement().satisfies(a -> assertThat(a.replicas()).isEqualTo(1));
    }

    @Test
    void zeroSpecReplicasMeansScalingDisabled() {
        ctx.cluster.setSpecReplicas("web-blue", 0);
        blueHpa();
        load(2, 500);
        ctx.scheduler.advanceTo(Duration.ofMinutes(2));
        assertThat(ctx.actuator.actions).isEmpty();
        assertThat(ctx.log.containing("scaling is disabled since the replica count of the target is zero"))
                .hasSize(1);
    }

    @Test
    void clampsToMaxAndMinBeforeLookingAtMetrics() {
        ctx.cluster.setSpecReplicas("web-blue", 12);
        blueHpa();
        ctx.scheduler.advanceTo(Duration.ofSeconds(15));
        assertThat(ctx.actuator.of("scale")).singleElement().satisfies(a -> {
            assertThat(a.replicas()).isEqualTo(10);
            assertThat(a.reason()).contains("above maxReplicas 10");
        });
        load(10, 500); // 100 % on 10 pods wants 20: capped at max
        ctx.scheduler.advanceTo(Duration.ofSeconds(30));
        assertThat(ctx.actuator.actions).hasSize(1);
        assertThat(ctx.log.containing("limited to 10 by maxReplicas")).hasSize(1);
    }

    @Test
    void scaleUpIsRateLimitedEndToEnd() {
        ctx.cluster.setSpecReplicas("web-blue", 1);
        blueHpa();
        load(1, 2500); // 500 % → 10 wanted
        ctx.scheduler.advanceTo(Duration.ofSeconds(15));
        assertThat(ctx.actuator.of("scale")).singleElement().satisfies(a -> {
            assertThat(a.replicas()).isEqualTo(5);
            assertThat(a.reason()).contains("10 limited to 5 by the scale-up rate limit");
        });
    }

    @Test
    void noMetricsMeansNoChangeAndSaysWhy() {
        blueHpa();
        Instant now = ctx.scheduler.now();
        ctx.cluster.pods.put("web-blue", List.of(Pods.settled("a", now), Pods.settled("b", now)));
        ctx.scheduler.advanceTo(Duration.ofSeconds(45));
        assertThat(ctx.actuator.actions).isEmpty();
        assertThat(ctx.log.containing("did not receive metrics for targeted pods")).hasSize(1);
        ctx.cluster.metricsDown = true;
        ctx.scheduler.advanceTo(Duration.ofSeconds(60));
        assertThat(ctx.actuator.actions).isEmpty();
        assertThat(ctx.log.containing("metrics-server: 503")).hasSize(1);
    }

    @Test
    void aRefusedScaleIsNotedAndNotCountedAgainstTheRateLimit() {
        ctx.cluster.setSpecReplicas("web-blue", 1);
        blueHpa();
        load(1, 500);
        ctx.actuator.refuse = true;
        ctx.scheduler.advanceTo(Duration.ofSeconds(15));
        assertThat(ctx.log.containing("scale to 2 refused (guard rail)")).hasSize(1);
        ctx.actuator.refuse = false;
        ctx.scheduler.advanceTo(Duration.ofSeconds(30));
        assertThat(ctx.cluster.deployments.get("web-blue").specReplicas()).isEqualTo(2);
    }
}
