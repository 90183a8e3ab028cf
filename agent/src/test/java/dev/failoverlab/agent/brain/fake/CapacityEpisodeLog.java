package dev.failoverlab.agent.brain.fake;

import dev.failoverlab.agent.learn.Episode;
import dev.failoverlab.agent.learn.EpisodeLog;
import java.util.ArrayList;
import java.util.List;

/** Episodes in a list; {@code failing} makes every write throw, like a full disk. */
public final class CapacityEpisodeLog implements EpisodeLog {
    private final List<Episode> episodes = new ArrayList<>();
    public boolean failing;

    @Override
    public synchronized void record(Episode episode) {
        if (failing) {
            throw new IllegalStateException("episode store unavailable");
        }
        episodes.add(episode);
    }

    @Override
    public synchronized void update(Episode resolved) {
        episodes.replaceAll(e -> e.id().equals(resolved.id()) ? resolved : e);
    }

    @Override
    public synchronized List<Episode> all() {
        return List.copyOf(episodes);
    }

    public List<Episode> ofKind(String kind) {
        return all().stream().filter(e -> e.kind().equals(kind)).toList();
    }
}
