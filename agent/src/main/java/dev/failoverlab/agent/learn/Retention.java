package dev.failoverlab.agent.learn;

import java.util.ArrayList;
import java.util.List;

/**
 * The size cap shared by the stores: keep the newest {@code capacity} episodes, always including every
 * {@code rule-update} episode whatever its age (they are few and they are the rules' history), which take their
 * place in the budget. Compaction starts a tenth above the cap, so a full store does not rewrite itself on every
 * append.
 */
final class Retention {
    static final int DEFAULT_CAPACITY = 50_000;

    private Retention() {
    }

    static int requireCapacity(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("episode capacity must be at least 1, got " + capacity);
        }
        return capacity;
    }

    static boolean overdue(int size, int capacity) {
        return size > capacity + capacity / 10;
    }

    /** The episodes to keep, in their original order. */
    static List<Episode> newest(List<Episode> episodes, int capacity) {
        int updates = 0;
        for (Episode e : episodes) {
            updates += isUpdate(e) ? 1 : 0;
        }
        int budget = Math.max(0, capacity - updates);
        int others = episodes.size() - updates;
        int skip = Math.max(0, others - budget);
        List<Episode> kept = new ArrayList<>(Math.min(episodes.size(), capacity + updates));
        for (Episode e : episodes) {
            if (isUpdate(e)) {
                kept.add(e);
            } else if (skip > 0) {
                skip--;
            } else {
                kept.add(e);
            }
        }
        return kept;
    }

    private static boolean isUpdate(Episode e) {
        return e.kind().equals(EpisodeKind.RULE_UPDATE.label());
    }
}
