package dev.failoverlab.harness.agent;

import dev.failoverlab.agent.learn.Episode;
import dev.failoverlab.agent.learn.EpisodeKind;
import dev.failoverlab.agent.learn.EpisodeLog;
import dev.failoverlab.agent.learn.InMemoryEpisodeLog;
import dev.failoverlab.agent.learn.JsonLinesEpisodeLog;
import dev.failoverlab.agent.learn.Learner;
import dev.failoverlab.agent.learn.Rules;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Learning across benchmark runs. Each run's agent learns into its own in-memory log with the rules frozen at the
 * start of the suite, so runs stay independent and reproducible; when a run ends its episodes are appended to the
 * persistent store (if one is configured), shifted in time to follow everything already there (every simulated run
 * starts at time zero, the store needs one timeline); after the suite, {@link #finishSuite()} re-tunes the rules
 * on the whole store — the next suite (or a restarted agent) starts from them.
 */
public final class AgentLearning implements AutoCloseable {
    private final JsonLinesEpisodeLog store;
    private final Learner storeLearner;
    private final Rules rules;
    private final List<Episode> ruleHistory;

    private AgentLearning(JsonLinesEpisodeLog store) {
        this.store = store;
        this.storeLearner = store == null ? null : new Learner(store);
        this.rules = storeLearner == null ? Rules.initial() : storeLearner.current();
        this.ruleHistory = store == null ? List.of() : store.all().stream()
                .filter(e -> e.kind().equals(EpisodeKind.RULE_UPDATE.label())).toList();
    }

    /** No persistence: every run starts from the initial rules. */
    public static AgentLearning inMemory() {
        return new AgentLearning(null);
    }

    /** Learning persisted in a JSON-lines store (created if missing). */
    public static AgentLearning persistent(Path file) {
        return new AgentLearning(JsonLinesEpisodeLog.open(file));
    }

    /** The rules every run of this suite uses. */
    public Rules rules() {
        return rules;
    }

    public boolean persistent() {
        return store != null;
    }

    /** A learner for one run: in memory, seeded with the store's rule history so it reports the same rules. */
    public Learner sessionLearner() {
        EpisodeLog log = new InMemoryEpisodeLog();
        ruleHistory.forEach(log::record);
        return new Learner(log);
    }

    /** Appends a finished run's own episodes to the store, after everything already in it. */
    public synchronized void absorb(Learner session) {
        if (store == null) {
            return;
        }
        Instant offset = latest(store.all()).plusSeconds(1);
        List<Episode> mine = new ArrayList<>();
        for (Episode e : session.log().all()) {
            if (!e.kind().equals(EpisodeKind.RULE_UPDATE.label())) {
                mine.add(shift(e, Duration.between(Instant.EPOCH, offset)));
            }
        }
        mine.forEach(store::record);
    }

    /** Re-tunes the rules on the whole store after a suite; null without a store. */
    public synchronized Learner.RetuneReport finishSuite() {
        if (store == null) {
            return null;
        }
        return storeLearner.retune(latest(store.all()).plusSeconds(1));
    }

    /** The store's learner (for insights after a suite); null without a store. */
    public Learner storeLearner() {
        return storeLearner;
    }

    private static Instant latest(List<Episode> episodes) {
        Instant max = Instant.EPOCH;
        for (Episode e : episodes) {
            if (e.dueAt().isAfter(max)) {
                max = e.dueAt();
            }
        }
        return max;
    }

    private static Episode shift(Episode e, Duration by) {
        return new Episode(e.id() + "@" + by.toSeconds(), e.kind(), e.at().plus(by), e.dueAt().plus(by), e.subject(),
                e.predicted(), e.observed(), e.labels(), e.resolved());
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
        }
    }
}
