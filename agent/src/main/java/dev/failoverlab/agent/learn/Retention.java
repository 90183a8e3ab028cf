package dev.failoverlab.agent.learn;

import java.util.ArrayList;
import java.util.List;

/**
 * The size cap shared by the stores: keep the newest {@code capacity} episodes, and every {@code rule-update}
 * episode whatever its age (they are few and they are the rules' history). Compaction starts a tenth above the cap,
 * so a full store does not rewrite itself on every append.
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
        int firstKept = Math.max(0, episodes.size() - capacity);
        List<Episode> kept = new ArrayList<>(Math.min(episodes.size(), capacity + 16));
        for (int i = 0; i < episodes.size(); i++) {
            Episode e = episodes.get(i);
            if (i >= firstKept || e.kind().equals(EpisodeKind.RULE_UPDATE.label())) {
                kept.add(e);
            }
        }
        return kept;
    }
}
