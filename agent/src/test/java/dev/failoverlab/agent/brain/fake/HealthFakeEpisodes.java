package dev.failoverlab.agent.brain.fake;

import dev.failoverlab.agent.learn.Episode;
import dev.failoverlab.agent.learn.EpisodeLog;
import java.util.ArrayList;
import java.util.List;

/** An in-memory episode log for brain tests. */
public final class HealthFakeEpisodes implements EpisodeLog {
    private final List<Episode> episodes = new ArrayList<>();

    @Override
    public synchronized void record(Episode episode) {
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
