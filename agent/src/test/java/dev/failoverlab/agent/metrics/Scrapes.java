package dev.failoverlab.agent.metrics;

import dev.failoverlab.agent.port.ScrapeSample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Prometheus scrapes with steady traffic, for PromQL and analysis tests. */
public final class Scrapes {
    public static final double[] BOUNDS = {5, 10, 25, 50, 100, 250, 500, 1000, 2500, Double.POSITIVE_INFINITY};
    public static final Duration STEP = Duration.ofSeconds(15);
    /** Scrapes so far before the first one built, per step of traffic: keeps the counters far from zero. */
    private static final long HISTORY_STEPS = 10_000;

    private Scrapes() {
    }

    /**
     * Five scrapes 15 s apart ending at {@code end} (the oldest is exactly one minute back, so a [1m] range
     * selector at {@code end} sees the last four), each step adding {@code errors} of {@code perBucket} requests,
     * where {@code perBucket[i]} requests fell into bucket i (not cumulative).
     */
    public static List<ScrapeSample> steady(Instant end, long errors, long... perBucket) {
        if (perBucket.length != BOUNDS.length) {
            throw new IllegalArgumentException("need " + BOUNDS.length + " bucket counts");
        }
        long perStep = 0;
        for (long b : perBucket) {
            perStep += b;
        }
        List<ScrapeSample> out = new ArrayList<>();
        for (int k = 0; k <= 4; k++) {
            long steps = HISTORY_STEPS + k;
            long[] cumulative = new long[BOUNDS.length];
            long running = 0;
            for (int i = 0; i < BOUNDS.length; i++) {
                running += perBucket[i] * steps;
                cumulative[i] = running;
            }
            out.add(new ScrapeSample(end.minus(STEP.multipliedBy(4 - k)), perStep * steps, errors * steps,
                    BOUNDS.clone(), cumulative, 20.0 * perStep * steps));
        }
        return out;
    }

    /** 1000 requests per step, all within 25 ms except 10 under 100 ms: p99 is 25 ms. */
    public static long[] fast() {
        return new long[] {0, 0, 990, 0, 10, 0, 0, 0, 0, 0};
    }

    /** 1000 requests per step, 20 of them between 500 ms and 1 s: p99 is 750 ms. */
    public static long[] slowTail() {
        return new long[] {0, 0, 980, 0, 0, 0, 0, 20, 0, 0};
    }

    public static long[] none() {
        return new long[BOUNDS.length];
    }
}
