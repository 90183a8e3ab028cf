package dev.failoverlab.agent.brain.capacity;

import dev.failoverlab.agent.config.GuardConfig;
import dev.failoverlab.agent.evidence.Evidence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The autoscaling decision per colour, HPA-like where the HPA is right and ahead of it where a forecast can be:
 * scale up at once when CPU is above target; scale up ahead when the probability of crossing the target within the
 * horizon reaches the rule's threshold and the forecast's upper bound within the lead time needs more pods; scale
 * down only to the highest recommendation of the 300 s stabilisation window ({@link ScaleMemory}). Floors: one
 * ready pod for the standby and for a serving colour, or a standing plan's replicas; ceilings: the guard's replica
 * limit and a standing budget, which caps the autoscaler's increases (not the plan's own hand-over steps). Every
 * move is at most the guard's step; a bigger jump is split over queries.
 */
final class ScaleDecider {

    /** Why a colour moves or holds; {@code HOLD_EARLY}: a crossing is likely, but not within a pod's lead time. */
    enum Kind { UP_NOW, UP_AHEAD, UP_CONTINUE, UP_FLOOR, PLAN, DOWN, HOLD_WINDOW, HOLD_UNLIKELY, HOLD_EARLY, HOLD,
        HOLD_UNKNOWN }

    /**
     * One colour's decision.
     *
     * @param to           replicas to set ({@code == need.spec()} for a hold)
     * @param recommended  replicas recommended before stabilisation, step and budget
     * @param stabilised   highest recommendation of the stabilisation window
     * @param stepLimited  the guard's step cut the move short (the next query continues)
     * @param budgetCapped the standing budget cut an increase
     * @param secondsBelow how long the recommendations have been below the current replicas
     */
    record Decision(ColourNeed need, int to, Kind kind, int recommended, int stabilised, boolean stepLimited,
            boolean budgetCapped, double secondsBelow) {

        boolean moves() {
            return to != need.spec();
        }

        Decision withTo(int newTo, boolean capped) {
            return new Decision(need, newTo, newTo == need.spec() && kind != Kind.HOLD_UNKNOWN ? Kind.HOLD : kind,
                    recommended, stabilised, stepLimited, capped, secondsBelow);
        }
    }

    private ScaleDecider() {
    }

    /**
     * @param triggered   P(CPU above target within the horizon) reached the rule's threshold
     * @param plan        the standing plan in force, or null
     * @param planTargets the plan's hand-over targets this query (plan in progress), or an empty map
     */
    static List<Decision> decide(List<ColourNeed> needs, boolean triggered, StandingPlan plan,
            Map<String, Integer> planTargets, ScaleMemory memory, Instant now, GuardConfig guard, Evidence evidence) {
        List<Decision> out = new ArrayList<>();
        for (ColourNeed n : needs) {
            out.add(one(n, triggered, plan, planTargets.get(n.colour()), memory, now, guard, evidence));
        }
        if (plan != null && plan.budgetPerHour() != null) {
            out = capToBudget(out, plan, planTargets, evidence);
        }
        return out;
    }

    private static Decision one(ColourNeed n, boolean triggered, StandingPlan plan, Integer planTarget,
            ScaleMemory memory, Instant now, GuardConfig guard, Evidence evidence) {
        int spec = n.spec();
        int floor = plan != null ? plan.replicas(n.colour()) : 1;
        if (n.serving()) {
            floor = Math.max(floor, 1);
        }
        int cap = guard.maxReplicas();
        int rec;
        int stabilised = spec;
        Kind kind;
        int to;
        double below = 0;
        if (!n.known()) {
            rec = Math.max(spec, floor);
            kind = spec < floor ? Kind.UP_FLOOR : Kind.HOLD_UNKNOWN;
            to = Math.min(cap, rec);
        } else {
            rec = Math.min(cap, Math.max(n.required(), floor));
            stabilised = memory.recordAndStabilise(n.colour(), now, spec, rec);
            int pending = memory.pendingUp(n.colour(), now);
            boolean continuing = rec > spec && pending > spec && !n.overTarget() && !triggered;
            boolean wantUp = rec > spec && (n.overTarget() || triggered || continuing);
            if (planTarget != null) {
                kind = planTarget != spec ? Kind.PLAN : Kind.HOLD;
                to = planTarget;
                if (wantUp && rec > to) {
                    to = rec;
                    kind = n.overTarget() ? Kind.UP_NOW : Kind.UP_AHEAD;
                }
            } else if (rec > spec) {
                kind = n.overTarget() ? Kind.UP_NOW : triggered ? Kind.UP_AHEAD : continuing ? Kind.UP_CONTINUE
                        : spec < floor ? Kind.UP_FLOOR : Kind.HOLD_UNLIKELY;
                to = switch (kind) {
                    case UP_FLOOR -> Math.min(cap, floor);
                    case HOLD_UNLIKELY -> spec;
                    case UP_CONTINUE -> Math.min(rec, pending);
                    default -> rec;
                };
            } else if (stabilised < spec) {
                kind = Kind.DOWN;
                to = Math.max(stabilised, floor);
            } else if (rec < spec) {
                kind = Kind.HOLD_WINDOW;
                to = spec;
                below = memory.secondsBelow(n.colour(), now, spec);
            } else {
                kind = triggered && n.serving() ? Kind.HOLD_EARLY : Kind.HOLD;
                to = spec;
            }
        }
        int step = guard.maxScaleStep();
        int limited = Math.max(spec - step, Math.min(spec + step, to));
        if (n.known()) {
            memory.pendingUp(n.colour(), now, limited < to ? Integer.valueOf(to) : null);
        }
        var m = evidence.model("scale-decision [" + n.colour() + "]").parameter("floor_replicas", floor)
                .parameter("max_replicas", cap).parameter("max_scale_step", step)
                .output("recommended_replicas", rec).output("stabilised_replicas", stabilised);
        if (below > 0) {
            m.output("seconds_below_current", below);
        }
        m.output("target_replicas", limited).add();
        return new Decision(n, limited, kind, rec, stabilised, limited != to, false, below);
    }

    /**
     * Caps the autoscaler's increases so the replicas after this query cost at most the standing budget; the
     * plan's own targets are committed first (the plan is within budget once its hand-over ends), then colours
     * with more traffic get the remaining budget first.
     */
    private static List<Decision> capToBudget(List<Decision> decisions, StandingPlan plan,
            Map<String, Integer> planTargets, Evidence evidence) {
        double budget = plan.budgetPerHour();
        double remaining = budget;
        int[] committed = new int[decisions.size()];
        for (int i = 0; i < decisions.size(); i++) {
            Decision d = decisions.get(i);
            int base = Math.max(d.need().spec(), planTargets.getOrDefault(d.need().colour(), 0));
            committed[i] = Math.min(d.to(), base);
            remaining -= committed[i] * price(plan, d);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < decisions.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -decisions.get(i).need().share()));
        List<Decision> out = new ArrayList<>(decisions);
        var m = evidence.model("budget-cap(standing plan)").parameter("budget_per_hour", budget);
        double cost = budget - remaining;
        for (int i : order) {
            Decision d = decisions.get(i);
            int extra = d.to() - committed[i];
            if (extra <= 0) {
                continue;
            }
            double price = price(plan, d);
            int affordable = price > 0 ? (int) Math.floor(Math.max(0, remaining) / price + 1e-9) : extra;
            int granted = Math.min(extra, affordable);
            remaining -= granted * price;
            cost += granted * price;
            if (granted < extra) {
                out.set(i, d.withTo(committed[i] + granted, true));
                m.output(d.need().colour() + ".capped_replicas", committed[i] + granted);
            }
        }
        m.output("cost_per_hour_after", cost).add();
        return out;
    }

    private static double price(StandingPlan plan, Decision d) {
        return plan.pricePerReplicaHour().getOrDefault(d.need().colour(), 0.0);
    }
}
