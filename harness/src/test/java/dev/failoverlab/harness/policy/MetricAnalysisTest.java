package dev.failoverlab.harness.policy;

import dev.failoverlab.agent.metrics.Scrapes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Flagger-style checks and the analysis loop that acts on them. */
final class MetricAnalysisTest {
    private static final Instant T = Instant.parse("2026-01-01T00:10:00Z");
    private final MetricChecks checks = new MetricChecks(Duration.ofMinutes(1), 99, 500);
    private final FakeContext ctx = new FakeContext();

    @Test
    void checksComputeSuccessRateAndP99AsPromQl() {
        var healthy = checks.evaluate(Scrapes.steady(T, 0, Scrapes.fast()), T);
        assertThat(healthy.verdict()).isEqualTo(MetricChecks.Verdict.PASSED);
        assertThat(healthy.requests()).isCloseTo(4000, within(1e-6)); // 3 steps × 1000, extrapolated to 60 s
        assertThat(healthy.successRatePercent()).isCloseTo(100, within(1e-9));
        assertThat(healthy.p99Ms()).isCloseTo(25, within(1e-9));

        var erroring = checks.evaluate(Scrapes.steady(T, 20, Scrapes.fast()), T);
        assertThat(erroring.verdict()).isEqualTo(MetricChecks.Verdict.FAILED);
        assertThat(erroring.successRatePercent()).isCloseTo(98, within(1e-9));
        assertThat(erroring.detail()).contains("success rate 98.00% (min 99%)");

        var slow = checks.evaluate(Scrapes.steady(T, 0, Scrapes.slowTail()), T);
        assertThat(slow.verdict()).isEqualTo(MetricChecks.Verdict.FAILED);
        assertThat(slow.p99Ms()).isCloseTo(750, within(1e-6));
        assertThat(slow.detail()).contains("p99 750.0 ms (max 500 ms)");

        var idle = checks.evaluate(Scrapes.steady(T, 0, Scrapes.none()), T);
        assertThat(idle.verdict()).isEqualTo(MetricChecks.Verdict.SKIPPED);
        assertThat(idle.detail()).contains("no traffic in the last 1m");
    }

    private MetricAnalysis analysis(int threshold) {
        MetricAnalysis a = new MetricAnalysis(ctx, Duration.ofSeconds(60), threshold, checks);
        a.start();
        return a;
    }

    /** Serves {@code color}'s scrapes for the analysis run at {@code seconds} after the start. */
    private void serve(String color, long seconds, long errors, long[] perBucket) {
        ctx.cluster.scrapes.put(color, Scrapes.steady(ManualScheduler.START.plusSeconds(seconds), errors, perBucket));
    }

    @Test
    void successRateOf98PercentFailsOverAtTheFirstCheckWithDefaultThreshold() {
        analysis(1);
        serve("blue", 60, 20, Scrapes.fast());
        ctx.scheduler.advanceTo(Duration.ofSeconds(59));
        assertThat(ctx.actuator.actions).isEmpty();
        ctx.scheduler.advanceTo(Duration.ofSeconds(60));
        assertThat(ctx.actuator.of("switch")).singleElement().satisfies(a -> {
            assertThat(a.target()).isEqualTo("green");
            assertThat(a.reason()).contains("success rate 98.00% (min 99%)");
        });
        assertThat(ctx.log.containing("metric analysis of blue: check 1/1 failed: success rate 98.00%")).hasSize(1);
        // green is analysed from now on, and is healthy
        serve("green", 120, 0, Scrapes.fast());
        ctx.scheduler.advanceTo(Duration.ofSeconds(120));
        assertThat(ctx.actuator.actions).hasSize(1);
    }

    @Test
    void aColourRolledBackFromIsNotPromotedAgainWhenTheNewActiveAlsoFails() {
        analysis(1);
        serve("blue", 60, 20, Scrapes.fast());
        ctx.scheduler.advanceTo(Duration.ofSeconds(60));
        assertThat(ctx.actuator.of("switch")).singleElement().satisfies(a -> assertThat(a.target()).isEqualTo("green"));
        serve("green", 120, 20, Scrapes.fast()); // green fails too: Flagger would not re-promote blue
        ctx.scheduler.advanceTo(Duration.ofSeconds(120));
        assertThat(ctx.actuator.of("switch")).hasSize(1);
        assertThat(ctx.log.containing("blue was rolled back from earlier; holding")).hasSize(1);
    }

    @Test
    void aHigherThresholdNeedsThatManyFailedChecksAndPassingRunsDoNotResetThem() {
        MetricAnalysis a = analysis(2);
        serve("blue", 60, 20, Scrapes.fast());
        ctx.scheduler.advanceTo(Duration.ofSeconds(60));
        assertThat(ctx.actuator.actions).isEmpty();
        assertThat(a.failedChecks()).isEqualTo(1);
        serve("blue", 120, 0, Scrapes.fast()); // passes: Flagger keeps status.failedChecks
        ctx.scheduler.advanceTo(Duration.ofSeconds(120));
        assertThat(a.failedChecks()).isEqualTo(1);
        serve("blue", 180, 20, Scrapes.fast());
        ctx.scheduler.advanceTo(Duration.ofSeconds(180));
        assertThat(ctx.actuator.of("switch")).singleElement().satisfies(s -> assertThat(s.target()).isEqualTo("green"));
        assertThat(a.failedChecks()).isZero();
    }

    @Test
    void p99Above500MsFailsOver() {
        analysis(1);
        serve("blue", 60, 0, Scrapes.slowTail());
        ctx.scheduler.advanceTo(Duration.ofSeconds(60));
        assertThat(ctx.actuator.of("switch")).singleElement().satisfies(a -> {
            assertThat(a.target()).isEqualTo("green");
            assertThat(a.reason()).contains("p99 750.0 ms (max 500 ms)");
        });
    }

    @Test
    void healthyTrafficChangesNothing() {
        analysis(1);
        for (long t = 60; t <= 600; t += 60) {
            serve("blue", t, 0, Scrapes.fast());
            ctx.scheduler.advanceTo(Duration.ofSeconds(t));
        }
        assertThat(ctx.actuator.actions).isEmpty();
        assertThat(ctx.log.containing("metric analysis of")).isEmpty();
    }

    @Test
    void noTrafficSkipsTheCheckAndSaysSo() {
        MetricAnalysis a = analysis(1);
        serve("blue", 60, 0, Scrapes.none());
        ctx.scheduler.advanceTo(Duration.ofSeconds(60));
        assertThat(ctx.actuator.actions).isEmpty();
        assertThat(a.failedChecks()).isZero();
        assertThat(ctx.log.containing("metric analysis of blue: no traffic in the last 1m (0 requests) — check "
                + "skipped")).hasSize(1);
        ctx.cluster.scrapes.clear(); // no scrapes at all: skipped too
        ctx.scheduler.advanceTo(Duration.ofSeconds(120));
        assertThat(ctx.log.containing("fewer than two scrapes")).hasSize(1);
        assertThat(ctx.actuator.actions).isEmpty();
    }

    @Test
    void aFailedMetricsQueryCountsAsAFailedCheckAsInFlagger() {
        analysis(1);
        ctx.cluster.metricsDown = true;
        ctx.scheduler.advanceTo(Duration.ofSeconds(60));
        assertThat(ctx.actuator.of("switch")).singleElement().satisfies(a -> {
            assertThat(a.target()).isEqualTo("green");
            assertThat(a.reason()).contains("metrics query error: prometheus: connection refused");
        });
    }
}
