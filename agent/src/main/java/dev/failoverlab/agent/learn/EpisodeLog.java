package dev.failoverlab.agent.learn;

import java.util.List;

/** Where episodes are kept. Implementations are thread-safe and durable (or say they are not). */
public interface EpisodeLog {

    /** Appends a new episode. */
    void record(Episode episode);

    /** Replaces an episode by id with its resolved version. */
    void update(Episode resolved);

    /** All episodes, oldest first. */
    List<Episode> all();
}
