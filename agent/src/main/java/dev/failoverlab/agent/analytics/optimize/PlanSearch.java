package dev.failoverlab.agent.analytics.optimize;

import dev.failoverlab.agent.analytics.ModelEvidence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Exhaustive search over replicas per colour and the traffic split for the cheapest plan meeting all constraints.
 * At these sizes (0-20 replicas per colour, 21 split steps: 9,261 plans) enumeration is both exact and fast, and
 * unlike a solver it also yields what a reader wants next: the runners-up, which constraints actually bind (drop
 * one, re-solve, see whether the cost falls), and, when nothing is feasible, for each constraint the smallest
 * relaxation that admits a plan with the others kept, ranked by relative size (limit ratio, or unavailability
 * ratio for the availability target).
 *
 * <p>Model assumptions, repeated in the evidence: each colour is an M/M/r queue on its share of the Poisson load
 * (pods pooled behind the Service); requests in a colour's slow fraction miss any latency target; a colour is
 * available when enough pods are up to keep its queue stable, pods failing independently; ties on cost go to the
 * plan with fewer slow requests, then fewer errors, then higher availability.
 */
public final class PlanSearch {

    private PlanSearch() {
    }

    /** Solves {@code problem}. */
    public static PlanResult solve(PlanProblem problem) {
        PlanTable table = new PlanTable(problem);
        Constraints limits = problem.constraints();
        // one pass: the optimum, and the optimum with each constraint dropped (for "binding")
        Constraint[] all = Constraint.values();
        int best = -1;
        int[] bestWithout = new int[all.length];
        Arrays.fill(bestWithout, -1);
        int feasibleCount = 0;
        int[] masks = new int[table.size];
        for (int idx = 0; idx < table.size; idx++) {
            int mask = table.violations(idx, limits);
            masks[idx] = mask;
            if (mask < 0) {
                continue;
            }
            if (mask == 0) {
                feasibleCount++;
                if (best < 0 || table.before(idx, best)) {
                    best = idx;
                }
            }
            for (Constraint c : all) {
                int k = c.ordinal();
                if ((mask & ~PlanTable.bit(c)) == 0 && (bestWithout[k] < 0 || table.before(idx, bestWithout[k]))) {
                    bestWithout[k] = idx;
                }
            }
        }
        ModelEvidence.Builder ev = evidenceOf(problem).output("plans_evaluated", table.size)
                .output("feasible_plans", feasibleCount);
        if (best >= 0) {
            List<Constraint> binding = new ArrayList<>();
            for (Constraint c : all) {
                if (table.cost[bestWithout[c.ordinal()]] < table.cost[best] - 1e-9) {
                    binding.add(c);
                }
            }
            PlanOutcome outcome = table.outcome(best);
            describe(ev, outcome);
            ev.output("feasible", 1).note("binding constraints (dropping one would lower the cost): "
                    + (binding.isEmpty() ? "none, the cheapest valid plan already meets all" : binding));
            return new PlanResult(true, outcome, runnersUp(table, masks, best), binding, List.of(), null,
                    table.size, feasibleCount, ev.build());
        }
        List<Relaxation> relaxations = new ArrayList<>();
        Relaxation cheapest = null;
        for (Constraint c : all) {
            Relaxation r = relax(table, masks, limits, c);
            relaxations.add(r);
            ev.output("required_" + c.name().toLowerCase(Locale.ROOT), r.requiredLimit());
            if (!r.sufficient()) {
                ev.note("relaxing " + c + " alone admits no plan (required_" + c.name().toLowerCase(Locale.ROOT)
                        + " is NaN)");
            }
            if (r.sufficient() && (cheapest == null || r.relativeChange() < cheapest.relativeChange())) {
                cheapest = r;
            }
        }
        List<Constraint> binding = relaxations.stream().filter(Relaxation::sufficient).map(Relaxation::constraint)
                .toList();
        ev.output("feasible", 0);
        if (cheapest == null) {
            ev.note("no single relaxation admits a plan: at least two constraints must be relaxed, or the replica"
                    + " limits raised");
        } else {
            ev.note(String.format(Locale.ROOT, "infeasible; cheapest single relaxation: %s from %.6g to %.6g"
                    + " (relative change %.3g)", cheapest.constraint(), cheapest.currentLimit(),
                    cheapest.requiredLimit(), cheapest.relativeChange()));
        }
        return new PlanResult(false, null, List.of(), binding, relaxations, cheapest, table.size, 0, ev.build());
    }

    /** Index of the best plan meeting every constraint of {@code limits}, or -1. */
    private static int bestIndex(PlanTable t, Constraints limits) {
        int best = -1;
        for (int idx = 0; idx < t.size; idx++) {
            if (t.violations(idx, limits) == 0 && (best < 0 || t.before(idx, best))) {
                best = idx;
            }
        }
        return best;
    }

    private static List<PlanOutcome> runnersUp(PlanTable t, int[] masks, int best) {
        List<Integer> perPair = new ArrayList<>();
        for (int i = 0; i < t.count1; i++) {
            for (int j = 0; j < t.count2; j++) {
                int pairBest = -1;
                for (int s = 0; s < t.splits; s++) {
                    int idx = t.index(i, j, s);
                    if (masks[idx] == 0 && (pairBest < 0 || t.before(idx, pairBest))) {
                        pairBest = idx;
                    }
                }
                boolean bestPair = i == t.firstOffset(best) && j == t.secondOffset(best);
                if (pairBest >= 0 && !bestPair) {
                    perPair.add(pairBest);
                }
            }
        }
        perPair.sort((a, b) -> a.equals(b) ? 0 : t.before(a, b) ? -1 : 1);
        return perPair.stream().limit(t.problem.runnersUp()).map(t::outcome).toList();
    }

    /** The least relaxation of {@code c} that admits a plan meeting the other three constraints. */
    private static Relaxation relax(PlanTable t, int[] masks, Constraints limits, Constraint c) {
        double tail = 1 - t.problem.latencyQuantile();
        double required = c == Constraint.AVAILABILITY ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (int idx = 0; idx < t.size; idx++) {
            if (masks[idx] < 0 || (masks[idx] & ~PlanTable.bit(c)) != 0) {
                continue;
            }
            switch (c) {
                case LATENCY -> {
                    // prune: a plan whose tail at the current best is too heavy has a larger quantile
                    if (required == Double.POSITIVE_INFINITY || t.exceedanceAt(idx, required) <= tail) {
                        required = Math.min(required, t.latency(idx));
                    }
                }
                case ERROR_RATE -> required = Math.min(required, t.error[idx]);
                case AVAILABILITY -> required = Math.max(required, t.availability[idx]);
                case BUDGET -> required = Math.min(required, t.cost[idx]);
            }
        }
        double current = limits.limit(c);
        if (Double.isInfinite(required)) {
            return new Relaxation(c, current, Double.NaN, Double.POSITIVE_INFINITY, false, null);
        }
        double slack = c == Constraint.AVAILABILITY ? -1e-12 : Math.max(1e-12, Math.abs(required) * 1e-9);
        int idx = bestIndex(t, limits.with(c, required + slack));
        if (idx < 0) {
            return new Relaxation(c, current, required, Double.POSITIVE_INFINITY, false, null);
        }
        double change = switch (c) {
            case AVAILABILITY -> current < 1 ? (1 - required) / (1 - current) - 1 : Double.POSITIVE_INFINITY;
            default -> current > 0 ? required / current - 1 : Double.POSITIVE_INFINITY;
        };
        return new Relaxation(c, current, required, change, true, t.outcome(idx));
    }

    private static ModelEvidence.Builder evidenceOf(PlanProblem p) {
        ModelEvidence.Builder ev = ModelEvidence.of("plan-search(exhaustive, erlang-c per colour)")
                .param("arrival_rate", p.arrivalRate()).param("latency_quantile", p.latencyQuantile())
                .param("split_step_percent", p.splitStepPercent())
                .param("max_utilisation", p.maxUtilisation())
                .param("max_latency_seconds", p.constraints().maxLatencySeconds())
                .param("max_error_rate", p.constraints().maxErrorRate())
                .param("min_availability", p.constraints().minAvailability())
                .param("max_cost_per_hour", p.constraints().maxCostPerHour());
        for (ColourModel m : p.colours()) {
            String n = m.name() + ".";
            ev.param(n + "service_rate_per_pod", m.serviceRatePerPod())
                    .param(n + "cost_per_replica_hour", m.costPerReplicaHour())
                    .param(n + "pod_failure_probability", m.podFailureProbability())
                    .param(n + "error_rate", m.errorRate()).param(n + "slow_fraction", m.slowFraction())
                    .param(n + "min_replicas", m.minReplicas()).param(n + "max_replicas", m.maxReplicas());
        }
        if (p.maxUtilisation() < 1) {
            ev.note("a colour's pods may run at most at max_utilisation of their capacity (autoscaler headroom)");
        }
        return ev.note("each colour is an M/M/r queue on its traffic share; slow-fraction requests miss any latency"
                + " target; availability = traffic-weighted P(enough pods up for a stable queue), independent pod"
                + " failures; error rate = traffic-weighted measured error rates");
    }

    private static void describe(ModelEvidence.Builder ev, PlanOutcome o) {
        for (ColourAllocation a : o.allocations()) {
            ev.output(a.colour() + ".replicas", a.replicas()).output(a.colour() + ".share", a.share())
                    .output(a.colour() + ".utilisation", a.utilisation());
        }
        ev.output("latency_seconds", o.latencySeconds()).output("latency_exceedance", o.latencyExceedance())
                .output("error_rate", o.errorRate()).output("availability", o.availability())
                .output("cost_per_hour", o.costPerHour());
    }
}
