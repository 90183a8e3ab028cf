package dev.failoverlab.harness.score;

import dev.failoverlab.harness.run.RunRecording;
import dev.failoverlab.harness.run.Sample;
import dev.failoverlab.harness.scenario.Slo;
import java.util.List;

/**
 * Which sample intervals break the SLO. An interval with arrivals is violated when its error ratio exceeds the
 * SLO's error rate, when its p95 exceeds the SLO's p95, or when nothing completed at all; an interval without
 * arrivals is never violated. Interval {@code i} ends at {@code endSeconds(i)}.
 */
public final class SloTimeline {
    private final double[] ends;
    private final boolean[] violated;
    private final double intervalSeconds;

    private SloTimeline(double[] ends, boolean[] violated, double intervalSeconds) {
        this.ends = ends;
        this.violated = violated;
        this.intervalSeconds = intervalSeconds;
    }

    public static SloTimeline of(RunRecording run, Slo slo) {
        List<Sample> samples = run.samples();
        double[] ends = new double[samples.size()];
        boolean[] violated = new boolean[samples.size()];
        for (int i = 0; i < ends.length; i++) {
            ends[i] = samples.get(i).tSeconds();
            violated[i] = violates(samples.get(i), slo);
        }
        return new SloTimeline(ends, violated, run.intervalSeconds());
    }

    public static boolean violates(Sample s, Slo slo) {
        if (s.arrivals() <= 0) {
            return false;
        }
        long done = s.ok() + s.errors();
        if (done == 0) {
            return true;
        }
        if ((double) s.errors() / done > slo.errorRatePercent() / 100.0) {
            return true;
        }
        return !Double.isNaN(s.p95Ms()) && s.p95Ms() > slo.latencyP95Ms();
    }

    public int size() {
        return ends.length;
    }

    public double endSeconds(int i) {
        return ends[i];
    }

    public boolean violated(int i) {
        return violated[i];
    }

    public int violatedIntervals() {
        int n = 0;
        for (boolean v : violated) {
            if (v) {
                n++;
            }
        }
        return n;
    }

    public double violationSeconds() {
        return violatedIntervals() * intervalSeconds;
    }

    /** Index of the first violated interval ending strictly after {@code onset}, or -1. */
    public int firstViolationAfter(double onset) {
        for (int i = 0; i < ends.length; i++) {
            if (ends[i] > onset + TrafficMove.EPSILON && violated[i]) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Seconds from {@code onset} until the SLO is restored: the first interval end {@code t}, at or after the
     * first violation after onset, such that every interval ending in {@code (t, t + holdSeconds]} complies
     * (or, near the end of the run, every remaining one does — at least one must remain). 0 when the SLO is
     * never violated after onset, NaN when it never recovers.
     */
    public double restoreSeconds(double onset, double holdSeconds) {
        int first = firstViolationAfter(onset);
        if (first < 0) {
            return 0.0;
        }
        for (int i = first; i < ends.length - 1; i++) {
            boolean clean = true;
            for (int j = i + 1; j < ends.length && ends[j] <= ends[i] + holdSeconds + TrafficMove.EPSILON; j++) {
                if (violated[j]) {
                    clean = false;
                    break;
                }
            }
            if (clean) {
                return ends[i] - onset;
            }
        }
        return Double.NaN;
    }
}
