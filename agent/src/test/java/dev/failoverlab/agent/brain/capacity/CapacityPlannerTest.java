package dev.failoverlab.agent.brain.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.failoverlab.agent.api.OptimizeRequest;
import dev.failoverlab.agent.brain.fake.CapacityCluster;
import dev.failoverlab.agent.brain.fake.CapacityWorld;
import dev.failoverlab.agent.learn.Episode;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class CapacityPlannerTest {

    /** The runbook's step 8 body, with a budget and {@code execute} of the test's choosing. */
    static OptimizeRequest runbook(double budget, boolean execute) {
        return new OptimizeRequest("multi_objective", new OptimizeRequest.Constraints(100.0, 1.0, 99.9, budget),
                new OptimizeRequest.CurrentScenario("2x_normal", 45.0, "high"), execute);
    }

    private static OptimizeResponse optimize(CapacityWorld w, OptimizeRequest request) {
        OptimizeResponse r = new CapacityPlanner(w.ctx()).handle(request);
        assertThat(CapacityNumberCheck.unmatched(r)).as("numbers missing from the evidence").isEmpty();
        return r;
    }

    private static CapacityWorld normalLoad(long seed) {
        CapacityWorld w = CapacityWorld.runbook(seed);
        w.withHistory(w.flat(400, 240));
        return w;
    }

    @Test
    void theRunbookBodyPutsTheStandbyToWorkWithinBudget() {
        CapacityWorld w = normalLoad(11);
        OptimizeResponse r = optimize(w, runbook(12.50, false));
        OptimizeResponse.Plan plan = r.plan();
        assertThat(plan.feasible()).isTrue();
        assertThat(plan.expectedRps()).isCloseTo(800, within(16.0));
        assertThat(plan.replicas().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(4);
        assertThat(plan.splitPercent().get("green")).as("green carries traffic").isPositive();
        assertThat((double) plan.predicted().get("cost_per_hour")).isLessThanOrEqualTo(12.50).isCloseTo(10.90,
                within(0.01));
        assertThat((double) plan.predicted().get("p95_ms")).isLessThanOrEqualTo(100);
        assertThat((double) plan.predicted().get("availability")).isGreaterThanOrEqualTo(0.999);
        assertThat(plan.podFailureProbability()).containsEntry("blue", PlanInputs.DEFAULT_POD_FAILURE);
        OptimizeResponse.Analysis a = r.optimizationAnalysis();
        assertThat(a.currentState()).containsEntry("blue", "2 replicas, handling 100% traffic")
                .containsEntry("green", "1 replica, standby").containsEntry("cost", "$8.18/hour");
        assertThat(a.loadPrediction().requiredCapacity()).isEqualTo("4 replicas total at 50% CPU");
        assertThat(a.loadPrediction().peakCpu()).isEqualTo("~40% per pod");
        assertThat(a.predictedOutcomes().cost()).isEqualTo("$10.90/hr (budget: $12.50/hr)");
        assertThat(a.predictedOutcomes().responseTime()).endsWith("(target: <100ms)");
        assertThat(a.optimizationStrategy()).isNotEmpty()
                .last().asString().contains("$12.50/hr budget for 45 minutes");
        assertThat(r.actions()).isEmpty();
        assertThat(w.cluster.actions).isEmpty();
        assertThat(r.execution()).startsWith("Not executed");
        Episode e = w.episodes.ofKind("optimize").get(0);
        assertThat(e.predicted()).containsOnlyKeys("p95_ms", "cost_per_hour");
        assertThat(e.dueAt()).isEqualTo(CapacityWorld.START.plusSeconds(45 * 60));
        assertThat(w.episodes.ofKind("observation")).hasSize(1);
    }

    @Test
    void anInfeasibleBudgetNamesTheBindingConstraintAndTheCheapestRelaxation() {
        CapacityWorld w = normalLoad(12);
        OptimizeResponse r = optimize(w, runbook(5.00, true));
        OptimizeResponse.Plan plan = r.plan();
        assertThat(plan.feasible()).isFalse();
        assertThat(plan.binding()).containsExactly("budget");
        assertThat(plan.relaxation()).containsEntry("constraint", "budget");
        assertThat((double) plan.relaxation().get("required_limit")).isCloseTo(4 * 2.725, within(1e-9));
        assertThat(r.optimizationAnalysis().optimizationStrategy()).contains(
                "Cheapest single relaxation: raise the budget from $5.00/hr to $10.90/hr (+118%)");
        assertThat(r.optimizationAnalysis().predictedOutcomes().cost())
                .isEqualTo("$10.90/hr with the relaxation (budget: $5.00/hr)");
        assertThat(r.execution()).isEqualTo("Not executed: no plan meets every constraint");
        assertThat(w.cluster.actions).isEmpty();
        assertThat(w.episodes.ofKind("optimize")).isEmpty();
    }

    @Test
    void executeScalesFirstThenSplitsOnceThePodsAreReadyAndAnalyzeFinishes() {
        CapacityWorld w = normalLoad(13);
        OptimizeResponse r = optimize(w, runbook(12.50, true));
        Map<String, Integer> replicas = r.plan().replicas();
        Map<String, Integer> split = r.plan().splitPercent();
        assertThat(w.cluster.actions).allMatch(a -> a.startsWith("scale ")).isNotEmpty();
        assertThat(r.execution()).contains("the split waits for").contains("later /analyze calls continue");

        // the new pods start; the next autoscaler query sees them ready and sets the split
        w.cluster.settle();
        w.cluster.advance(w.noisy(400));
        AnalyzeResponse next = new LoadAnalyzer(w.ctx()).handle(LoadAnalyzerTest.ask(true));
        assertThat(CapacityNumberCheck.unmatched(next)).isEmpty();
        String splitAction = String.format(Locale.ROOT, "split blue=%d,green=%d", split.get("blue"),
                split.get("green"));
        assertThat(w.cluster.actions).contains(splitAction);
        int splitAt = w.cluster.actions.indexOf(splitAction);
        assertThat(w.cluster.actions.subList(0, splitAt)).allMatch(a -> a.startsWith("scale "));
        assertThat(next.reasoning()).contains("A standing plan from /optimize is in force");
        for (int q = 0; q < 4; q++) {
            w.cluster.settle();
            w.cluster.advance(w.noisy(400));
            new LoadAnalyzer(w.ctx()).handle(LoadAnalyzerTest.ask(true));
        }
        assertThat(w.cluster.blue.spec).isEqualTo(replicas.get("blue"));
        assertThat(w.cluster.green.spec).isEqualTo(replicas.get("green"));
        StandingPlan plan = w.state.get(StandingPlan.Holder.class, StandingPlan.Holder::new).get();
        assertThat(plan.complete()).isTrue();
        assertThat(w.state.lastMoveAwayFrom()).isEqualTo("blue");
    }

    @Test
    void aDegradedColourIsMadeUnattractiveByItsOwnMeasurements() {
        // blue delays a fifth of its requests by ~700 ms: p95 <= 100 ms allows it at most a quarter of the traffic
        CapacityWorld w = normalLoad(14);
        w.cluster.blue.latency = CapacityCluster.slowLatency(0.2);
        OptimizeResponse r = optimize(w, new OptimizeRequest("multi_objective",
                new OptimizeRequest.Constraints(100.0, 1.0, 99.9, null),
                new OptimizeRequest.CurrentScenario("1x_normal", null, null), false));
        assertThat(r.plan().feasible()).isTrue();
        assertThat(r.plan().splitPercent().get("blue")).isLessThanOrEqualTo(25);
        assertThat((double) r.plan().predicted().get("p95_ms")).isLessThanOrEqualTo(100);
        assertThat(r.evidence().models()).anyMatch(m -> m.model().equals("colour-quality [blue]")
                && m.outputs().get("slow_fraction") > 0.19);
        assertThat(r.optimizationAnalysis().predictedOutcomes().cost()).endsWith("(no budget given)");
    }

    @Test
    void crashLoopingPodsRaiseTheAssumedFailureProbability() {
        CapacityWorld w = normalLoad(15);
        w.cluster.green.crashLooping = true;
        w.cluster.green.restartsPerPod = 12;
        w.cluster.settle();
        OptimizeResponse r = optimize(w, runbook(30.0, false));
        assertThat(r.plan().podFailureProbability().get("green")).isEqualTo(1.0);
        assertThat(r.plan().splitPercent().get("green")).isZero();
    }

    @Test
    void aFailingMetricsSourceGivesALabelledPartialAnswer() {
        CapacityWorld w = normalLoad(16);
        w.cluster.failMetrics = true;
        OptimizeResponse r = optimize(w, runbook(12.50, true));
        assertThat(r.plan().feasible()).isFalse();
        assertThat(r.evidence().partial()).isTrue();
        assertThat(r.evidence().missingData()).anyMatch(m -> m.startsWith("metrics-server: unavailable"));
        assertThat(r.optimizationAnalysis().optimizationStrategy().get(0)).startsWith("insufficient data");
        assertThat(w.cluster.actions).isEmpty();

        CapacityWorld noProm = normalLoad(17);
        noProm.cluster.failScrapes = true;
        OptimizeResponse partial = optimize(noProm, runbook(12.50, false));
        assertThat(partial.execution()).isEqualTo("Not executed: insufficient data");
        assertThat(partial.evidence().missingData()).anyMatch(m -> m.startsWith("prometheus: unavailable"));
    }

    @Test
    void oneOptimizeWithAnHourOfHistoryIsTimed() {
        CapacityWorld w = normalLoad(18);
        long t0 = System.nanoTime();
        OptimizeResponse r = new CapacityPlanner(w.ctx()).handle(runbook(12.50, false));
        double cold = (System.nanoTime() - t0) / 1e6;
        double[] warm = new double[20];
        for (int i = 0; i < warm.length; i++) {
            long t = System.nanoTime();
            new CapacityPlanner(w.ctx()).handle(runbook(12.50, false));
            warm[i] = (System.nanoTime() - t) / 1e6;
        }
        System.out.printf(Locale.ROOT, "optimize, 240 points of history, %d plans: first call %.1f ms, then median"
                + " %.1f ms%n", 21 * 21 * 21, cold, LoadAnalyzerTest.median(warm));
        assertThat(r.plan().feasible()).isTrue();
    }
}
