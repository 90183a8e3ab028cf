package dev.failoverlab.agent.analytics.optimize;

import dev.failoverlab.agent.analytics.Require;
import java.util.List;

/**
 * One plan search: two colours, the expected load and the constraints.
 *
 * @param first            the colour whose share is {@code 1 - share}, conventionally the active one (blue)
 * @param second           the colour whose share the split sets, conventionally the standby (green)
 * @param arrivalRate      expected requests per second
 * @param constraints      the limits
 * @param latencyQuantile  which response-time quantile the latency limit applies to, e.g. 0.95
 * @param splitStepPercent granularity of the traffic split, a divisor of 100 (e.g. 5)
 * @param runnersUp        how many alternative plans to report
 * @param maxUtilisation   highest utilisation a colour's pods may run at, in (0, 1]: the CPU headroom an autoscaler
 *                         holds (e.g. 0.5 for an HPA at 50 % CPU), so a plan is not undone by the autoscaler the
 *                         moment it is applied; 1 means only queue stability
 */
public record PlanProblem(ColourModel first, ColourModel second, double arrivalRate, Constraints constraints,
        double latencyQuantile, int splitStepPercent, int runnersUp, double maxUtilisation) {

    public PlanProblem {
        if (first == null || second == null) {
            throw new IllegalArgumentException("a plan needs two colours");
        }
        if (first.name().equals(second.name())) {
            throw new IllegalArgumentException("both colours are named " + first.name() + "; names must differ");
        }
        Require.nonNegative("arrivalRate", arrivalRate);
        Require.openUnit("latencyQuantile", latencyQuantile);
        Require.atLeast("splitStepPercent", splitStepPercent, 1);
        if (100 % splitStepPercent != 0) {
            throw new IllegalArgumentException("splitStepPercent = " + splitStepPercent
                    + " must divide 100 (1, 2, 5, 10, 20, 25 or 50)");
        }
        Require.atLeast("runnersUp", runnersUp, 0);
        if (!(maxUtilisation > 0 && maxUtilisation <= 1)) {
            throw new IllegalArgumentException("maxUtilisation = " + maxUtilisation
                    + " must lie in (0, 1]; use 1 for no headroom, e.g. 0.5 for an autoscaler's 50 % CPU target");
        }
    }

    /** A problem without a utilisation cap (queue stability only). */
    public PlanProblem(ColourModel first, ColourModel second, double arrivalRate, Constraints constraints,
            double latencyQuantile, int splitStepPercent, int runnersUp) {
        this(first, second, arrivalRate, constraints, latencyQuantile, splitStepPercent, runnersUp, 1.0);
    }

    /** The usual problem: p95, 5 % split steps, three runners-up. */
    public static PlanProblem of(ColourModel first, ColourModel second, double arrivalRate, Constraints constraints) {
        return new PlanProblem(first, second, arrivalRate, constraints, 0.95, 5, 3);
    }

    List<ColourModel> colours() {
        return List.of(first, second);
    }

    PlanProblem withConstraints(Constraints c) {
        return new PlanProblem(first, second, arrivalRate, c, latencyQuantile, splitStepPercent, runnersUp,
                maxUtilisation);
    }
}
