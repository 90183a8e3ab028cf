package dev.failoverlab.agent.brain.capacity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Replica recommendations per colour over the scale-down stabilisation window, as the HPA keeps them
 * ({@code stabilizationWindowSeconds}, default 300 s): a colour is scaled down only to the highest recommendation
 * of the window, so a dip in load does not remove pods that the next minute needs again. An
 * {@link dev.failoverlab.agent.brain.AgentState} entry.
 */
final class ScaleMemory {
    /** The HPA's default scale-down stabilisation window. */
    static final Duration WINDOW = Duration.ofSeconds(300);

    private record Entry(Instant at, int replicas) {
    }

    /** How long a scale-up the guard cut short stays pending for the next queries to finish. */
    static final Duration PENDING = Duration.ofSeconds(60);

    private final Map<String, Deque<Entry>> byColour = new HashMap<>();
    private final Map<String, Entry> pendingUp = new HashMap<>();

    /**
     * Records this query's recommendation and returns the highest one of the window. The first time a colour is
     * seen its current replicas count as a recommendation, as the HPA does, so nothing is removed before the agent
     * has watched the colour for a whole window.
     */
    synchronized int recordAndStabilise(String colour, Instant now, int currentReplicas, int recommendation) {
        Deque<Entry> q = byColour.get(colour);
        if (q == null) {
            q = new ArrayDeque<>();
            q.add(new Entry(now, currentReplicas));
            byColour.put(colour, q);
        }
        q.addLast(new Entry(now, recommendation));
        Instant oldest = now.minus(WINDOW);
        while (q.size() > 1 && q.peekFirst().at().isBefore(oldest)) {
            q.removeFirst();
        }
        int max = 0;
        for (Entry e : q) {
            if (!e.at().isBefore(oldest)) {
                max = Math.max(max, e.replicas());
            }
        }
        return max;
    }

    /** Seconds since the colour's recommendations were first all below {@code replicas}; 0 if the latest is not. */
    synchronized double secondsBelow(String colour, Instant now, int replicas) {
        Deque<Entry> q = byColour.get(colour);
        if (q == null) {
            return 0;
        }
        Instant since = null;
        for (Entry e : q) {
            if (e.replicas() >= replicas) {
                since = null;
            } else if (since == null) {
                since = e.at();
            }
        }
        return since == null ? 0 : Duration.between(since, now).toMillis() / 1000.0;
    }

    /** Remembers that a scale-up to {@code wanted} was cut by the guard's step; null clears it. */
    synchronized void pendingUp(String colour, Instant now, Integer wanted) {
        if (wanted == null) {
            pendingUp.remove(colour);
        } else {
            pendingUp.put(colour, new Entry(now, wanted));
        }
    }

    /** The replicas a recent cut-short scale-up wanted, or 0 when none is pending. */
    synchronized int pendingUp(String colour, Instant now) {
        Entry e = pendingUp.get(colour);
        return e == null || e.at().isBefore(now.minus(PENDING)) ? 0 : e.replicas();
    }
}
