package dev.failoverlab.agent.brain.capacity;

import dev.failoverlab.agent.observe.ColorObservation;
import dev.failoverlab.agent.observe.ServiceObservation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hand-over of a standing plan, one guard-sized step per query: first scale up every colour the plan grows,
 * then set the split once every colour that will serve has its planned pods ready, and only after the split scale
 * down the colours the plan shrinks (before it they still carry their old traffic). A shrink is held while the
 * colour's current load needs more than the plan gave it.
 */
final class PlanExecutor {

    /**
     * This query's part of the hand-over.
     *
     * @param targets  replicas per colour to set now (equal to the current replicas for no move)
     * @param split    the split to set now, or null
     * @param awayFrom the colour the split takes traffic from, or null
     * @param waiting  why the split or a shrink waits, or null
     * @param splitHeld whether the routing already is the plan's split
     */
    record Step(Map<String, Integer> targets, Map<String, Integer> split, String awayFrom, String waiting,
            boolean splitHeld) {
    }

    private PlanExecutor() {
    }

    static Step next(StandingPlan plan, ServiceObservation obs, List<ColourNeed> needs, int maxStep) {
        Map<String, Integer> targets = new LinkedHashMap<>();
        StringBuilder waiting = new StringBuilder();
        boolean splitHeld = plan.splitApplied() || routingMatches(plan, obs);
        for (ColorObservation c : obs.colors()) {
            int want = plan.replicas(c.color());
            int spec = c.specReplicas();
            int to = spec;
            if (spec < want) {
                to = Math.min(want, spec + maxStep);
            } else if (spec > want && splitHeld) {
                ColourNeed n = needs.stream().filter(x -> x.colour().equals(c.color())).findFirst().orElse(null);
                if (n != null && n.known() && n.required() > want) {
                    append(waiting, c.color() + " stays above the plan's " + Fmt.replicas(want)
                            + ": its load now needs " + n.required());
                } else {
                    to = Math.max(want, spec - maxStep);
                }
            }
            targets.put(c.color(), to);
        }
        Map<String, Integer> split = null;
        String awayFrom = null;
        if (!splitHeld) {
            boolean ready = true;
            for (ColorObservation c : obs.colors()) {
                int want = plan.replicas(c.color());
                if (plan.splitPercent().getOrDefault(c.color(), 0) > 0 && c.readyReplicas() < want) {
                    ready = false;
                    append(waiting, "the split waits for " + want + " ready " + c.color() + " pods ("
                            + c.readyReplicas() + " ready)");
                }
            }
            if (ready) {
                split = plan.splitPercent();
                for (ColorObservation c : obs.colors()) {
                    double share = Double.isFinite(c.trafficShare()) ? c.trafficShare() : 0;
                    if (share * 100 > plan.splitPercent().getOrDefault(c.color(), 0) + 0.5) {
                        awayFrom = c.color();
                    }
                }
            }
        }
        return new Step(targets, split, awayFrom, waiting.length() == 0 ? null : waiting.toString(), splitHeld);
    }

    /** Whether the Service already splits traffic as the plan says (within half a percent per colour). */
    static boolean routingMatches(StandingPlan plan, ServiceObservation obs) {
        for (ColorObservation c : obs.colors()) {
            if (!Double.isFinite(c.trafficShare())
                    || Math.abs(c.trafficShare() * 100 - plan.splitPercent().getOrDefault(c.color(), 0)) > 0.5) {
                return false;
            }
        }
        return !obs.colors().isEmpty();
    }

    /** The plan after this query: split applied when set or already held, complete when every colour arrived. */
    static StandingPlan progress(StandingPlan plan, boolean splitDone, Map<String, Integer> replicasAfter) {
        StandingPlan p = splitDone && !plan.splitApplied() ? plan.withSplitApplied() : plan;
        if (!p.splitApplied()) {
            return p;
        }
        for (Map.Entry<String, Integer> e : p.replicas().entrySet()) {
            if (!e.getValue().equals(replicasAfter.get(e.getKey()))) {
                return p;
            }
        }
        return p.completed();
    }

    private static void append(StringBuilder sb, String s) {
        sb.append(sb.length() == 0 ? "" : "; ").append(s);
    }
}
