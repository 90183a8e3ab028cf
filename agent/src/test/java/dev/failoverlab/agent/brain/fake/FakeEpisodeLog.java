package dev.failoverlab.agent.brain.fake;

import dev.failoverlab.agent.learn.Episode;
import dev.failoverlab.agent.learn.EpisodeLog;
import dev.failoverlab.agent.learn.InMemoryEpisodeLog;
import java.util.Collection;
import java.util.List;

/** The agent's own in-memory episode log, with a filter by kind for assertions. */
public final class FakeEpisodeLog implements EpisodeLog {
    private final InMemoryEpisodeLog log = new InMemoryEpisodeLog();

    @Override
    public void record(Episode episode) {
        log.record(episode);
    }

    @Override
    public void update(Episode resolved) {
        log.update(resolved);
    }

    @Override
    public void updateAll(Collection<Episode> resolved) {
        log.updateAll(resolved);
    }

    @Override
    public List<Episode> all() {
        return log.all();
    }

    public List<Episode> ofKind(String kind) {
        return all().stream().filter(e -> e.kind().equals(kind)).toList();
    }
}
