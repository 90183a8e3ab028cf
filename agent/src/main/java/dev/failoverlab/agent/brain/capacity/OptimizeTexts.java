package dev.failoverlab.agent.brain.capacity;

import dev.failoverlab.agent.analytics.optimize.Constraint;
import dev.failoverlab.agent.analytics.optimize.PlanResult;
import dev.failoverlab.agent.analytics.optimize.Relaxation;
import dev.failoverlab.agent.evidence.Evidence;
import dev.failoverlab.agent.observe.ColorObservation;
import dev.failoverlab.agent.observe.ServiceObservation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The runbook's sentences of {@code /optimize}: the current state per colour, the strategy steps and the
 * predicted outcomes against their targets, or, when nothing is feasible, the binding constraints and the
 * cheapest relaxation. Derived numbers (cost deltas, relaxed limits in the request's units) are recorded as
 * model outputs before they are printed.
 */
final class OptimizeTexts {

    /** The request's limits in its own units, for the texts. */
    record Limits(double latencyMs, double errorPercent, double availabilityPercent, Double budget,
            Double durationMinutes) {
    }

    private OptimizeTexts() {
    }

    static Map<String, String> currentState(ServiceObservation obs, Map<String, Double> prices, Evidence ev) {
        Map<String, String> out = new LinkedHashMap<>();
        double cost = 0;
        for (ColorObservation c : obs.colors()) {
            double share = Double.isFinite(c.trafficShare()) ? c.trafficShare() : Double.NaN;
            String s = Fmt.replicas(c.specReplicas());
            if (c.readyReplicas() < c.specReplicas()) {
                s += " (" + c.readyReplicas() + " ready)";
            }
            if (Double.isNaN(share)) {
                s += ", traffic share unknown";
            } else if (share > 0) {
                s += ", handling " + Fmt.pct(share) + " traffic";
            } else if (c.specReplicas() > 0) {
                s += ", standby";
            }
            out.put(c.color(), s);
            cost += c.specReplicas() * prices.getOrDefault(c.color(), 0.0);
        }
        ev.model("current-cost(replicas x price)").output("cost_per_hour", cost).add();
        out.put("cost", Fmt.money(cost) + "/hour");
        return out;
    }

    /** The steps of a feasible plan: scale-ups, the split, scale-downs and keeps, then the hand-over. */
    static List<String> strategy(ServiceObservation obs, PlanPrediction plan, Map<String, Double> prices,
            Limits limits, Evidence ev) {
        List<String> ups = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        var delta = ev.model("cost-delta(plan - current)");
        for (ColorObservation c : obs.colors()) {
            int to = plan.replicas(c.color());
            int pct = plan.splitPercent().get(c.color());
            double d = (to - c.specReplicas()) * prices.getOrDefault(c.color(), 0.0);
            delta.output(c.color() + ".delta_per_hour", d);
            String load = pct > 0 ? "its " + pct + "% share at " + Fmt.pct(plan.cpuUtil().get(c.color()))
                    + " CPU per pod" : "no traffic";
            if (to > c.specReplicas()) {
                ups.add("Pre-scale " + c.color() + " to " + Fmt.replicas(to) + " (cost: +" + Fmt.money(d) + "/hr)");
            } else if (to < c.specReplicas()) {
                rest.add("Scale " + c.color() + " to " + Fmt.replicas(to) + " (adequate for " + load + "; saves "
                        + Fmt.money(-d) + "/hr)");
            } else {
                rest.add("Keep " + c.color() + " at " + Fmt.replicas(to) + (pct > 0 ? " (" + load + ")"
                        : " as a ready standby"));
            }
        }
        delta.add();
        List<String> out = new ArrayList<>(ups);
        boolean moves = obs.colors().stream().anyMatch(c -> !Double.isFinite(c.trafficShare())
                || Math.abs(c.trafficShare() * 100 - plan.splitPercent().get(c.color())) > 0.5);
        if (moves) {
            List<String> ready = new ArrayList<>();
            for (ColorObservation c : obs.colors()) {
                if (plan.splitPercent().get(c.color()) > 0 && plan.replicas(c.color()) > c.readyReplicas()) {
                    ready.add(c.color() + "'s " + Fmt.replicas(plan.replicas(c.color())));
                }
            }
            out.add("Traffic split " + AnalyzeTexts.splitText(plan.splitPercent())
                    + (ready.isEmpty() ? "" : " once " + String.join(" and ", ready) + " are ready"));
        } else {
            out.add("Keep the traffic split at " + AnalyzeTexts.splitText(plan.splitPercent()));
        }
        out.addAll(rest);
        String handOver = "Hand over to /analyze: it keeps scaling from the plan's replicas as floors";
        if (limits.budget() != null) {
            handOver += " within the " + Fmt.money(limits.budget()) + "/hr budget";
        }
        if (limits.durationMinutes() != null) {
            handOver += " for " + Fmt.trim(limits.durationMinutes()) + " minutes";
        }
        out.add(handOver);
        return out;
    }

    static OptimizeResponse.Outcomes outcomes(PlanPrediction p, Limits l, String qualifier) {
        String q = qualifier == null ? "" : " " + qualifier;
        return new OptimizeResponse.Outcomes(
                Fmt.ms(p.p95Ms()) + q + " (target: <" + Fmt.trim(l.latencyMs()) + "ms)",
                Fmt.pct(p.errorRate(), 1) + q + " (target: <" + Fmt.trim(l.errorPercent()) + "%)",
                Fmt.availability(p.availability()) + q + " (target: >" + Fmt.trim(l.availabilityPercent()) + "%)",
                Fmt.money(p.costPerHour()) + "/hr" + q + (l.budget() == null ? " (no budget given)"
                        : " (budget: " + Fmt.money(l.budget()) + "/hr)"));
    }

    static OptimizeResponse.Outcomes noOutcomes(Limits l) {
        String none = "no feasible plan";
        return new OptimizeResponse.Outcomes(none + " (target: <" + Fmt.trim(l.latencyMs()) + "ms)",
                none + " (target: <" + Fmt.trim(l.errorPercent()) + "%)",
                none + " (target: >" + Fmt.trim(l.availabilityPercent()) + "%)",
                none + (l.budget() == null ? "" : " (budget: " + Fmt.money(l.budget()) + "/hr)"));
    }

    /** Steps for an infeasible problem: what binds and the cheapest single relaxation, in the request's units. */
    static List<String> infeasible(PlanResult r, Limits l, double baseLatencyMs, int maxReplicas, Evidence ev) {
        List<String> out = new ArrayList<>();
        out.add("No plan with up to " + maxReplicas + " replicas per colour meets every constraint");
        if (!r.binding().isEmpty()) {
            out.add("Binding: " + String.join(", ", r.binding().stream().map(OptimizeTexts::name).toList())
                    + " (relaxing any one of these alone admits a plan)");
        }
        Relaxation c = r.cheapestRelaxation();
        if (c == null) {
            out.add("No single relaxation is enough: at least two constraints must change, or more replicas be"
                    + " allowed");
            return out;
        }
        double required = inRequestUnits(c.constraint(), c.requiredLimit(), baseLatencyMs);
        ev.model("cheapest-relaxation(request units)").parameter("current_limit",
                inRequestUnits(c.constraint(), c.currentLimit(), baseLatencyMs))
                .output("required_limit", required).output("relative_change", c.relativeChange()).add();
        String change = (c.relativeChange() >= 0 ? "+" : "-") + Fmt.pct(Math.abs(c.relativeChange()));
        out.add("Cheapest single relaxation: " + switch (c.constraint()) {
            case LATENCY -> "raise the p95 limit from " + Fmt.trim(l.latencyMs()) + "ms to " + Fmt.ms(required);
            case ERROR_RATE -> "raise the error-rate limit from " + Fmt.trim(l.errorPercent()) + "% to "
                    + Fmt.pct(required / 100, 2);
            case AVAILABILITY -> "lower the availability target from " + Fmt.trim(l.availabilityPercent()) + "% to "
                    + Fmt.availability(required / 100);
            case BUDGET -> "raise the budget from " + Fmt.money(l.budget()) + "/hr to " + Fmt.money(required) + "/hr";
        } + " (" + change + (c.constraint() == Constraint.AVAILABILITY ? " in unavailability)" : ")"));
        return out;
    }

    /** A PlanSearch limit in the request's units: ms (plus the non-CPU latency), percent, or dollars. */
    static double inRequestUnits(Constraint c, double limit, double baseLatencyMs) {
        return switch (c) {
            case LATENCY -> limit * 1000 + baseLatencyMs;
            case ERROR_RATE, AVAILABILITY -> limit * 100;
            case BUDGET -> limit;
        };
    }

    static String name(Constraint c) {
        return c.name().toLowerCase(Locale.ROOT);
    }
}
