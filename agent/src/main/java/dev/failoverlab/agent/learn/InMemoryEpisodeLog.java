package dev.failoverlab.agent.learn;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Episodes in memory only (tests, and an agent without a learning store). Thread-safe; capped like the file store. */
public final class InMemoryEpisodeLog implements EpisodeLog {
    private final int capacity;
    private final EpisodeIndex episodes = new EpisodeIndex();

    public InMemoryEpisodeLog() {
        this(Retention.DEFAULT_CAPACITY);
    }

    public InMemoryEpisodeLog(int capacity) {
        this.capacity = Retention.requireCapacity(capacity);
    }

    @Override
    public synchronized void record(Episode episode) {
        episodes.requireNew(episode, location());
        episodes.add(episode);
        if (Retention.overdue(episodes.size(), capacity)) {
            episodes.replaceAll(Retention.newest(episodes.list(), capacity));
        }
    }

    @Override
    public synchronized void update(Episode resolved) {
        updateAll(List.of(resolved));
    }

    @Override
    public synchronized void updateAll(Collection<Episode> resolved) {
        episodes.replaceAll(episodes.withUpdates(resolved, location()));
    }

    @Override
    public synchronized List<Episode> all() {
        return List.copyOf(episodes.list());
    }

    /** Episodes held in order, with an id index; not thread-safe on its own. */
    static final class EpisodeIndex {
        private final List<Episode> list = new ArrayList<>();
        private final Map<String, Integer> positions = new HashMap<>();

        int size() {
            return list.size();
        }

        List<Episode> list() {
            return list;
        }

        boolean contains(String id) {
            return positions.containsKey(id);
        }

        void requireNew(Episode e, String where) {
            if (positions.containsKey(e.id())) {
                throw new IllegalArgumentException("episode id \"" + e.id() + "\" is already in " + where
                        + "; record each episode once and use update() to resolve it");
            }
        }

        void add(Episode e) {
            positions.put(e.id(), list.size());
            list.add(e);
        }

        void replaceAll(List<Episode> episodes) {
            List<Episode> copy = new ArrayList<>(episodes);
            list.clear();
            positions.clear();
            copy.forEach(this::add);
        }

        /** A new list with the given episodes replaced by id; the index itself is unchanged. */
        List<Episode> withUpdates(Collection<Episode> updates, String where) {
            List<Episode> next = new ArrayList<>(list);
            for (Episode u : updates) {
                Integer at = positions.get(u.id());
                if (at == null) {
                    throw new IllegalArgumentException("no episode with id \"" + u.id() + "\" in " + where
                            + " (it may have been compacted away); record it before updating it");
                }
                next.set(at, u);
            }
            return next;
        }
    }
}
