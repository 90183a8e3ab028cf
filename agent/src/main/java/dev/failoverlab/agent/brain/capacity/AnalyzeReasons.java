package dev.failoverlab.agent.brain.capacity;

import dev.failoverlab.agent.evidence.Evidence;
import dev.failoverlab.agent.learn.Rules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code reasoning} of {@code /analyze}: why each colour is scaled or held, in the evidence's numbers. */
final class AnalyzeReasons {

    private AnalyzeReasons() {
    }

    /**
     * @param p            P(CPU above target within the horizon), NaN when unknown
     * @param leadSeconds  provisioning lead time the sizing covers
     */
    static String reasoning(List<ScaleDecider.Decision> decisions, double p, Rules rules, double target,
            double horizonMinutes, double leadSeconds, StandingPlan plan, PlanExecutor.Step step) {
        List<String> out = new ArrayList<>();
        for (ScaleDecider.Decision d : decisions) {
            String r = one(d, p, rules, target, horizonMinutes, leadSeconds);
            if (r != null) {
                out.add(r + (d.stepLimited() ? " (limited to the guard's step per query; the next query continues)"
                        : ""));
            }
        }
        if (step != null && step.waiting() != null) {
            out.add("Optimisation plan: " + step.waiting());
        }
        return out.isEmpty() ? "No colour could be assessed" : String.join(". ", out);
    }

    private static String one(ScaleDecider.Decision d, double p, Rules rules, double target, double horizonMinutes,
            double leadSeconds) {
        ColourNeed n = d.need();
        String c = n.colour();
        String budget = d.budgetCapped() ? "; capped at " + Fmt.replicas(d.to()) + " by the standing budget" : "";
        String bound = Fmt.pct(DemandForecast.LEVEL) + " upper bound";
        return switch (d.kind()) {
            case UP_NOW -> "CPU on " + c + " is " + Fmt.pct(n.cpuNow()) + ", above the " + Fmt.pct(target)
                    + " target: scaling now, as the HPA would, towards " + Fmt.replicas(d.recommended()) + budget;
            case UP_AHEAD -> "Prevents performance degradation rather than reacting to it: P(CPU above "
                    + Fmt.pct(target) + " within the next " + Fmt.whole(horizonMinutes) + " minutes) is " + Fmt.pct(p)
                    + ", at least the rule's " + Fmt.pct(rules.scaleAheadProbability()) + ", and at the forecast's "
                    + bound + " (" + Fmt.whole(n.demandUpper()) + " rps on " + c + " within the next "
                    + Fmt.whole(leadSeconds) + " s, the time a new pod needs to serve) " + c + " needs "
                    + Fmt.replicas(d.recommended()) + " to stay at or below " + Fmt.pct(target) + " CPU" + budget;
            case UP_CONTINUE -> "Continues the scale-up of " + c + " that the guard's step split over queries: its"
                    + " load still needs " + Fmt.replicas(d.recommended()) + budget;
            case UP_FLOOR -> n.serving() ? c + " carries traffic, so it keeps at least " + Fmt.replicas(d.to()) + budget
                    : c + " keeps " + Fmt.replicas(d.to()) + " ready as a standby, so a failover has somewhere to go"
                    + budget;
            case PLAN -> "The standing optimisation plan moves " + c + " to " + Fmt.replicas(d.to());
            case DOWN -> c + " needed at most " + Fmt.replicas(d.stabilised()) + " over the whole "
                    + Fmt.whole(ScaleMemory.WINDOW.toSeconds()) + " s stabilisation window";
            case HOLD_WINDOW -> c + " needs " + Fmt.replicas(d.recommended()) + " now but needed more within the last "
                    + Fmt.whole(ScaleMemory.WINDOW.toSeconds()) + " s (lower for " + Fmt.whole(d.secondsBelow())
                    + " s so far); like the HPA, it scales down once the window has passed";
            case HOLD_UNLIKELY -> p >= rules.scaleAheadProbability()
                    // the decider never scales ahead on the wide band of a too-short history (it would chase noise)
                    ? "The forecast's " + bound + " would need " + Fmt.replicas(d.recommended()) + " on " + c
                            + " and P(CPU above " + Fmt.pct(target) + ") is " + Fmt.pct(p) + ", at least the rule's "
                            + Fmt.pct(rules.scaleAheadProbability()) + ", but the history is too short for a"
                            + " backtested forecast: holding until there is one or CPU crosses the target"
                    : "The forecast's " + bound + " would need " + Fmt.replicas(d.recommended()) + " on "
                            + c + ", but P(CPU above " + Fmt.pct(target) + ") is " + Fmt.pct(p) + ", below the rule's "
                            + Fmt.pct(rules.scaleAheadProbability()) + ": holding";
            case HOLD_UNKNOWN -> "No usable CPU or load data for " + c + ": holding " + Fmt.replicas(n.spec());
            case HOLD_EARLY -> "P(CPU above " + Fmt.pct(target) + " within the next " + Fmt.whole(horizonMinutes)
                    + " minutes) is " + Fmt.pct(p) + ", at least the rule's " + Fmt.pct(rules.scaleAheadProbability())
                    + ", but even the forecast's " + bound + " within the next " + Fmt.whole(leadSeconds) + " s ("
                    + Fmt.whole(n.demandUpper()) + " rps) fits " + c + "'s " + Fmt.replicas(n.spec())
                    + ": pods are added once the crossing is within a new pod's lead time, so they are not paid for"
                    + " early" + budget;
            default -> hold(d, target, budget);
        };
    }

    private static String hold(ScaleDecider.Decision d, double target, String budget) {
        ColourNeed n = d.need();
        if (!n.serving()) {
            return n.colour() + " serves no traffic and keeps " + Fmt.replicas(n.spec()) + budget;
        }
        if (Double.isFinite(n.demandUpper())) {
            return n.colour() + "'s " + Fmt.replicas(n.spec()) + " keep CPU at or below " + Fmt.pct(target)
                    + " up to the forecast's " + Fmt.pct(DemandForecast.LEVEL) + " upper bound ("
                    + Fmt.whole(n.demandUpper()) + " rps)" + budget;
        }
        if (!Double.isFinite(n.cpuNow()) || !n.known()) {
            return "No usable CPU or load data for " + n.colour() + ": holding " + Fmt.replicas(n.spec());
        }
        if (Math.abs(n.cpuNow() / target - 1) <= ReplicaRequirement.HPA_TOLERANCE) {
            return n.colour() + "'s CPU (" + Fmt.pct(n.cpuNow()) + ") is within the HPA's "
                    + Fmt.pct(ReplicaRequirement.HPA_TOLERANCE) + " tolerance of the " + Fmt.pct(target) + " target"
                    + budget;
        }
        return "With no forecast to size by, the HPA's rule on " + n.colour() + "'s CPU (" + Fmt.pct(n.cpuNow())
                + " of a " + Fmt.pct(target) + " target) asks for " + Fmt.replicas(n.required()) + budget;
    }

    /** Records a standing plan's limits in the evidence and says what it imposes. */
    static String planNote(StandingPlan plan, Instant now, Evidence evidence) {
        var m = evidence.model("standing-plan(from /optimize)");
        List<String> floors = new ArrayList<>();
        plan.replicas().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            m.parameter(e.getKey() + ".replicas", e.getValue());
            floors.add(Fmt.replicas(e.getValue()) + " " + e.getKey());
        });
        plan.splitPercent().forEach((c, pct) -> m.parameter(c + ".split_percent", pct));
        String s = "A standing plan from /optimize is in force: floors of " + String.join(" and ", floors);
        if (plan.budgetPerHour() != null) {
            m.parameter("budget_per_hour", plan.budgetPerHour());
            s += ", budget " + Fmt.money(plan.budgetPerHour()) + "/hr";
        }
        if (plan.expiresAt() != null) {
            double minutes = Duration.between(now, plan.expiresAt()).toMillis() / 60_000.0;
            m.output("remaining_minutes", minutes);
            s += ", for " + Fmt.whole(minutes) + " more minutes";
        }
        m.add();
        return s + (plan.complete() ? "" : " (hand-over in progress)");
    }
}
