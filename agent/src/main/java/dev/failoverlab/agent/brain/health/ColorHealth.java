package dev.failoverlab.agent.brain.health;

import dev.failoverlab.agent.observe.ColorObservation;
import java.util.List;
import java.util.Set;

/**
 * Everything the agent concluded about one colour in one query.
 *
 * @param status              optimal / degraded / failing / unknown
 * @param confidence          the decisive test's confidence (see {@code basis}); NaN when there is none
 * @param basis               which test or fact decided the status, in words
 * @param technical           pod-level health: EXCELLENT, OK (pods fine, SLO missed), STARTING (pods not ready
 *                            yet), DEGRADED (restarts), FAILING, READY (idle), SCALED_TO_ZERO, UNKNOWN
 * @param crashLooping        a pod is in CrashLoopBackOff
 * @param restartedRecently   container restarts rose within the detector's restart memory
 * @param probeHealthy        the health probe's answer (null: not probed)
 * @param podNames            the colour's pods now (empty when unreadable)
 * @param observation         the Observer's window (config window)
 * @param shortWindow         the newest two scrape intervals (null without scrapes)
 * @param latencyLong         slow fraction vs allowance over the config window
 * @param errorsLong          error rate vs SLO over the config window
 * @param latencyShort        slow fraction vs allowance over the short window
 * @param errorsShort         error rate vs SLO over the short window
 * @param detector            the sequential detector after this query
 * @param capacity            load vs capacity attribution
 * @param affectedFraction    requests slower than the SLO bound or failed (upper bound: slow + failed), short window
 * @param affectedRps         {@code affectedFraction x} the colour's request rate
 * @param proven              served within the SLO recently and no failed verification stands
 * @param failedVerification  traffic moved here earlier went bad and the pods have not been replaced since
 * @param failedDetail        what went bad (null when none)
 * @param baselineP95Ms       median p95 of recent verified intervals (NaN: none)
 * @param statusModelId       evidence id of the status entry
 * @param intervals           the colour's recent scrape-interval verdicts, oldest first
 */
public record ColorHealth(
        String color,
        String deployment,
        HealthStatus status,
        double confidence,
        String basis,
        String technical,
        int specReplicas,
        int readyReplicas,
        boolean crashLooping,
        boolean restartedRecently,
        Boolean probeHealthy,
        Set<String> podNames,
        ColorObservation observation,
        ScrapeInterval shortWindow,
        SloTest latencyLong,
        SloTest errorsLong,
        SloTest latencyShort,
        SloTest errorsShort,
        DetectorReading detector,
        CapacityVerdict capacity,
        double affectedFraction,
        double affectedRps,
        boolean proven,
        boolean failedVerification,
        String failedDetail,
        double baselineP95Ms,
        String statusModelId,
        List<ColorMemory.IntervalVerdict> intervals) {

    public ColorHealth {
        podNames = Set.copyOf(podNames);
        intervals = List.copyOf(intervals);
    }

    /** Verdicts of the intervals that ended after {@code t} and carried enough requests to judge. */
    public List<ColorMemory.IntervalVerdict> judgedIntervalsAfter(java.time.Instant t) {
        return intervals.stream().filter(v -> (t == null || v.end().isAfter(t))
                && v.requests() >= DegradationDetector.MIN_REQUESTS).toList();
    }

    /** Whether this colour served enough requests to be judged, in either window. */
    public boolean hasTraffic() {
        return latencyLong.hasData() && latencyLong.trials() >= DegradationDetector.MIN_REQUESTS
                || errorsLong.hasData() && errorsLong.trials() >= DegradationDetector.MIN_REQUESTS
                || errorsShort.hasData() && errorsShort.trials() >= DegradationDetector.MIN_REQUESTS;
    }

    /** Share of new traffic the Service sends here (0 when routing is unknown). */
    public double share() {
        double s = observation.trafficShare();
        return Double.isNaN(s) ? 0 : s;
    }

    /** Whether the status is backed at the tests' level (or is a fact from the API server). */
    public boolean confident() {
        return confidence >= SloTest.LEVEL;
    }

    /** Ready pods exist and the probe did not fail. */
    public boolean ready() {
        return readyReplicas > 0 && !Boolean.FALSE.equals(probeHealthy);
    }

    /** The request rate over the short window, else over the config window (NaN without data). */
    public double rps() {
        if (shortWindow != null && shortWindow.seconds() > 0) {
            return shortWindow.rps();
        }
        return observation.rps();
    }

    /** The slow fraction the tests use: short window when it has data, else the config window. */
    public double slowFraction() {
        return latencyShort.hasData() ? latencyShort.estimate()
                : latencyLong.hasData() ? latencyLong.estimate() : Double.NaN;
    }

    public double errorRate() {
        return errorsShort.hasData() ? errorsShort.estimate()
                : errorsLong.hasData() ? errorsLong.estimate() : Double.NaN;
    }
}
