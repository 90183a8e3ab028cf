package dev.failoverlab.agent.learn;

/**
 * Grid search for an "act when score &gt;= threshold" rule on past cases whose need to act is known: each case costs
 * {@code falseAlarmCost} when the rule acts without need and {@code missCost} when it holds back although action
 * was needed. The threshold in force is always a candidate; among equally good thresholds the one nearest the
 * current value wins, so the rule only moves for a real gain.
 */
final class ThresholdSearch {
    private ThresholdSearch() {
    }

    /** The best threshold, and the mean cost per case with it and with the current one. */
    record Result(double best, double bestCost, double currentCost) {
        boolean improves() {
            return bestCost < currentCost - 1e-12;
        }
    }

    static Result search(double[] scores, boolean[] needed, double[] grid, double current, double falseAlarmCost,
                         double missCost) {
        if (scores.length != needed.length || scores.length == 0) {
            throw new IllegalArgumentException("need one outcome per score and at least one case, got "
                    + scores.length + " scores and " + needed.length + " outcomes");
        }
        double currentCost = cost(scores, needed, current, falseAlarmCost, missCost);
        double best = current;
        double bestCost = currentCost;
        for (double t : grid) {
            double c = cost(scores, needed, t, falseAlarmCost, missCost);
            boolean better = c < bestCost - 1e-12;
            boolean tieNearer = Math.abs(c - bestCost) <= 1e-12 && Math.abs(t - current) < Math.abs(best - current);
            if (better || tieNearer) {
                best = t;
                bestCost = c;
            }
        }
        return new Result(best, bestCost, currentCost);
    }

    static double cost(double[] scores, boolean[] needed, double threshold, double falseAlarmCost, double missCost) {
        double total = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean act = scores[i] >= threshold;
            if (act && !needed[i]) {
                total += falseAlarmCost;
            } else if (!act && needed[i]) {
                total += missCost;
            }
        }
        return total / scores.length;
    }

    /** {@code from, from + step, …, to} without floating drift. */
    static double[] grid(double from, double to, double step) {
        int n = (int) Math.round((to - from) / step) + 1;
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = Math.round((from + i * step) * 1e9) / 1e9;
        }
        return g;
    }
}
