package dev.failoverlab.agent.learn;

/**
 * Grid search for an "act when score &gt;= threshold" rule on past cases whose need to act is known: each case costs
 * {@code falseAlarmCost} when the rule acts without need and {@code missCost} when it holds back although action
 * was needed. The threshold in force is always a candidate; among equally good thresholds the one nearest the
 * current value wins. The result also carries a one-sided 95 % lower bound of the per-case improvement over the
 * current threshold, so a caller can refuse a gain that chance alone would explain.
 */
final class ThresholdSearch {
    private ThresholdSearch() {
    }

    /** The best threshold, and the mean cost per case with it and with the current one. */
    record Result(double best, double bestCost, double currentCost, double improvementLow) {
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
        double[] now = costs(scores, needed, current, falseAlarmCost, missCost);
        double[] then = costs(scores, needed, best, falseAlarmCost, missCost);
        double[] gain = new double[now.length];
        for (int i = 0; i < gain.length; i++) {
            gain[i] = now[i] - then[i];
        }
        return new Result(best, bestCost, currentCost, gain.length > 1 ? Stats.lowerBound(gain) : 0);
    }

    static double cost(double[] scores, boolean[] needed, double threshold, double falseAlarmCost, double missCost) {
        return Stats.mean(costs(scores, needed, threshold, falseAlarmCost, missCost));
    }

    private static double[] costs(double[] scores, boolean[] needed, double threshold, double falseAlarmCost,
                                  double missCost) {
        double[] c = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            boolean act = scores[i] >= threshold;
            if (act && !needed[i]) {
                c[i] = falseAlarmCost;
            } else if (!act && needed[i]) {
                c[i] = missCost;
            }
        }
        return c;
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
