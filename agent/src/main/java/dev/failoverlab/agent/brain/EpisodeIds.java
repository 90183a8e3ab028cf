package dev.failoverlab.agent.brain;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Episode ids {@code <kind>-<epochMillis>-<counter>}, the counter kept in the agent's state. */
public final class EpisodeIds {
    private final AtomicLong counter = new AtomicLong();

    public String next(String kind, Instant at) {
        return kind + "-" + at.toEpochMilli() + "-" + counter.incrementAndGet();
    }
}
