package dev.failoverlab.loadgen.http;

import dev.failoverlab.loadgen.profile.LoadProfile;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * What to run: the target URL (plain http, GET), the load profile, the connection pool size, the arrival
 * process and its seed, the per-request timeout, the lateness above which a send counts as late, and the send
 * quantum: 0 sends each request when it is due; a quantum {@code q} sends the requests due so far at multiples of
 * {@code q} after the start, in bursts (what a millisecond timer does in wrk2). Bursts cost the server fewer
 * wake-ups per request at high rates; the wait, at most {@code q}, is in the measured latency.
 */
public record LoadOptions(URI target, LoadProfile profile, int connections, ArrivalProcess arrivals,
                          long seed, Duration timeout, Duration lateThreshold, Duration sendQuantum) {

    public static final int DEFAULT_CONNECTIONS = 32;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_LATE_THRESHOLD = Duration.ofMillis(10);
    /** A longer quantum would make the schedule's shape, not the server, dominate the latency. */
    public static final Duration MAX_SEND_QUANTUM = Duration.ofMillis(10);

    public LoadOptions {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(arrivals, "arrivals");
        if (connections < 1 || connections > 10_000) {
            throw new IllegalArgumentException("connections must be 1..10000, got " + connections);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be > 0, got " + timeout);
        }
        if (lateThreshold.isNegative()) {
            throw new IllegalArgumentException("late threshold must be >= 0, got " + lateThreshold);
        }
        if (sendQuantum.isNegative() || sendQuantum.compareTo(MAX_SEND_QUANTUM) > 0) {
            throw new IllegalArgumentException("send quantum must be 0.." + MAX_SEND_QUANTUM.toMillis() + " ms, got "
                    + sendQuantum.toNanos() / 1e6 + " ms");
        }
    }

    /** Defaults: 32 connections, Poisson arrivals with seed 1, 10 s timeout, 10 ms late threshold, no quantum. */
    public static LoadOptions of(URI target, LoadProfile profile) {
        return new LoadOptions(target, profile, DEFAULT_CONNECTIONS, ArrivalProcess.POISSON, 1L, DEFAULT_TIMEOUT,
                DEFAULT_LATE_THRESHOLD, Duration.ZERO);
    }

    public LoadOptions withTarget(URI value) {
        return new LoadOptions(value, profile, connections, arrivals, seed, timeout, lateThreshold, sendQuantum);
    }

    public LoadOptions withProfile(LoadProfile value) {
        return new LoadOptions(target, value, connections, arrivals, seed, timeout, lateThreshold, sendQuantum);
    }

    public LoadOptions withConnections(int value) {
        return new LoadOptions(target, profile, value, arrivals, seed, timeout, lateThreshold, sendQuantum);
    }

    public LoadOptions withArrivals(ArrivalProcess value) {
        return new LoadOptions(target, profile, connections, value, seed, timeout, lateThreshold, sendQuantum);
    }

    public LoadOptions withSeed(long value) {
        return new LoadOptions(target, profile, connections, arrivals, value, timeout, lateThreshold, sendQuantum);
    }

    public LoadOptions withTimeout(Duration value) {
        return new LoadOptions(target, profile, connections, arrivals, seed, value, lateThreshold, sendQuantum);
    }

    public LoadOptions withLateThreshold(Duration value) {
        return new LoadOptions(target, profile, connections, arrivals, seed, timeout, value, sendQuantum);
    }

    public LoadOptions withSendQuantum(Duration value) {
        return new LoadOptions(target, profile, connections, arrivals, seed, timeout, lateThreshold, value);
    }
}
