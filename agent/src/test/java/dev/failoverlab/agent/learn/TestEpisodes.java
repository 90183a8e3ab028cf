package dev.failoverlab.agent.learn;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builders for hand-made episodes in the learn tests. */
final class TestEpisodes {
    static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    private TestEpisodes() {
    }

    static Map<String, Double> map(Object... keysAndValues) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], ((Number) keysAndValues[i + 1]).doubleValue());
        }
        return m;
    }

    /** A resolved episode made {@code minute} minutes after T0 and due five minutes later. */
    static Episode resolved(String id, EpisodeKind kind, int minute, Map<String, Double> predicted,
                            Map<String, Double> observed) {
        Instant at = T0.plusSeconds(60L * minute);
        return new Episode(id, kind.label(), at, at.plusSeconds(300), "blue", predicted, observed, Map.of(), true);
    }

    static Episode pending(String id, EpisodeKind kind, int minute, Map<String, Double> predicted) {
        Instant at = T0.plusSeconds(60L * minute);
        return new Episode(id, kind.label(), at, at.plusSeconds(300), "blue", predicted, Map.of(),
                Map.of("rules_version", "1"), false);
    }

    static Episode forecast(String id, int minute, double p, int cpuAbove) {
        return resolved(id, EpisodeKind.FORECAST, minute, map(EpisodeKind.P_CPU_ABOVE_TARGET, p),
                map(EpisodeKind.CPU_ABOVE_TARGET, cpuAbove));
    }
}
