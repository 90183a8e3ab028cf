package dev.failoverlab.agent.learn;

import java.util.Collection;
import java.util.List;

/** Where episodes are kept. Implementations are thread-safe and durable (or say they are not). */
public interface EpisodeLog {

    /** Appends a new episode. */
    void record(Episode episode);

    /** Replaces an episode by id with its resolved version. */
    void update(Episode resolved);

    /** All episodes, oldest first. */
    List<Episode> all();

    /**
     * Replaces several episodes at once. Durable stores override this to rewrite once for the whole batch instead
     * of once per episode.
     */
    default void updateAll(Collection<Episode> resolved) {
        resolved.forEach(this::update);
    }

    /** Whether episodes survive a restart of the agent. */
    default boolean durable() {
        return false;
    }

    /** Where the episodes live, for people: a file path, or {@code memory}. */
    default String location() {
        return "memory";
    }

    /** Problems met while loading the store (e.g. a torn last line that was dropped); empty when none. */
    default List<String> warnings() {
        return List.of();
    }
}
