package dev.failoverlab.agent.learn;

import java.util.Map;

/**
 * Measures what happened after an episode's horizon. Implementations read the cluster's history (Prometheus,
 * metrics-server, the harness's records); they never guess.
 */
@FunctionalInterface
public interface OutcomeSource {

    /**
     * The observed values for a due episode, holding at least {@link EpisodeKind#requiredOutcome()} for its kind
     * (0/1 for flags), or an empty map when the outcome cannot be told yet (data not scraped, window not complete).
     */
    Map<String, Double> outcome(Episode episode);
}
