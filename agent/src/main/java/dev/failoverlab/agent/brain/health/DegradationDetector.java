package dev.failoverlab.agent.brain.health;

import dev.failoverlab.agent.analytics.change.BernoulliSprt;
import dev.failoverlab.agent.analytics.change.SprtResult;
import dev.failoverlab.agent.analytics.stats.HistogramQuantiles;
import dev.failoverlab.agent.evidence.Evidence;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The per-colour sequential detector. Each new scrape interval gives two standardised streams, the slow fraction
 * and the error rate, each as a score {@code z = (p - allowance) / sqrt(allowance (1 - allowance) / n)} against
 * its SLO allowance; each feeds a one-sided CUSUM ({@code k = 0.5}, {@code h = Rules.detectorThreshold}), whose
 * in-control run length is designed at the SLO boundary, so a colour well within the SLO practically never
 * alarms. A restarting Bernoulli SPRT ({@code p0} = SLO error rate, {@code p1} = 5 x that) watches the errors of
 * the same intervals and needs only tens of requests, which matters for a canary. An alarm latches until an
 * interval meets the allowance again. Container restarts within {@value #RESTART_MEMORY_SECONDS} s are an alarm
 * too (OOM kills and crashes are a colour's own fault). Intervals are processed once, however often the agent is
 * asked, so "consecutive alarms" counts scrape intervals, not queries.
 */
final class DegradationDetector {
    /** CUSUM reference value: half of the one-standard-error shift it is tuned to. */
    static final double K = 0.5;
    /** Fewer requests in an interval say nothing about a proportion; the interval is skipped. */
    static final long MIN_REQUESTS = 20;
    static final long RESTART_MEMORY_SECONDS = 120;
    static final Duration RESTART_MEMORY = Duration.ofSeconds(RESTART_MEMORY_SECONDS);
    private static final double SPRT_ALPHA = 0.01;
    private static final double SPRT_BETA = 0.05;
    private static final double SPRT_FACTOR = 5;
    /** On first contact, only the last minute of history is replayed. */
    private static final int FIRST_CONTACT_INTERVALS = 4;

    private final double sloLatencyMs;
    private final double slowAllowance;
    private final double errorLimit;

    DegradationDetector(double sloLatencyMs, double slowAllowance, double errorLimit) {
        this.sloLatencyMs = sloLatencyMs;
        this.slowAllowance = slowAllowance;
        this.errorLimit = Math.max(1e-6, errorLimit);
    }

    /** Feeds the intervals not yet seen; caller holds the memory's monitor. */
    DetectorReading update(String color, ColorMemory m, HealthMemory.CusumDesign design, List<ScrapeInterval> all,
            Instant now, Evidence evidence) {
        List<ScrapeInterval> fresh = new ArrayList<>();
        for (ScrapeInterval i : all) {
            if (m.lastProcessedEnd == null || i.end().isAfter(m.lastProcessedEnd)) {
                fresh.add(i);
            }
        }
        if (m.lastProcessedEnd == null && fresh.size() > FIRST_CONTACT_INTERVALS) {
            fresh = new ArrayList<>(fresh.subList(fresh.size() - FIRST_CONTACT_INTERVALS, fresh.size()));
        }
        Set<Integer> sprtAlarms = new HashSet<>();
        SprtResult sprt = sprt(fresh, sprtAlarms);
        boolean restart = m.restartedWithin(now, RESTART_MEMORY);
        for (int idx = 0; idx < fresh.size(); idx++) {
            ScrapeInterval i = fresh.get(idx);
            m.lastProcessedEnd = i.end();
            if (i.requests() == 0) {
                // idle: nothing to judge, and an old alarm says nothing about whatever serves next
                m.latency.reset();
                m.errors.reset();
                m.sprtLatched = false;
                m.consecutiveAlarms = restart ? m.consecutiveAlarms + 1 : 0;
                m.remember(new ColorMemory.IntervalVerdict(i.end(), 0, Double.NaN, Double.NaN, Double.NaN, restart,
                        false, false));
                continue;
            }
            if (i.requests() < MIN_REQUESTS) {
                m.remember(new ColorMemory.IntervalVerdict(i.end(), i.requests(), Double.NaN, Double.NaN,
                        Double.NaN, m.consecutiveAlarms > 0, false, false));
                continue;
            }
            double n = i.requests();
            double slow = i.histogram() == null ? Double.NaN
                    : HistogramQuantiles.fractionAbove(i.histogram(), sloLatencyMs);
            double p95 = i.histogram() == null || i.histogram().total() == 0 ? Double.NaN
                    : HistogramQuantiles.quantile(i.histogram(), 0.95);
            double errorRate = i.errors() / n;
            double zSlow = Double.isNaN(slow) ? Double.NaN : score(slow, slowAllowance, n);
            double zErr = score(errorRate, errorLimit, n);
            if (!Double.isNaN(zSlow)) {
                m.latency.update(zSlow, K, design.h());
            }
            m.errors.update(zErr, K, design.h());
            if (sprtAlarms.contains(idx)) {
                m.sprtLatched = true;
            } else if (errorRate <= errorLimit) {
                m.sprtLatched = false;
            }
            boolean alarm = m.latency.latched || m.errors.latched || m.sprtLatched || restart;
            m.consecutiveAlarms = alarm ? m.consecutiveAlarms + 1 : 0;
            boolean violating = (!Double.isNaN(zSlow) && zSlow >= 1.645) || zErr >= 1.645;
            boolean verified = !alarm && !violating && errorRate <= errorLimit
                    && (Double.isNaN(slow) || slow <= slowAllowance);
            if (verified) {
                m.lastVerifiedAt = i.end();
            }
            m.remember(new ColorMemory.IntervalVerdict(i.end(), i.requests(), slow, errorRate, p95, alarm, verified,
                    violating));
        }
        boolean alarm = m.latency.latched || m.errors.latched || m.sprtLatched || restart;
        if (fresh.isEmpty() && restart && m.consecutiveAlarms == 0) {
            m.consecutiveAlarms = 1; // a restart seen between scrapes is an alarm in its own right
        }
        String id = null;
        if (m.lastProcessedEnd != null) {
            if (sprt != null) {
                evidence.add(sprt.evidence());
            }
            id = evidence.model("cusum(one-sided upper, live)")
                    .parameter("k", K).parameter("h", design.h()).parameter("slow_allowance", slowAllowance)
                    .parameter("error_limit", errorLimit).parameter("new_intervals", fresh.size())
                    .parameter("restart_memory_s", RESTART_MEMORY_SECONDS)
                    .output("latency_statistic", m.latency.statistic).output("error_statistic", m.errors.statistic)
                    .output("latency_alarm_latched", m.latency.latched ? 1 : 0)
                    .output("error_alarm_latched", m.errors.latched || m.sprtLatched ? 1 : 0)
                    .output("restart_alarm", restart ? 1 : 0)
                    .output("consecutive_alarm_intervals", m.consecutiveAlarms)
                    .output("arl0_intervals", design.arl0()).output("arl0_siegmund", design.arl0Siegmund())
                    .output("delay_1sd_intervals", design.delay1sd()).output("delay_2sd_intervals", design.delay2sd())
                    .note(color + ": S = max(0, S + z - k) per scrape interval; ARLs (Brook-Evans, from analytics"
                            + " Cusum) are in scrape intervals at the SLO boundary")
                    .add();
        }
        return new DetectorReading(alarm, m.consecutiveAlarms, fresh.size(), m.latency.statistic,
                m.errors.statistic, m.latency.latched, m.errors.latched || m.sprtLatched, restart, design.arl0(), id);
    }

    private SprtResult sprt(List<ScrapeInterval> fresh, Set<Integer> alarms) {
        double p1 = Math.min(0.5, errorLimit * SPRT_FACTOR);
        if (fresh.isEmpty() || !(errorLimit < p1) || errorLimit >= 0.5) {
            return null;
        }
        long[] e = new long[fresh.size()];
        long[] n = new long[fresh.size()];
        for (int i = 0; i < fresh.size(); i++) {
            e[i] = fresh.get(i).errors();
            n[i] = fresh.get(i).requests();
        }
        SprtResult r = new BernoulliSprt(errorLimit, p1, SPRT_ALPHA, SPRT_BETA).scanBatches(e, n);
        for (long a : r.alarms()) {
            alarms.add((int) a);
        }
        return r;
    }

    static double score(double p, double limit, double n) {
        return (p - limit) / Math.sqrt(limit * (1 - limit) / n);
    }
}
