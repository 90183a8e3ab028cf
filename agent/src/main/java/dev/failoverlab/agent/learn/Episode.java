package dev.failoverlab.agent.learn;

import java.time.Instant;
import java.util.Map;

/**
 * One thing the agent predicted or decided, and (once resolved) what actually happened.
 *
 * @param id          unique, stable id
 * @param kind        {@code forecast}, {@code health}, {@code failover}, {@code optimize}, {@code observation}
 * @param at          when it was made (cluster time)
 * @param dueAt       when its outcome can be judged (at + horizon); equal to {@code at} for observations
 * @param subject     what it concerns (a colour, the service)
 * @param predicted   the numbers the agent committed to (probabilities, forecasts, decision codes)
 * @param observed    the numbers measured at or after {@code dueAt}; empty until resolved
 * @param labels      free-form labels (decision, context, rule version)
 * @param resolved    whether {@code observed} holds the outcome
 */
public record Episode(
        String id,
        String kind,
        Instant at,
        Instant dueAt,
        String subject,
        Map<String, Double> predicted,
        Map<String, Double> observed,
        Map<String, String> labels,
        boolean resolved) {

    public Episode {
        predicted = Map.copyOf(predicted);
        observed = Map.copyOf(observed);
        labels = Map.copyOf(labels);
    }

    public Episode resolve(Map<String, Double> outcome) {
        return new Episode(id, kind, at, dueAt, subject, predicted, outcome, labels, true);
    }
}
