package dev.failoverlab.harness.score;

import dev.failoverlab.harness.run.ColorSample;
import dev.failoverlab.harness.run.QueryTiming;
import dev.failoverlab.harness.run.RunEvent;
import dev.failoverlab.harness.run.RunKey;
import dev.failoverlab.harness.run.RunRecording;
import dev.failoverlab.harness.run.RunStats;
import dev.failoverlab.harness.run.Sample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hand-built recordings for tests: 5 s intervals of a blue/green pair; by default every interval has 100
 * arrivals, 100 ok, p95 50 ms, all traffic on blue, blue 2 and green 1 replicas. Ranges name interval ends:
 * {@code (from, to]} selects the intervals ending after {@code from} and at or before {@code to}.
 */
public final class RunBuilder {
    public static final double INTERVAL = 5;
    private final RunKey key;
    private final int n;
    private final long[] arrivals;
    private final long[] ok;
    private final long[] errors;
    private final double[] p95;
    private final double[] blueShare;
    private final int[] blueReplicas;
    private final int[] greenReplicas;
    private final List<RunEvent> events = new ArrayList<>();
    private final List<QueryTiming> queries = new ArrayList<>();
    private RunStats stats = new RunStats(0, 0, 1.0);

    public RunBuilder(String scenario, String policy, long seed, double seconds) {
        key = new RunKey(scenario, policy, seed);
        n = (int) Math.round(seconds / INTERVAL);
        arrivals = filled(100);
        ok = filled(100);
        errors = new long[n];
        p95 = new double[n];
        Arrays.fill(p95, 50);
        blueShare = new double[n];
        Arrays.fill(blueShare, 100);
        blueReplicas = new int[n];
        Arrays.fill(blueReplicas, 2);
        greenReplicas = new int[n];
        Arrays.fill(greenReplicas, 1);
    }

    private long[] filled(long v) {
        long[] a = new long[n];
        Arrays.fill(a, v);
        return a;
    }

    private boolean in(int i, double from, double to) {
        double end = (i + 1) * INTERVAL;
        return end > from + 1e-9 && end <= to + 1e-9;
    }

    /** {@code count} of the 100 completions fail in each interval of the range. */
    public RunBuilder errors(double from, double to, long count) {
        for (int i = 0; i < n; i++) {
            if (in(i, from, to)) {
                errors[i] = count;
                ok[i] = arrivals[i] - count;
            }
        }
        return this;
    }

    public RunBuilder p95(double from, double to, double ms) {
        for (int i = 0; i < n; i++) {
            if (in(i, from, to)) {
                p95[i] = ms;
            }
        }
        return this;
    }

    /** Requests arrive but none completes. */
    public RunBuilder stall(double from, double to) {
        for (int i = 0; i < n; i++) {
            if (in(i, from, to)) {
                ok[i] = 0;
                errors[i] = 0;
                p95[i] = Double.NaN;
            }
        }
        return this;
    }

    /** No request arrives or completes. */
    public RunBuilder idle(double from, double to) {
        stall(from, to);
        for (int i = 0; i < n; i++) {
            if (in(i, from, to)) {
                arrivals[i] = 0;
            }
        }
        return this;
    }

    /** Blue's traffic share in the intervals ending at or after {@code t} (green gets the rest). */
    public RunBuilder blueShareFrom(double t, double percent) {
        for (int i = 0; i < n; i++) {
            if ((i + 1) * INTERVAL >= t - 1e-9) {
                blueShare[i] = percent;
            }
        }
        return this;
    }

    public RunBuilder replicasFrom(String colour, double t, int replicas) {
        int[] target = colour.equals("blue") ? blueReplicas : greenReplicas;
        for (int i = 0; i < n; i++) {
            if ((i + 1) * INTERVAL >= t - 1e-9) {
                target[i] = replicas;
            }
        }
        return this;
    }

    public RunBuilder event(double t, RunEvent.Kind kind, String target, String value) {
        events.add(new RunEvent(t, kind, kind == RunEvent.Kind.FAULT ? "scenario" : key.policy(), target, value,
                kind + " " + value));
        return this;
    }

    public RunBuilder query(double t, double wallMillis, long in, long out) {
        queries.add(new QueryTiming(t, "/failover-assessment", wallMillis, in, out));
        return this;
    }

    public RunBuilder stats(long requests, long simEvents, double wallSeconds) {
        stats = new RunStats(requests, simEvents, wallSeconds);
        return this;
    }

    public RunRecording build() {
        List<Sample> samples = new ArrayList<>(n);
        long cumArrived = 0;
        long cumCompleted = 0;
        long cumFailed = 0;
        for (int i = 0; i < n; i++) {
            cumArrived += arrivals[i];
            cumCompleted += ok[i];
            cumFailed += errors[i];
            double b = blueShare[i] / 100.0;
            long blueArrivals = Math.round(arrivals[i] * b);
            long blueOk = Math.round(ok[i] * b);
            long blueErrors = Math.round(errors[i] * b);
            List<ColorSample> colours = List.of(
                    colour("blue", blueArrivals, blueOk, blueErrors, p95[i], blueShare[i], blueReplicas[i]),
                    colour("green", arrivals[i] - blueArrivals, ok[i] - blueOk, errors[i] - blueErrors, p95[i],
                            100 - blueShare[i], greenReplicas[i]));
            samples.add(new Sample((i + 1) * INTERVAL, arrivals[i] / INTERVAL, cumArrived, cumCompleted, cumFailed,
                    cumArrived - cumCompleted - cumFailed, arrivals[i], ok[i], errors[i], p95[i] / 2, p95[i],
                    p95[i] * 1.5, colours));
        }
        events.sort((x, y) -> Double.compare(x.tSeconds(), y.tSeconds()));
        return new RunRecording(key, "test", List.of("blue", "green"), INTERVAL, samples, events, queries, stats);
    }

    private static ColorSample colour(String colour, long arrivals, long ok, long errors, double p95, double share,
                                      int replicas) {
        double p = arrivals == 0 ? Double.NaN : p95;
        return new ColorSample(colour, arrivals, ok, errors, p / 2, p, p * 1.5, share, replicas, replicas, replicas,
                replicas * INTERVAL, arrivals == 0 ? 0 : 40, 150);
    }
}
