package dev.failoverlab.agent.learn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How right one kind of episode turned out, from resolved episodes only. A figure is null when fewer than
 * {@code minimum} episodes could be scored for it; nothing is ever filled in.
 *
 * @param kind             the episode kind
 * @param resolved         resolved episodes of this kind in the period
 * @param minimum          episodes needed for a figure
 * @param brier            mean squared error of the predicted probability against the 0/1 outcome (lower is better)
 * @param brierN           episodes behind {@code brier}
 * @param hitRate          share where (probability &gt;= 0.5) matched the outcome
 * @param decisionAccuracy share where the decision actually taken was right (see {@link Accuracy#decisionRight})
 * @param mape             mean absolute percentage error per numeric forecast key, as a fraction
 * @param mapeN            episodes behind each MAPE
 */
public record KindAccuracy(
        EpisodeKind kind,
        int resolved,
        int minimum,
        Double brier,
        int brierN,
        Rate hitRate,
        Rate decisionAccuracy,
        Map<String, Double> mape,
        Map<String, Integer> mapeN) {

    public KindAccuracy {
        mape = Collections.unmodifiableMap(new LinkedHashMap<>(mape)); // keeps the order texts use
        mapeN = Collections.unmodifiableMap(new LinkedHashMap<>(mapeN)); // keeps the order texts use
    }

    /** Whether there were enough resolved episodes to say anything. */
    public boolean enough() {
        return resolved >= minimum;
    }
}
