package dev.failoverlab.agent.learn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A measured comparison drawn from episodes. Only a {@link Status#SIGNIFICANT} one (enough data, 95 % interval
 * excluding no difference) is reported as a pattern; the others say why not.
 *
 * @param name       what is compared, e.g. {@code p95_ms:blue-vs-green}
 * @param status     significant, not significant, or not enough data
 * @param text       the sentence shown to people; every number in it is in {@code parameters} or {@code outputs}
 * @param method     the estimator, e.g. {@code paired-log-ratio-batch-means}
 * @param parameters inputs of the estimate (n, batches, confidence level, minimum n)
 * @param outputs    the estimate and its interval, in the orientation the text uses
 */
public record LearnedPattern(
        String name,
        Status status,
        String text,
        String method,
        Map<String, Double> parameters,
        Map<String, Double> outputs) {

    public enum Status { SIGNIFICANT, NOT_SIGNIFICANT, NOT_ENOUGH_DATA }

    public LearnedPattern {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters)); // keeps the order texts use
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs)); // keeps the order texts use
    }
}
