package dev.failoverlab.agent.brain.health;

import dev.failoverlab.agent.brain.EpisodeIds;
import dev.failoverlab.agent.brain.BrainContext;
import dev.failoverlab.agent.learn.Episode;
import dev.failoverlab.agent.learn.Rules;
import dev.failoverlab.agent.observe.ColorObservation;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The episodes of a health query, for the learner: one {@code observation} per query (per-colour measurements,
 * resolved at once) and one {@code health} per assessed colour (degraded or not, with its probability, judged
 * {@value #HORIZON_SECONDS} s later).
 */
public final class HealthEpisodes {
    public static final long HORIZON_SECONDS = 120;

    private HealthEpisodes() {
    }

    public static String id(BrainContext ctx, String kind, Instant at) {
        return ctx.state().get(EpisodeIds.class, EpisodeIds::new).next(kind, at);
    }

    /** Records the observation and health episodes of {@code h}; labels carry the endpoint and rule version. */
    public static void record(BrainContext ctx, ServiceHealth h, Rules rules, String endpoint,
            Map<String, String> context) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (ColorHealth c : h.colors()) {
            ColorObservation o = c.observation();
            put(values, c.color() + ".p95_ms", o.p95Ms());
            put(values, c.color() + ".error_rate", o.errorRate());
            put(values, c.color() + ".cpu_utilization", o.cpuUtilization());
            put(values, c.color() + ".memory_bytes_per_pod", o.memoryBytesPerPod());
            put(values, c.color() + ".rps", o.rps());
        }
        Map<String, String> labels = new LinkedHashMap<>(context);
        labels.put("rules_version", Integer.toString(rules.version()));
        labels.put("endpoint", endpoint);
        ctx.episodes().record(new Episode(id(ctx, "observation", h.at()), "observation", h.at(), h.at(), "service",
                values, values, labels, true));
        Instant due = h.at().plus(Duration.ofSeconds(HORIZON_SECONDS));
        for (ColorHealth c : h.colors()) {
            if (c.status() == HealthStatus.UNKNOWN || Double.isNaN(c.confidence())) {
                continue;
            }
            double pDegraded = c.status().bad() ? c.confidence() : 1 - c.confidence();
            Map<String, String> l = new LinkedHashMap<>(labels);
            l.put("status", c.status().json());
            ctx.episodes().record(new Episode(id(ctx, "health", h.at()), "health", h.at(), due, c.color(),
                    Map.of("degraded", c.status().bad() ? 1.0 : 0.0, "p_degraded", pDegraded), Map.of(), l, false));
        }
    }

    private static void put(Map<String, Double> m, String key, double v) {
        if (Double.isFinite(v)) {
            m.put(key, v);
        }
    }
}
