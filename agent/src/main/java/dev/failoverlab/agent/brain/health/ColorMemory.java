package dev.failoverlab.agent.brain.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * What the agent remembers about one colour between queries: the detector's running state, the verdict of each
 * recent scrape interval, service-rate samples from healthy intervals, the last time the colour was verified
 * healthy, a failed verification (with the pods it was made on) and the last restart and overload seen. Mutated
 * only while the owning {@link HealthMemory}'s monitor is held.
 */
public final class ColorMemory {
    static final int RECENT_INTERVALS = 40;
    static final int SERVICE_SAMPLES = 30;

    /** One processed scrape interval. */
    public record IntervalVerdict(Instant end, long requests, double slowFraction, double errorRate, double p95Ms,
            boolean alarm, boolean verified, boolean violating) {
    }

    Instant lastProcessedEnd;
    final CusumTrack latency = new CusumTrack();
    final CusumTrack errors = new CusumTrack();
    boolean sprtLatched;
    int consecutiveAlarms;
    final Deque<IntervalVerdict> recent = new ArrayDeque<>();
    final Deque<double[]> serviceSamples = new ArrayDeque<>();
    Instant lastServiceSampleEnd;
    Instant lastVerifiedAt;
    Instant failedVerificationAt;
    String failedVerificationDetail;
    Set<String> podsAtFailedVerification = Set.of();
    int lastRestartTotal = -1;
    Instant lastRestartIncreaseAt;
    Instant lastCapacityBoundAt;
    Set<String> lastPods = Set.of();

    /** The live CUSUM statistic of one standardised stream and whether it has alarmed since the stream was last in control. */
    static final class CusumTrack {
        double statistic;
        boolean latched;
        double lastZ = Double.NaN;

        /** {@code S = max(0, S + z - k)}; an alarm latches and restarts S at 0 (Page's scheme). */
        boolean update(double z, double k, double h) {
            lastZ = z;
            statistic = Math.max(0, statistic + z - k);
            boolean alarm = statistic > h;
            if (alarm) {
                latched = true;
                statistic = 0;
            } else if (z <= 0) {
                latched = false; // the interval met the SLO allowance: back in control
            }
            return alarm;
        }

        void reset() {
            statistic = 0;
            latched = false;
            lastZ = Double.NaN;
        }
    }

    void remember(IntervalVerdict v) {
        recent.addLast(v);
        while (recent.size() > RECENT_INTERVALS) {
            recent.removeFirst();
        }
    }

    void addServiceSample(Instant end, double ratePerPod, double cpuCores) {
        serviceSamples.addLast(new double[] {ratePerPod, cpuCores});
        lastServiceSampleEnd = end;
        while (serviceSamples.size() > SERVICE_SAMPLES) {
            serviceSamples.removeFirst();
        }
    }

    /** Copies of the processed intervals, oldest first. */
    public List<IntervalVerdict> recentIntervals() {
        return new ArrayList<>(recent);
    }

    /** Intervals ending after {@code t}, oldest first. */
    public List<IntervalVerdict> intervalsAfter(Instant t) {
        List<IntervalVerdict> out = new ArrayList<>();
        for (IntervalVerdict v : recent) {
            if (t == null || v.end().isAfter(t)) {
                out.add(v);
            }
        }
        return out;
    }

    public int consecutiveAlarms() {
        return consecutiveAlarms;
    }

    public Instant lastVerifiedAt() {
        return lastVerifiedAt;
    }

    /**
     * Whether a failed verification (a canary or shift that went bad, or traffic leaving a degraded colour) still
     * stands: until a rollout has replaced every pod it was made on.
     */
    public boolean failedVerificationStands(Set<String> currentPods) {
        return failedVerificationAt != null
                && (currentPods.isEmpty() || podsAtFailedVerification.isEmpty()
                        || !java.util.Collections.disjoint(podsAtFailedVerification, currentPods));
    }

    public Instant failedVerificationAt() {
        return failedVerificationAt;
    }

    public String failedVerificationDetail() {
        return failedVerificationDetail;
    }

    /** Records that traffic moved to this colour turned out bad; it stands until the colour's pods are replaced. */
    public void markFailedVerification(Instant at, String detail, Set<String> pods) {
        failedVerificationAt = at;
        failedVerificationDetail = detail;
        podsAtFailedVerification = Set.copyOf(pods);
    }

    /**
     * Notes the colour's pods; when none of the previous pods is left (a rollout replaced them all), what was
     * verified about the old pods no longer holds.
     */
    void observePods(Set<String> pods) {
        if (!pods.isEmpty() && !lastPods.isEmpty() && java.util.Collections.disjoint(pods, lastPods)) {
            lastVerifiedAt = null;
        }
        if (!pods.isEmpty()) {
            lastPods = Set.copyOf(pods);
        }
    }

    boolean restartedWithin(Instant now, Duration d) {
        return lastRestartIncreaseAt != null && !lastRestartIncreaseAt.isBefore(now.minus(d));
    }

    boolean capacityBoundWithin(Instant now, Duration d) {
        return lastCapacityBoundAt != null && !lastCapacityBoundAt.isBefore(now.minus(d));
    }
}
