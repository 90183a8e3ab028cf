package dev.failoverlab.agent.analytics.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.failoverlab.agent.analytics.capacity.ErlangC;
import dev.failoverlab.agent.analytics.capacity.PodAvailability;
import dev.failoverlab.agent.analytics.capacity.QueueMetrics;
import java.util.Locale;
import org.junit.jupiter.api.Test;

final class PlanSearchTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    private static ColourModel colour(String name, double mu, double cost, double fail, double err, double slow,
            int min, int max) {
        return new ColourModel(name, mu, cost, fail, err, slow, min, max);
    }

    /** Blue only (green may not have pods): lambda 100, mu 60 per pod, 1 per replica-hour. */
    private static PlanProblem blueOnly(Constraints c, double podFailure) {
        return PlanProblem.of(colour("blue", 60, 1, podFailure, 0, 0, 0, 20), colour("green", 60, 1, 0, 0, 0, 0, 0),
                100, c);
    }

    @Test
    void latencyAloneNeedsThreePods() {
        // by hand (Erlang C, sojourn-time inversion): 2 pods give p95 = 156.2 ms, 3 pods 57.9 ms
        PlanResult r = PlanSearch.solve(blueOnly(new Constraints(0.060, 1, 0, INF), 0.01));
        assertThat(r.feasible()).isTrue();
        assertThat(r.best().replicas(0)).isEqualTo(3);
        assertThat(r.best().secondShare()).isZero();
        assertThat(r.best().latencySeconds()).isCloseTo(0.0579386, within(1e-6));
        assertThat(r.best().costPerHour()).isEqualTo(3);
        assertThat(r.binding()).containsExactly(Constraint.LATENCY);
        assertThat(r.runnersUp()).isNotEmpty().allMatch(p -> p.costPerHour() >= 3);
        assertThat(r.evidence().output("blue.replicas")).isEqualTo(3);
    }

    @Test
    void availabilityTargetAddsASparePod() {
        // 2 pods must be up for a stable queue; pod down 5 %: 3 pods give 0.99275, 4 pods 0.99952
        PlanResult r = PlanSearch.solve(blueOnly(new Constraints(0.060, 1, 0.999, INF), 0.05));
        assertThat(r.best().replicas(0)).isEqualTo(4);
        assertThat(r.best().availability()).isCloseTo(1 - (Math.pow(0.05, 4) + 4 * 0.95 * Math.pow(0.05, 3)),
                within(1e-12));
        assertThat(r.binding()).containsExactly(Constraint.AVAILABILITY);
    }

    @Test
    void infeasibleBudgetReportsTheCheapestRelaxation() {
        PlanResult r = PlanSearch.solve(blueOnly(new Constraints(0.060, 1, 0, 2.0), 0.01));
        assertThat(r.feasible()).isFalse();
        assertThat(r.best()).isNull();
        Relaxation cheapest = r.cheapestRelaxation();
        assertThat(cheapest.constraint()).isEqualTo(Constraint.BUDGET);
        assertThat(cheapest.requiredLimit()).isEqualTo(3.0);
        assertThat(cheapest.relativeChange()).isCloseTo(0.5, within(1e-12));
        assertThat(cheapest.plan().replicas(0)).isEqualTo(3);
        Relaxation latency = r.relaxations().get(Constraint.LATENCY.ordinal());
        assertThat(latency.sufficient()).isTrue();
        assertThat(latency.requiredLimit()).isCloseTo(0.1561667, within(1e-6)); // p95 with the 2 affordable pods
        assertThat(r.relaxations().get(Constraint.ERROR_RATE.ordinal()).sufficient()).isFalse();
        assertThat(r.binding()).containsExactly(Constraint.LATENCY, Constraint.BUDGET);
        assertThat(r.evidence().notes()).anyMatch(n -> n.contains("cheapest single relaxation: BUDGET"));
    }

    @Test
    void noSingleRelaxationHelpsWhenBlueIsSlowAndGreenHasNoPods() {
        // a fifth of blue's requests are slow whatever the capacity, so p95 is unbounded
        PlanProblem p = PlanProblem.of(colour("blue", 60, 1, 0.01, 0, 0.2, 1, 20), colour("green", 60, 1, 0, 0, 0, 0,
                0), 100, new Constraints(0.1, 1, 0, INF));
        PlanResult r = PlanSearch.solve(p);
        assertThat(r.feasible()).isFalse();
        assertThat(r.cheapestRelaxation()).isNull();
        assertThat(r.evidence().notes()).anyMatch(n -> n.contains("at least two constraints"));
    }

    @Test
    void errorBudgetShiftsTrafficToGreenAndMatchesABruteForceCheck() {
        // blue fails 5 % of requests, green none: error <= 1 % needs green share >= 80 %
        ColourModel blue = colour("blue", 60, 1, 0.01, 0.05, 0, 1, 12);
        ColourModel green = colour("green", 60, 1.2, 0.01, 0.0, 0, 0, 12);
        Constraints c = new Constraints(0.060, 0.01, 0.99, INF);
        PlanProblem p = new PlanProblem(blue, green, 200, c, 0.95, 5, 3);
        PlanResult r = PlanSearch.solve(p);
        assertThat(r.feasible()).isTrue();
        assertThat(r.best().secondShare()).isGreaterThanOrEqualTo(0.8 - 1e-12);
        assertThat(r.best().errorRate()).isLessThanOrEqualTo(0.01 + 1e-12);
        double bruteForce = cheapestByBruteForce(p);
        assertThat(r.best().costPerHour()).isCloseTo(bruteForce, within(1e-9));
        assertThat(r.binding()).contains(Constraint.ERROR_RATE);
    }

    /** Independent re-implementation with QueueMetrics objects, share by share. */
    private static double cheapestByBruteForce(PlanProblem p) {
        double best = INF;
        Constraints c = p.constraints();
        for (int r1 = p.first().minReplicas(); r1 <= p.first().maxReplicas(); r1++) {
            for (int r2 = p.second().minReplicas(); r2 <= p.second().maxReplicas(); r2++) {
                for (int pct = 0; pct <= 100; pct += p.splitStepPercent()) {
                    double s2 = pct / 100.0;
                    double[] shares = {1 - s2, s2};
                    int[] replicas = {r1, r2};
                    ColourModel[] m = {p.first(), p.second()};
                    double slow = 0;
                    double err = 0;
                    double avail = 0;
                    boolean ok = true;
                    for (int k = 0; k < 2 && ok; k++) {
                        double lambda = shares[k] * p.arrivalRate();
                        if (lambda == 0) {
                            avail += shares[k];
                            continue;
                        }
                        if (replicas[k] == 0 || lambda >= replicas[k] * m[k].serviceRatePerPod()) {
                            ok = false;
                            break;
                        }
                        QueueMetrics q = ErlangC.metrics(lambda, m[k].serviceRatePerPod(), replicas[k]);
                        slow += shares[k] * q.responseExceedance(c.maxLatencySeconds());
                        err += shares[k] * m[k].errorRate();
                        int needed = (int) Math.floor(lambda / m[k].serviceRatePerPod()) + 1;
                        avail += shares[k] * PodAvailability.atLeast(needed, replicas[k],
                                m[k].podFailureProbability()).availability();
                    }
                    double cost = r1 * p.first().costPerReplicaHour() + r2 * p.second().costPerReplicaHour();
                    if (ok && slow <= 0.05 && err <= c.maxErrorRate() + 1e-12 && avail >= c.minAvailability()
                            && cost <= c.maxCostPerHour()) {
                        best = Math.min(best, cost);
                    }
                }
            }
        }
        return best;
    }

    @Test
    void searchOfTwentyReplicasPerColourIsFast() {
        // the runbook's scenario: 800 req/s expected, 8 ms CPU per request on 500m pods -> 62.5 req/s per pod
        ColourModel blue = colour("blue", 62.5, 0.70, 0.01, 0.003, 0.0, 0, 20);
        ColourModel green = colour("green", 62.5, 0.70, 0.01, 0.0, 0.0, 0, 20);
        PlanProblem p = PlanProblem.of(blue, green, 800, new Constraints(0.100, 0.01, 0.999, 12.5));
        PlanResult r = null;
        for (int i = 0; i < 300; i++) {
            r = PlanSearch.solve(p); // warm-up
        }
        int runs = 200;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            r = PlanSearch.solve(p);
        }
        double ms = (System.nanoTime() - start) / 1e6 / runs;
        System.out.printf(Locale.ROOT, "plan search, 21 x 21 replicas x 21 splits = %d plans: %.3f ms per solve"
                + " (mean of %d after warm-up); best %s, cost %.2f/h, p95 %.1f ms%n", r.plansEvaluated(), ms, runs,
                r.best().allocations(), r.best().costPerHour(), r.best().latencySeconds() * 1000);
        assertThat(r.plansEvaluated()).isEqualTo(21 * 21 * 21);
        assertThat(r.feasible()).isTrue();
        assertThat(r.best().latencySeconds()).isLessThanOrEqualTo(0.100);
    }

    @Test
    void utilisationCapAddsPodsTheAutoscalerWouldOtherwiseAdd() {
        // 800 req/s at 500 req/s per pod: stability alone needs 2 pods, a 50 % CPU cap needs 4 (400 + 400 at 40 %)
        ColourModel blue = colour("blue", 500, 1, 0.001, 0, 0, 1, 20);
        ColourModel green = colour("green", 500, 1, 0.001, 0, 0, 1, 20);
        Constraints c = new Constraints(0.100, 0.01, 0.999, INF);
        PlanResult free = PlanSearch.solve(new PlanProblem(blue, green, 800, c, 0.95, 5, 3));
        PlanResult capped = PlanSearch.solve(new PlanProblem(blue, green, 800, c, 0.95, 5, 3, 0.5));
        assertThat(free.best().replicas(0) + free.best().replicas(1)).isEqualTo(2);
        assertThat(capped.best().replicas(0) + capped.best().replicas(1)).isEqualTo(4);
        assertThat(capped.best().allocations()).allMatch(a -> a.utilisation() <= 0.5 + 1e-12);
        assertThat(capped.evidence().parameter("max_utilisation")).isEqualTo(0.5);
    }
}
