package dev.failoverlab.agent.brain.failover;

import dev.failoverlab.agent.evidence.Evidence;
import dev.failoverlab.agent.port.ActionResult;
import dev.failoverlab.agent.port.Actuator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Carries a plan out through the (guarded) actuator — pods first, then traffic — only when the caller asked for
 * execution and not for a dry run, and says exactly what happened.
 */
final class PlanExecutor {

    private PlanExecutor() {
    }

    /** The actions with their results, the execution sentence, and whether traffic actually moved. */
    record Result(List<PlannedAction> actions, String execution, boolean trafficMoved, boolean executed) {
    }

    /** A figure inside an actuator's reply (e.g. a guard's limit): recorded so the reply can be shown as is. */
    private static final Pattern FIGURE = Pattern.compile("(?<![A-Za-z0-9_.])\\d+(?:\\.\\d+)?");

    static Result run(FailoverPlan plan, Actuator actuator, boolean execute, boolean dryRun, Evidence ev) {
        List<PlannedAction> actions = plan.actions();
        if (actions.isEmpty()) {
            return new Result(actions, "nothing to execute (" + plan.outcome().json() + ")", false, false);
        }
        if (dryRun) {
            List<PlannedAction> out = new ArrayList<>();
            for (PlannedAction a : actions) {
                out.add(a.withResult(false, "dry run: not applied"));
            }
            return new Result(out, "dry run: would " + describe(plan), false, false);
        }
        if (!execute) {
            List<PlannedAction> out = new ArrayList<>();
            for (PlannedAction a : actions) {
                out.add(a.withResult(false, "not executed"));
            }
            return new Result(out, "not executed: caller did not ask (set \"execute\": true); would "
                    + describe(plan), false, false);
        }
        List<PlannedAction> out = new ArrayList<>();
        List<String> said = new ArrayList<>();
        boolean moved = false;
        for (PlannedAction a : ordered(actions)) {
            ActionResult r = apply(a, plan, actuator);
            Matcher m = FIGURE.matcher(r.detail());
            while (m.find()) {
                ev.measure("actuator_reply", a.target(), "instant", Double.parseDouble(m.group()), "as stated",
                        "actuator");
            }
            out.add(a.withResult(r.applied(), r.detail()));
            if (r.applied() && a.movesTraffic()) {
                moved = true;
                said.add(applied(a, plan));
            } else if (r.applied()) {
                said.add("scaled " + a.target() + " to " + a.value() + " replicas");
            } else {
                said.add("refused (" + describe(a, plan) + "): " + r.detail());
            }
        }
        return new Result(out, String.join("; ", said), moved, true);
    }

    private static List<PlannedAction> ordered(List<PlannedAction> actions) {
        List<PlannedAction> out = new ArrayList<>();
        actions.stream().filter(a -> !a.movesTraffic()).forEach(out::add);
        actions.stream().filter(PlannedAction::movesTraffic).forEach(out::add);
        return out;
    }

    private static ActionResult apply(PlannedAction a, FailoverPlan plan, Actuator actuator) {
        String reason = plan.outcome().json() + ": " + plan.recommendation();
        return switch (a.kind()) {
            case PlannedAction.SCALE -> actuator.scale(a.target(), a.value(), reason);
            case PlannedAction.SELECTOR -> actuator.switchSelector(a.target(), reason);
            default -> actuator.setTrafficSplit(plan.split(), reason);
        };
    }

    private static String applied(PlannedAction a, FailoverPlan plan) {
        if (PlannedAction.SELECTOR.equals(a.kind())) {
            return (plan.outcome() == Outcome.ROLLBACK ? "Rollback applied" : "Failover initiated")
                    + ": selector → " + a.target();
        }
        return (plan.outcome() == Outcome.ROLLBACK ? "Rollback applied" : "Traffic split applied") + ": "
                + split(plan.split());
    }

    private static String describe(FailoverPlan plan) {
        List<String> parts = new ArrayList<>();
        for (PlannedAction a : ordered(plan.actions())) {
            parts.add(describe(a, plan));
        }
        return String.join(", then ", parts);
    }

    private static String describe(PlannedAction a, FailoverPlan plan) {
        return switch (a.kind()) {
            case PlannedAction.SCALE -> "scale " + a.target() + " to " + a.value() + " replicas";
            case PlannedAction.SELECTOR -> "switch selector → " + a.target();
            default -> "split " + split(plan.split());
        };
    }

    /** "90/10 (blue/green)". */
    static String split(Map<String, Integer> split) {
        List<String> values = new ArrayList<>();
        split.values().forEach(v -> values.add(Integer.toString(v)));
        return String.join("/", values) + " (" + String.join("/", split.keySet()) + ")";
    }
}
