package dev.failoverlab.harness.sim;

import java.util.SplittableRandom;

/**
 * Independent random streams derived from one run seed. Arrivals use the seed itself (as
 * {@code PoissonArrivals} does); the others hash the seed with a stream number, so no stream is a shifted copy of
 * another (which {@code new SplittableRandom(seed + k)} would risk).
 */
final class Seeds {
    static final int REQUEST_ATTRIBUTES = 1;
    static final int ROUTING = 2;

    private Seeds() {
    }

    static SplittableRandom stream(long seed, int stream) {
        return new SplittableRandom(mix64(seed ^ mix64(0x9E3779B97F4A7C15L * stream)));
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
