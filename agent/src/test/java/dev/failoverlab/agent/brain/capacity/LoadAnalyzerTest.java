package dev.failoverlab.agent.brain.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failoverlab.agent.api.AnalyzeRequest;
import dev.failoverlab.agent.brain.fake.CapacityWorld;
import dev.failoverlab.agent.learn.Episode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class LoadAnalyzerTest {

    static AnalyzeRequest ask(boolean execute) {
        return new AnalyzeRequest("analyze_scaling_needs",
                new AnalyzeRequest.Context("http://web", "10_minutes", "demo_environment"), execute);
    }

    private static AnalyzeResponse analyze(CapacityWorld w) {
        AnalyzeResponse r = new LoadAnalyzer(w.ctx()).handle(ask(true));
        assertThat(CapacityNumberCheck.unmatched(r)).as("numbers missing from the evidence").isEmpty();
        return r;
    }

    @Test
    void flatHistoryGivesALowProbabilityAndNoAction() {
        CapacityWorld w = CapacityWorld.runbook(1);
        w.withHistory(w.flat(300, 240));
        AnalyzeResponse r = analyze(w);
        assertThat(r.forecast().pCpuAboveTarget()).isLessThan(0.05);
        assertThat(r.forecast().insufficientHistory()).isFalse();
        assertThat(r.forecast().peakRps()).isBetween(280.0, 320.0);
        assertThat(r.forecast().peakCpu()).isBetween(0.28, 0.32);
        assertThat(r.actions()).isEmpty();
        assertThat(w.cluster.actions).isEmpty();
        assertThat(r.recommendation()).startsWith("No scaling needed");
        assertThat(r.prediction()).contains("chance of CPU above 50%");
        assertThat(r.analysis()).startsWith("Traffic held steady over the last 3 minutes");
        assertThat(r.currentMetrics().cpuUtilization()).isEqualTo("30% on blue");
        assertThat(r.currentMetrics().memoryUtilization()).startsWith("within normal range (145MB of 256MB");
        assertThat(r.evidence().partial()).isFalse();
        List<Episode> forecasts = w.episodes.ofKind("forecast");
        assertThat(forecasts).hasSize(1);
        assertThat(forecasts.get(0).predicted()).containsKeys("p_cpu_above_target", "peak_rps", "peak_cpu")
                .containsEntry("scale_ahead", 0.0);
        assertThat(forecasts.get(0).dueAt()).isEqualTo(CapacityWorld.START.plusSeconds(600));
        assertThat(forecasts.get(0).labels()).containsEntry("rules_version", "1");
        Episode obs = w.episodes.ofKind("observation").get(0);
        assertThat(obs.resolved()).isTrue();
        assertThat(obs.predicted()).containsKeys("blue.p95_ms", "blue.error_rate", "blue.cpu_utilization", "blue.memory_bytes_per_pod",
                "blue.rps").isEqualTo(obs.observed());
    }

    @Test
    void aRampIsForecastAndScaledAheadBeforeCpuCrossesTheTarget() {
        // 25 minutes of ramp from 200 to 440 rps: blue's 2 pods reach 50 % CPU at 500 rps, about 6 minutes on
        CapacityWorld w = CapacityWorld.runbook(2);
        w.withHistory(w.ramp(200, 440, 140, 100));
        AnalyzeResponse first = analyze(w);
        assertThat(first.forecast().peakRps()).isGreaterThan(470);
        assertThat(first.forecast().pCpuAboveTarget()).isGreaterThanOrEqualTo(w.rules.scaleAheadProbability());
        assertThat(first.forecast().firstCrossingSeconds()).containsKeys("p25", "median", "p75");
        assertThat(first.prediction()).matches("\\d+% chance of CPU above 50% in the next .*");
        assertThat(first.analysis()).startsWith("Traffic grew");
        assertThat(first.currentMetrics().cpuUtilization()).contains("trending upward");
        double level = 440;
        AnalyzeResponse scaled = null;
        for (int q = 0; q < 40 && w.cluster.actions.isEmpty(); q++) {
            level += 2.4;
            w.cluster.advance(w.noisy(level));
            scaled = analyze(w);
        }
        assertThat(w.cluster.actions).as("scaled ahead within 10 minutes").isNotEmpty();
        assertThat(w.cluster.actions.get(0)).isEqualTo("scale web-blue 3");
        double cpuWhenScaled = scaled.forecast().colours().get("blue").cpuNow();
        System.out.printf(Locale.ROOT, "ramp: scaled ahead at %.0f rps, blue CPU %.1f%% (target 50%%); %s%n",
                level, cpuWhenScaled * 100, scaled.reasoning());
        assertThat(cpuWhenScaled).as("CPU when the agent scaled").isLessThan(0.5);
        assertThat(scaled.recommendation()).startsWith("Preemptive scaling of blue from 2 to 3 replicas");
        assertThat(scaled.reasoning()).contains("Prevents performance degradation");
        assertThat(w.episodes.ofKind("forecast").get(w.episodes.ofKind("forecast").size() - 1).predicted())
                .containsEntry("scale_ahead", 1.0);
    }

    @Test
    void aFourfoldStepInTheNewestPointsScalesAtOnceLikeTheHpa() {
        // a fresh agent has no steady CPU sample yet, so the HPA's rule sizes: ceil(2 x 100 % / 50 %) = 4
        CapacityWorld w = CapacityWorld.runbook(3);
        double[] h = w.flat(250, 240);
        h[238] = 1000;
        h[239] = 1000;
        w.withHistory(h);
        AnalyzeResponse r = analyze(w);
        assertThat(r.forecast().colours().get("blue").cpuNow()).isEqualTo(1.0);
        assertThat(r.prediction()).isEqualTo("CPU already above 50% (100% on blue)");
        assertThat(r.recommendation()).startsWith("Scale blue from 2 to 4 replicas now");
        assertThat(w.cluster.actions).containsExactly("scale web-blue 4");
        assertThat(r.actions().get(0).applied()).isTrue();
        assertThat(r.execution()).isEqualTo("scaled web-blue to 4 replicas");
        assertThat(r.evidence().missingData()).anyMatch(m -> m.contains("no steady window yet"));
    }

    @Test
    void aWarmAgentSizesAFourfoldStepFromItsForecastAndTheGuardSplitsTheJump() {
        CapacityWorld w = CapacityWorld.runbook(10);
        w.withHistory(w.flat(250, 236));
        for (int q = 0; q < 4; q++) {
            w.cluster.advance(w.noisy(250));
            analyze(w); // steady windows: CPU per request is learnt (1 ms)
        }
        w.cluster.advance(1000);
        w.cluster.advance(1000);
        AnalyzeResponse r = analyze(w);
        int required = r.forecast().colours().get("blue").required();
        // right after the jump the forecast's band is wide: more than the 4 pods 1000 rps needs at 50 % CPU
        assertThat(required).isBetween(7, 12);
        assertThat(w.cluster.actions).containsExactly("scale web-blue 6");
        assertThat(r.reasoning()).contains("limited to the guard's step per query");
        // one more point at the new level narrows the band: 6 pods suffice, nothing more is asked and none removed
        w.cluster.advance(1000);
        AnalyzeResponse next = analyze(w);
        assertThat(next.forecast().colours().get("blue").required()).isBetween(4, 6);
        assertThat(w.cluster.actions).hasSize(1);
        assertThat(next.recommendation()).startsWith("Hold blue at 6 replicas");
    }

    @Test
    void scaleDownWaitsForTheStabilisationWindowThenReleases() {
        CapacityWorld w = new CapacityWorld(6, 1, 4);
        w.withHistory(w.flat(300, 240));
        int firstDownAt = -1;
        AnalyzeResponse held = null;
        for (int t = 0; t <= 330 && firstDownAt < 0; t += 15) {
            AnalyzeResponse r = analyze(w);
            if (!w.cluster.actions.isEmpty()) {
                firstDownAt = t;
            } else if (t == 150) {
                held = r;
            }
            w.cluster.advance(w.noisy(300));
        }
        assertThat(firstDownAt).isEqualTo(315);
        assertThat(w.cluster.actions).containsExactly("scale web-blue 2");
        assertThat(held.recommendation()).isEqualTo(
                "Hold blue at 6 replicas until the scale-down stabilisation window has passed");
        assertThat(held.reasoning()).contains("blue needs 2 replicas now but needed more within the last 300 s");
    }

    @Test
    void aStandingBudgetCapsTheAutoscaler() {
        CapacityWorld w = CapacityWorld.runbook(5);
        w.cluster.green.spec = 2;
        w.cluster.green.ready = 2;
        w.cluster.blue.share = 0.5;
        w.cluster.green.share = 0.5;
        w.cluster.selector = null;
        double[] h = w.flat(400, 240);
        h[238] = 1600;
        h[239] = 1600;
        w.withHistory(h);
        w.state.get(StandingPlan.Holder.class, StandingPlan.Holder::new).set(new StandingPlan("optimize-1",
                CapacityWorld.START, null, Map.of("blue", 2, "green", 2), Map.of("blue", 50, "green", 50),
                Map.of("blue", "web-blue", "green", "web-green"), 12.50, Map.of("blue", 2.725, "green", 2.725),
                true, true));
        AnalyzeResponse r = analyze(w);
        assertThat(r.forecast().colours().get("blue").required()).isGreaterThan(2);
        assertThat(w.cluster.actions).isEmpty(); // 4 pods cost $10.90/h; a fifth would exceed $12.50
        assertThat(r.forecast().colours().values()).allMatch(c -> c.target() == 2);
        assertThat(r.reasoning()).contains("capped at 2 replicas by the standing budget")
                .contains("budget $12.50/hr");
    }

    @Test
    void theStandbyKeepsOneReadyPodUnlessAPlanSaysOtherwise() {
        CapacityWorld w = new CapacityWorld(2, 0, 6);
        w.withHistory(w.flat(300, 240));
        AnalyzeResponse r = analyze(w);
        assertThat(w.cluster.actions).containsExactly("scale web-green 1");
        assertThat(r.reasoning()).contains("green keeps 1 replica ready as a standby");

        CapacityWorld planned = new CapacityWorld(2, 0, 6);
        planned.withHistory(planned.flat(300, 240));
        planned.state.get(StandingPlan.Holder.class, StandingPlan.Holder::new).set(new StandingPlan("optimize-2",
                CapacityWorld.START, null, Map.of("blue", 2, "green", 0), Map.of("blue", 100, "green", 0),
                Map.of("blue", "web-blue", "green", "web-green"), null, Map.of("blue", 2.725, "green", 2.725),
                true, true));
        analyze(planned);
        assertThat(planned.cluster.actions).isEmpty();
    }

    @Test
    void shortHistoryFallsBackToANaiveForecastAndSaysSo() {
        CapacityWorld w = CapacityWorld.runbook(7);
        w.withHistory(new double[] {300, 305, 298, 302, 301});
        AnalyzeResponse r = analyze(w);
        assertThat(r.forecast().insufficientHistory()).isTrue();
        assertThat(r.forecast().model()).isEqualTo("naive(insufficient history)");
        assertThat(r.analysis()).contains("insufficient history for a backtested forecast (5 points)");
        assertThat(r.forecast().pCpuAboveTarget()).isLessThan(0.05);
    }

    @Test
    void failingPrometheusGivesALabelledPartialAnswer() {
        CapacityWorld w = CapacityWorld.runbook(8);
        w.withHistory(w.flat(300, 240));
        w.cluster.failScrapes = true;
        AnalyzeResponse r = analyze(w);
        assertThat(r.evidence().partial()).isTrue();
        assertThat(r.evidence().missingData()).anyMatch(m -> m.startsWith("prometheus: unavailable for blue"));
        assertThat(r.analysis()).startsWith("Insufficient history");
        assertThat(r.prediction()).startsWith("insufficient data: no request-rate history");
        assertThat(r.forecast().pCpuAboveTarget()).isNull();
        assertThat(w.cluster.actions).isEmpty();
        assertThat(w.episodes.ofKind("forecast")).isEmpty();

        w.cluster.failMetrics = true;
        w.cluster.failPods = true;
        AnalyzeResponse blind = analyze(w);
        assertThat(blind.currentMetrics().cpuUtilization()).startsWith("insufficient data");
        assertThat(blind.recommendation()).isEqualTo("No scaling change: insufficient data to size replicas");
    }

    @Test
    void oneAnalyzeWithAnHourOfHistoryIsTimed() {
        CapacityWorld w = CapacityWorld.runbook(9);
        w.withHistory(w.ramp(300, 450, 180, 60));
        long t0 = System.nanoTime();
        AnalyzeResponse r = new LoadAnalyzer(w.ctx()).handle(ask(false));
        double cold = (System.nanoTime() - t0) / 1e6;
        double[] warm = new double[20];
        for (int i = 0; i < warm.length; i++) {
            long t = System.nanoTime();
            new LoadAnalyzer(w.ctx()).handle(ask(false));
            warm[i] = (System.nanoTime() - t) / 1e6;
        }
        System.out.printf(Locale.ROOT, "analyze, 240 points of history, %s: first call %.1f ms, then median %.1f ms%n",
                r.forecast().model(), cold, median(warm));
        assertThat(r.forecast().horizonSeconds()).isEqualTo(600);
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
