package dev.failoverlab.agent.brain;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The agent's short-term memory between queries, shared by the endpoints (thread-safe by synchronising on this).
 * Each endpoint keeps its own entries under its own key type; nothing here is persisted (learning is, in the
 * episode log).
 */
public final class AgentState {
    private final Map<Class<?>, Object> entries = new HashMap<>();
    private Instant lastTrafficMove;
    private String lastMoveAwayFrom;

    /** The entry of type {@code type}, created by {@code factory} on first use. */
    public synchronized <T> T get(Class<T> type, java.util.function.Supplier<T> factory) {
        return type.cast(entries.computeIfAbsent(type, k -> factory.get()));
    }

    /** Records a traffic move away from {@code color} (for cool-down and anti-flap checks). */
    public synchronized void trafficMoved(Instant at, String awayFrom) {
        lastTrafficMove = at;
        lastMoveAwayFrom = awayFrom;
    }

    public synchronized Instant lastTrafficMove() {
        return lastTrafficMove;
    }

    public synchronized String lastMoveAwayFrom() {
        return lastMoveAwayFrom;
    }
}
