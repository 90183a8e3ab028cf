package dev.failoverlab.agent.brain.capacity;

import dev.failoverlab.agent.brain.EpisodeIds;
import dev.failoverlab.agent.brain.BrainContext;
import dev.failoverlab.agent.learn.Episode;
import dev.failoverlab.agent.observe.ColorObservation;
import dev.failoverlab.agent.observe.ServiceObservation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records what the capacity endpoints predicted and measured, so the learner can resolve and score it later:
 * one {@code observation} episode per query, plus a {@code forecast} ({@code /analyze}) or {@code optimize}
 * ({@code /optimize}) episode. Ids are {@code <kind>-<epochMillis>-<counter>}; the counter is the
 * {@link EpisodeIds} entry of {@link dev.failoverlab.agent.brain.AgentState}, shared by every endpoint that uses
 * the same key, so two endpoints answering at the same instant do not mint the same id. A failing episode store
 * is remembered in {@link #failures()} for the answer's evidence, never fatal.
 */
final class CapacityEpisodes {
    private final BrainContext ctx;
    private final List<String> failures = new ArrayList<>();

    CapacityEpisodes(BrainContext ctx) {
        this.ctx = ctx;
    }

    String id(String kind, Instant at) {
        return ctx.state().get(EpisodeIds.class, EpisodeIds::new).next(kind, at);
    }

    /** One observation episode with each colour's measured values (NaN values are left out). */
    void observation(ServiceObservation obs, Map<String, String> labels) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (ColorObservation c : obs.colors()) {
            put(m, c.color() + ".p95_ms", c.p95Ms());
            put(m, c.color() + ".error_rate", c.errorRate());
            put(m, c.color() + ".cpu_utilization", c.cpuUtilization());
            put(m, c.color() + ".memory_bytes_per_pod", c.memoryBytesPerPod());
            put(m, c.color() + ".rps", c.rps());
        }
        record(new Episode(id("observation", obs.at()), "observation", obs.at(), obs.at(), obs.service(), m, m,
                labels(labels), true));
    }

    /** An unresolved prediction due at {@code dueAt}. */
    String prediction(String kind, Instant at, Instant dueAt, String subject, Map<String, Double> predicted,
            Map<String, String> labels) {
        String id = id(kind, at);
        record(new Episode(id, kind, at, dueAt, subject, predicted, Map.of(), labels(labels), false));
        return id;
    }

    private Map<String, String> labels(Map<String, String> extra) {
        Map<String, String> l = new LinkedHashMap<>(extra);
        l.put("rules_version", Integer.toString(ctx.rules().current().version()));
        return l;
    }

    private void record(Episode e) {
        try {
            ctx.episodes().record(e);
        } catch (RuntimeException ex) {
            failures.add("episode store: " + e.kind() + " episode not recorded (" + ex.getMessage() + ")");
        }
    }

    /** Why episodes could not be recorded, if any. */
    List<String> failures() {
        return List.copyOf(failures);
    }

    private static void put(Map<String, Double> m, String key, double v) {
        if (Double.isFinite(v)) {
            m.put(key, v);
        }
    }
}
