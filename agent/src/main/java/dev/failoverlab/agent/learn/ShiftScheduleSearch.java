package dev.failoverlab.agent.learn;

/**
 * Grid search for the gradual-shift schedule (canary %, then steps of step %, one verification interval each) on
 * past gradual shifts. The cost of a schedule on one past shift is the traffic served by a colour that violated its
 * SLO, in percent of traffic × verification intervals:
 * <ul>
 *   <li>while the target holds, each interval costs the share still on the source if the source was violating;</li>
 *   <li>the target is assumed to fail at the first share at or above the share where it failed in that episode
 *       (at the first step when that share was not recorded); that interval costs the share on the target, plus the
 *       rest if the source was violating too, and verification then rolls back.</li>
 * </ul>
 * So targets that failed argue for small steps, sources that were failing while targets held argue for large ones.
 */
final class ShiftScheduleSearch {
    static final int[] CANARIES = {5, 10, 15, 20, 25, 30, 40, 50};
    /**
     * The learner may make a canary smaller, never larger than this: the objective weighs slow and failing traffic
     * alike, and a larger canary towards an unproven colour risks failed requests the replay cannot see (seen in
     * the suite: a learned 50 % canary sent half the traffic to a standby failing 30 % of requests).
     */
    static final int MAX_LEARNED_CANARY = 10;
    static final int[] STEPS = {10, 15, 20, 25, 30, 40, 50, 100};

    private ShiftScheduleSearch() {
    }

    /**
     * One past gradual shift.
     *
     * @param sourceViolated       whether the colour traffic moved away from violated its SLO
     * @param targetFailsAtPercent share of traffic at which the target failed; +∞ when it held
     */
    record ShiftCase(boolean sourceViolated, double targetFailsAtPercent) {
    }

    /** The best schedule, mean costs with it and with the current one, and a 95 % lower bound of the gain. */
    record Result(int canary, int step, double bestCost, double currentCost, double improvementLow) {
    }

    static Result search(ShiftCase[] cases, int currentCanary, int currentStep) {
        if (cases.length == 0) {
            throw new IllegalArgumentException("need at least one past gradual shift");
        }
        double currentCost = meanCost(cases, currentCanary, currentStep);
        int bestCanary = currentCanary;
        int bestStep = currentStep;
        double bestCost = currentCost;
        for (int canary : CANARIES) {
            if (canary > Math.max(MAX_LEARNED_CANARY, currentCanary)) {
                continue;
            }
            for (int step : STEPS) {
                double c = meanCost(cases, canary, step);
                int distance = Math.abs(canary - currentCanary) + Math.abs(step - currentStep);
                int bestDistance = Math.abs(bestCanary - currentCanary) + Math.abs(bestStep - currentStep);
                if (c < bestCost - 1e-12 || (Math.abs(c - bestCost) <= 1e-12 && distance < bestDistance)) {
                    bestCanary = canary;
                    bestStep = step;
                    bestCost = c;
                }
            }
        }
        double[] gain = new double[cases.length];
        for (int i = 0; i < cases.length; i++) {
            gain[i] = cost(cases[i], currentCanary, currentStep) - cost(cases[i], bestCanary, bestStep);
        }
        return new Result(bestCanary, bestStep, bestCost, currentCost, gain.length > 1 ? Stats.lowerBound(gain) : 0);
    }

    static double meanCost(ShiftCase[] cases, int canary, int step) {
        double total = 0;
        for (ShiftCase c : cases) {
            total += cost(c, canary, step);
        }
        return total / cases.length;
    }

    static double cost(ShiftCase c, int canary, int step) {
        if (canary <= 0 || step <= 0) {
            throw new IllegalArgumentException("canary and step must be > 0 %, got " + canary + " and " + step);
        }
        double cost = 0;
        double share = Math.min(100, canary);
        while (true) {
            if (share >= c.targetFailsAtPercent()) {
                return cost + share + (c.sourceViolated() ? 100 - share : 0);
            }
            cost += c.sourceViolated() ? 100 - share : 0;
            if (share >= 100) {
                return cost;
            }
            share = Math.min(100, share + step);
        }
    }
}
