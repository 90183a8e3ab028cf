package dev.failoverlab.agent.guard;

import java.time.Duration;
import java.time.Instant;

/**
 * At most {@code perMinute} actions in any minute, with bursts up to {@code perMinute}: a token bucket that
 * refills continuously at {@code perMinute / 60} tokens a second on the agent's clock (virtual time in the
 * simulator). A clock that steps back refills nothing. Thread-safe.
 */
public final class TokenBucket {
    private final int capacity;
    private final double tokensPerSecond;
    private double tokens;
    private Instant last;

    public TokenBucket(int perMinute, Instant start) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("maxActionsPerMinute must be at least 1, got " + perMinute
                    + "; use dry-run to forbid all changes");
        }
        this.capacity = perMinute;
        this.tokensPerSecond = perMinute / 60.0;
        this.tokens = perMinute;
        this.last = start;
    }

    /** Takes one token if there is one at {@code now}. */
    public synchronized boolean tryTake(Instant now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** How long until the next token, at {@code now} (zero when one is available). */
    public synchronized Duration untilNext(Instant now) {
        refill(now);
        if (tokens >= 1) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - tokens) / tokensPerSecond * 1e9));
    }

    public int capacity() {
        return capacity;
    }

    private void refill(Instant now) {
        if (now.isAfter(last)) {
            double seconds = Duration.between(last, now).toNanos() / 1e9;
            tokens = Math.min(capacity, tokens + seconds * tokensPerSecond);
            last = now;
        }
    }
}
