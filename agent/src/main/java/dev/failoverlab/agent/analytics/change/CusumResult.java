package dev.failoverlab.agent.analytics.change;

import dev.failoverlab.agent.analytics.ModelEvidence;
import dev.failoverlab.agent.analytics.HasEvidence;

/**
 * The outcome of a CUSUM scan.
 *
 * @param k                  reference value (in standard deviations)
 * @param h                  decision interval (in standard deviations)
 * @param alarms             indices (0-based) of the observations that raised an alarm; the statistic restarts at
 *                           0 after each
 * @param firstChangeStart   for the first alarm, the index after the statistic last left 0 (the CUSUM's estimate
 *                           of when the change began); -1 without alarms
 * @param finalStatistic     the statistic after the last observation
 * @param arl0               average run length to a false alarm with no change (Brook-Evans)
 * @param designDelay        expected run length to an alarm when the mean shifts by {@code 2k} from the start
 * @param evidence           design, measurements and both ARL computations
 */
public record CusumResult(double k, double h, int[] alarms, int firstChangeStart, double finalStatistic,
        double arl0, double designDelay, ModelEvidence evidence) implements HasEvidence {

    public CusumResult {
        alarms = alarms.clone();
    }

    @Override
    public int[] alarms() {
        return alarms.clone();
    }

    /** Index of the first alarm, or -1. */
    public int firstAlarm() {
        return alarms.length == 0 ? -1 : alarms[0];
    }
}
