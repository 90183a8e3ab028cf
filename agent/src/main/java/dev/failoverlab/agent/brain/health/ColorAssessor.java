package dev.failoverlab.agent.brain.health;

import dev.failoverlab.agent.analytics.stats.CumulativeHistogram;
import dev.failoverlab.agent.analytics.stats.HistogramQuantiles;
import dev.failoverlab.agent.evidence.Evidence;
import dev.failoverlab.agent.observe.ColorObservation;
import dev.failoverlab.agent.port.PodInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns one colour's measurements into a {@link ColorHealth}: SLO tests on both windows, the detector, the capacity
 * attribution, the affected request rate and the status with its confidence (rules in the package description).
 * Called with the {@link HealthMemory} monitor held; it updates the colour's memory.
 */
final class ColorAssessor {
    /** An error rate at least this many times the SLO rate (with confidence) is failing, not degraded. */
    static final double FAILING_ERROR_FACTOR = 10;
    /** A colour counts as proven when it served within the SLO this recently. */
    static final long PROVEN_MEMORY_SECONDS = 900;
    private static final int SHORT_INTERVALS = 2;
    /** Window names used in text; the evidence holds their lengths. */
    static final String CONFIG_WINDOW = "config window";
    static final String SHORT_WINDOW = "short window";

    private final double sloLatencyMs;
    private final double slowAllowance;
    private final double errorLimit;
    private final DegradationDetector detector;

    ColorAssessor(double sloLatencyMs, double slowAllowance, double errorLimit) {
        this.sloLatencyMs = sloLatencyMs;
        this.slowAllowance = slowAllowance;
        this.errorLimit = errorLimit;
        this.detector = new DegradationDetector(sloLatencyMs, slowAllowance, errorLimit);
    }

    ColorHealth assess(ColorInputs in, ColorMemory m, ColorMemory other, HealthMemory.CusumDesign design,
            Instant now, Evidence ev) {
        ColorObservation o = in.observation();
        String c = o.color();
        boolean crashLoop = false;
        Set<String> names = new TreeSet<>();
        if (in.pods() != null) {
            int restarts = 0;
            int looping = 0;
            for (PodInfo p : in.pods()) {
                names.add(p.name());
                restarts += p.restarts();
                looping += p.phase() == PodInfo.Phase.CRASH_LOOP_BACK_OFF ? 1 : 0;
            }
            crashLoop = looping > 0;
            ev.measure("container_restarts", c, "instant", restarts, "restarts", "api-server");
            if (looping > 0) {
                ev.measure("crash_looping_pods", c, "instant", looping, "pods", "api-server");
            }
            if (m.lastRestartTotal >= 0 && restarts > m.lastRestartTotal) {
                m.lastRestartIncreaseAt = now;
            }
            m.lastRestartTotal = restarts;
            m.observePods(names);
        }
        List<ScrapeInterval> intervals = in.intervals();
        ScrapeInterval shortWindow = ScrapeInterval.merge(
                intervals.subList(Math.max(0, intervals.size() - SHORT_INTERVALS), intervals.size()));
        DetectorReading det = detector.update(c, m, design, intervals, now, ev);

        CumulativeHistogram longHist = longHistogram(o);
        long longRequests = Double.isNaN(o.requests()) ? 0 : Math.round(o.requests());
        SloTest latL = latencyTest(c, CONFIG_WINDOW, longHist, ev);
        SloTest errL = SloTest.run("error_rate", c, CONFIG_WINDOW, longRequests,
                Double.isNaN(o.errors()) ? 0 : Math.round(o.errors()), errorLimit, ev);
        if (longHist != null && longHist.total() > 0) {
            for (double q : new double[] {0.5, 0.95, 0.99}) {
                ev.add(HistogramQuantiles.estimate(longHist, q, 0.95).evidence());
            }
        }
        String shortLabel = shortWindow == null ? "short" : label(Duration.between(shortWindow.start(), shortWindow.end()));
        SloTest latS = SloTest.run("slow_fraction", c, SHORT_WINDOW, 0, 0, slowAllowance, ev);
        SloTest errS = latS;
        if (shortWindow != null) {
            ev.measure("requests", c, shortLabel, shortWindow.requests(), "requests", "prometheus");
            ev.measure("errors", c, shortLabel, shortWindow.errors(), "requests", "prometheus");
            ev.measure("request_rate", c, shortLabel, shortWindow.rps(), "rps", "prometheus");
            latS = latencyTest(c, SHORT_WINDOW, shortWindow.histogram(), ev);
            errS = SloTest.run("error_rate", c, SHORT_WINDOW, shortWindow.requests(), shortWindow.errors(), errorLimit,
                    ev);
            if (shortWindow.histogram() != null && shortWindow.histogram().total() > 0) {
                ev.add(HistogramQuantiles.estimate(shortWindow.histogram(), 0.95, 0.95).evidence());
            }
        } else {
            errS = SloTest.run("error_rate", c, SHORT_WINDOW, 0, 0, errorLimit, ev);
        }

        ScrapeInterval newest = intervals.isEmpty() ? null : intervals.get(intervals.size() - 1);
        // a sample only when every pod serving is also measured: the CPU figure is the mean of measured pods
        boolean allMeasured = o.readyReplicas() > 0 && o.readyReplicas() == o.specReplicas()
                && in.podsWithMetrics() == o.readyReplicas();
        if (newest != null && newest.requests() >= DegradationDetector.MIN_REQUESTS && !det.alarm() && allMeasured
                && o.cpuMillisPerPod() > 0
                && (m.lastServiceSampleEnd == null || newest.end().isAfter(m.lastServiceSampleEnd))) {
            m.addServiceSample(newest.end(), newest.rps() / o.readyReplicas(), o.cpuMillisPerPod() / 1000.0);
        }
        // the newest interval lines up with metrics-server's 15 s CPU window: load, CPU and slowness of one moment
        double observedSlow = newest != null && newest.histogram() != null && newest.histogram().total() > 0
                ? HistogramQuantiles.fractionAbove(newest.histogram(), sloLatencyMs)
                : latS.hasData() ? latS.estimate() : latL.hasData() ? latL.estimate() : Double.NaN;
        CapacityVerdict capacity = CapacityCheck.check(c, CapacityCheck.serviceRate(m, other, o,
                allMeasured ? newest : null), o, newest != null ? newest : shortWindow, observedSlow, sloLatencyMs,
                slowAllowance, m, now, ev);

        if (m.failedVerificationAt != null && m.lastVerifiedAt != null
                && m.lastVerifiedAt.isAfter(m.failedVerificationAt)) {
            m.failedVerificationAt = null; // it has served within the SLO since: the old verdict is outdated
        }
        boolean failed = m.failedVerificationStands(names);
        double markedAge = Double.NaN;
        if (failed) {
            markedAge = java.time.Duration.between(m.failedVerificationAt, now).toMillis() / 1000.0;
            ev.measure("marked_unsafe_age", c, "instant", markedAge, "s", "agent-memory");
        }
        boolean proven = !failed && m.lastVerifiedAt != null
                && !m.lastVerifiedAt.isBefore(now.minusSeconds(PROVEN_MEMORY_SECONDS));
        double baseline = baseline(m, c, ev);
        boolean restarted = m.restartedWithin(now, DegradationDetector.RESTART_MEMORY);
        Affected affected = affected(c, latS.hasData() ? latS : latL, errS.hasData() ? errS : errL,
                shortWindow != null ? shortWindow.rps() : o.rps(), ev);

        StatusRules.Inputs si = new StatusRules.Inputs(c, in.deployment() != null, o.specReplicas(),
                o.readyReplicas(), crashLoop, o.probeHealthy(), restarted, latL, errL, latS, errS, det,
                !in.scrapesRead() && Double.isNaN(o.requests()), errorLimit * FAILING_ERROR_FACTOR);
        StatusRules.Result status = StatusRules.classify(si, ev);
        String technical = StatusRules.technical(si);
        return new ColorHealth(c, o.deployment(), status.status(), status.confidence(), status.basis(), technical,
                o.specReplicas(), o.readyReplicas(), crashLoop, restarted, o.probeHealthy(), names, o, shortWindow,
                latL, errL, latS, errS, det, capacity, affected.fraction(), affected.rps(), proven, failed,
                failed ? m.failedVerificationDetail() + ", " + Fmt.seconds(markedAge) + " ago" : null, baseline, status.modelId(), m.recentIntervals());
    }

    private SloTest latencyTest(String color, String window, CumulativeHistogram h, Evidence ev) {
        if (h == null || h.total() == 0) {
            return SloTest.run("slow_fraction", color, window, 0, 0, slowAllowance, ev);
        }
        double slow = HistogramQuantiles.fractionAbove(h, sloLatencyMs);
        return SloTest.run("slow_fraction", color, window, h.total(), Math.round(slow * h.total()), slowAllowance, ev);
    }

    private record Affected(double fraction, double rps) {
    }

    private static Affected affected(String c, SloTest slow, SloTest errors, double rps, Evidence ev) {
        if (!slow.hasData() && !errors.hasData() || Double.isNaN(rps)) {
            return new Affected(Double.NaN, Double.NaN);
        }
        double s = slow.hasData() ? slow.estimate() : 0;
        double e = errors.hasData() ? errors.estimate() : 0;
        double fraction = Math.min(1, s + e);
        ev.model("affected-requests")
                .parameter("slow_fraction", s).parameter("error_rate", e).parameter("request_rate_rps", rps)
                .output("affected_fraction", fraction).output("affected_rps", fraction * rps)
                .note(c + ": requests slower than the SLO bound plus failed ones (an upper bound: a slow failure"
                        + " counts in both); no session metric exists, so users are not estimated")
                .add();
        return new Affected(fraction, fraction * rps);
    }

    /** Median p95 of the verified intervals remembered; NaN when there are none. */
    private static double baseline(ColorMemory m, String c, Evidence ev) {
        List<Double> p95 = new ArrayList<>();
        for (ColorMemory.IntervalVerdict v : m.recent) {
            if (v.verified() && !Double.isNaN(v.p95Ms())) {
                p95.add(v.p95Ms());
            }
        }
        if (p95.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(p95);
        int n = p95.size();
        double median = n % 2 == 1 ? p95.get(n / 2) : (p95.get(n / 2 - 1) + p95.get(n / 2)) / 2;
        ev.model("baseline(median p95 of verified intervals)").parameter("intervals", n)
                .output("baseline_p95_ms", median).note(c + ": scrape intervals that met the SLO, newest "
                        + ColorMemory.RECENT_INTERVALS + " kept").add();
        return median;
    }

    /** The Observer's window histogram with whole counts (PromQL's extrapolated increases rounded, kept monotone). */
    static CumulativeHistogram longHistogram(ColorObservation o) {
        if (o.bucketCounts() == null || o.bucketUpperMs() == null) {
            return null;
        }
        long[] counts = new long[o.bucketCounts().length];
        long running = 0;
        for (int i = 0; i < counts.length; i++) {
            running = Math.max(running, Math.max(0, Math.round(o.bucketCounts()[i])));
            counts[i] = running;
        }
        try {
            return new CumulativeHistogram(o.bucketUpperMs(), counts);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String label(Duration d) {
        long s = d.toSeconds();
        return s % 60 == 0 && s > 0 ? (s / 60) + "m" : s + "s";
    }
}
