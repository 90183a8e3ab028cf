package dev.failoverlab.agent.analytics.optimize;

import dev.failoverlab.agent.analytics.ModelEvidence;
import dev.failoverlab.agent.analytics.HasEvidence;
import java.util.List;

/**
 * The answer of a plan search.
 *
 * @param feasible            whether some plan meets every constraint
 * @param best                the cheapest feasible plan, or null
 * @param runnersUp           the next best plans, each with a different replica pair (best split for that pair)
 * @param binding             constraints whose removal alone would make the optimum cheaper (feasible case), or
 *                            whose relaxation alone restores feasibility (infeasible case)
 * @param relaxations         per constraint, the smallest single relaxation that admits a plan (infeasible case)
 * @param cheapestRelaxation  the relaxation with the smallest relative change, or null
 * @param plansEvaluated      plans in the search space
 * @param feasiblePlans       plans meeting every constraint
 * @param evidence            inputs, model assumptions and the chosen plan's predicted values
 */
public record PlanResult(boolean feasible, PlanOutcome best, List<PlanOutcome> runnersUp, List<Constraint> binding,
        List<Relaxation> relaxations, Relaxation cheapestRelaxation, int plansEvaluated, int feasiblePlans,
        ModelEvidence evidence) implements HasEvidence {

    public PlanResult {
        runnersUp = List.copyOf(runnersUp);
        binding = List.copyOf(binding);
        relaxations = List.copyOf(relaxations);
    }
}
