package dev.failoverlab.agent.brain.failover;

import dev.failoverlab.agent.brain.health.Recommendation;
import dev.failoverlab.agent.brain.health.ServiceHealth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A decision before execution.
 *
 * @param subject        the colour whose condition drives the decision (the degraded one, else the active one)
 * @param target         the other colour: where traffic moves, or would move
 * @param currentSplit   traffic percent per colour now
 * @param split          traffic percent per colour after the decision (equal to {@code currentSplit} for hold)
 * @param recommendation the runbook sentence
 * @param reasons        the rules that fired, in order
 * @param change         what the agent's memory records once the traffic action is applied
 * @param targetBetter   probability that the target serves better than the subject (for the episode)
 */
public record FailoverPlan(Outcome outcome, String subject, String target, Map<String, Integer> currentSplit,
        Map<String, Integer> split, List<PlannedAction> actions, String recommendation, List<String> reasons,
        Risk risk, String riskReason, ImpactLevel impact, StateChange change, double targetBetter) {

    public FailoverPlan {
        currentSplit = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(currentSplit));
        split = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(split));
        actions = List.copyOf(actions);
        reasons = List.copyOf(reasons);
    }

    /**
     * Memory updates a decision implies.
     *
     * @param shift              the shift to remember after an applied move (null: none)
     * @param endShift           forget the shift in progress (always applied: the shift is over)
     * @param movedAwayFrom      colour traffic moved away from, for the cool-down (null: none)
     * @param failedColor        colour marked unsafe as a target (null: none), with {@code failedDetail}: the
     *                           target of a rollback (always applied), or the degraded colour traffic left (applied
     *                           with the move)
     */
    public record StateChange(ShiftState.Shift shift, boolean endShift, String movedAwayFrom, String failedColor,
            String failedDetail) {

        static StateChange none() {
            return new StateChange(null, false, null, null, null);
        }
    }

    public boolean movesTraffic() {
        return actions.stream().anyMatch(PlannedAction::movesTraffic);
    }

    FailoverPlan withActions(List<PlannedAction> done) {
        return new FailoverPlan(outcome, subject, target, currentSplit, split, done, recommendation, reasons, risk,
                riskReason, impact, change, targetBetter);
    }

    /** The recommendation {@code /evaluate} shows, with the pod-count changes it implies. */
    public Recommendation toRecommendation(ServiceHealth h) {
        List<Recommendation.ScaleChange> changes = new ArrayList<>();
        for (PlannedAction a : actions) {
            if (PlannedAction.SCALE.equals(a.kind())) {
                h.colors().stream().filter(c -> c.deployment().equals(a.target())).findFirst().ifPresent(c ->
                        changes.add(new Recommendation.ScaleChange(a.target(), c.color(), c.specReplicas(),
                                a.value())));
            }
        }
        return new Recommendation(recommendation, outcome.json(), outcome == Outcome.HOLD ? null : target, changes);
    }
}
