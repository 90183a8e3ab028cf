package dev.failoverlab.loadgen.http;

import dev.failoverlab.loadgen.profile.LoadProfile;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * What to run: the target URL (plain http, GET), the load profile, the connection pool size, the arrival
 * process and its seed, the per-request timeout and the lateness above which a send counts as late.
 */
public record LoadOptions(URI target, LoadProfile profile, int connections, ArrivalProcess arrivals,
                          long seed, Duration timeout, Duration lateThreshold) {

    public static final int DEFAULT_CONNECTIONS = 32;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_LATE_THRESHOLD = Duration.ofMillis(10);

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
    }

    /** Defaults: 32 connections, Poisson arrivals with seed 1, 10 s timeout, 10 ms late threshold. */
    public static LoadOptions of(URI target, LoadProfile profile) {
        return new LoadOptions(target, profile, DEFAULT_CONNECTIONS, ArrivalProcess.POISSON, 1L, DEFAULT_TIMEOUT,
                DEFAULT_LATE_THRESHOLD);
    }

    public LoadOptions withTarget(URI value) {
        return new LoadOptions(value, profile, connections, arrivals, seed, timeout, lateThreshold);
    }

    public LoadOptions withProfile(LoadProfile value) {
        return new LoadOptions(target, value, connections, arrivals, seed, timeout, lateThreshold);
    }

    public LoadOptions withConnections(int value) {
        return new LoadOptions(target, profile, value, arrivals, seed, timeout, lateThreshold);
    }

    public LoadOptions withArrivals(ArrivalProcess value) {
        return new LoadOptions(target, profile, connections, value, seed, timeout, lateThreshold);
    }

    public LoadOptions withSeed(long value) {
        return new LoadOptions(target, profile, connections, arrivals, value, timeout, lateThreshold);
    }

    public LoadOptions withTimeout(Duration value) {
        return new LoadOptions(target, profile, connections, arrivals, seed, value, lateThreshold);
    }

    public LoadOptions withLateThreshold(Duration value) {
        return new LoadOptions(target, profile, connections, arrivals, seed, timeout, value);
    }
}
