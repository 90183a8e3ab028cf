package dev.failoverlab.agent.brain.failover;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The failover part of {@link dev.failoverlab.agent.brain.AgentState}: the traffic shift in progress (from which
 * colour, to which, the split before its last step, when that step was taken) and, per colour, when traffic last
 * moved away from it (the cool-down). Only actions that were applied change it. Thread-safe; the decider holds this
 * object's monitor for a whole query so two concurrent queries cannot both move traffic.
 */
public final class ShiftState {
    private Shift shift;
    private final Map<String, Instant> movedAwayAt = new HashMap<>();

    /**
     * A multi-step move of traffic.
     *
     * @param previousSplit the split before the last step (what a rollback restores)
     * @param immediate     an immediate switch (steps limited only by the target's ready capacity)
     */
    public record Shift(String from, String to, Map<String, Integer> previousSplit, Instant startedAt,
            Instant lastStepAt, boolean immediate, int steps) {

        public Shift {
            previousSplit = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(previousSplit));
        }
    }

    /** A consistent copy for the (pure) planner. */
    public record Snapshot(Shift shift, Map<String, Instant> movedAwayAt) {

        public Snapshot {
            movedAwayAt = Map.copyOf(movedAwayAt);
        }

        public Instant movedAwayFrom(String color) {
            return movedAwayAt.get(color);
        }
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(shift, movedAwayAt);
    }

    public synchronized void startOrContinue(Shift s) {
        shift = s;
    }

    public synchronized void end() {
        shift = null;
    }

    public synchronized void movedAway(String color, Instant at) {
        movedAwayAt.put(color, at);
    }
}
