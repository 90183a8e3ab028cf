package dev.failoverlab.agent.brain.health;

/**
 * The degradation detector of one colour after this query's new scrape intervals.
 *
 * @param alarm              the newest processed interval was in alarm (a latched CUSUM or SPRT, or a restart)
 * @param consecutiveAlarms  alarmed scrape intervals in a row, ending with the newest
 * @param newIntervals       scrape intervals processed by this query (0 when the newest was already seen)
 * @param latencyStatistic   CUSUM statistic of the standardised slow fraction
 * @param errorStatistic     CUSUM statistic of the standardised error rate
 * @param latencyLatched     the latency CUSUM alarmed and the stream has not met the allowance since
 * @param errorLatched       the error CUSUM or the SPRT alarmed and the error rate has not met the SLO since
 * @param restartAlarm       container restarts within the restart memory
 * @param arl0               in-control average run length of the CUSUM design, in scrape intervals
 * @param modelId            evidence id of the detector entry (null when nothing was recorded)
 */
public record DetectorReading(boolean alarm, int consecutiveAlarms, int newIntervals, double latencyStatistic,
        double errorStatistic, boolean latencyLatched, boolean errorLatched, boolean restartAlarm, double arl0,
        String modelId) {

    /** Confidence behind a detector alarm: one minus the in-control false-alarm rate per interval. */
    public double confidence() {
        return arl0 > 1 ? 1 - 1 / arl0 : 0;
    }
}
