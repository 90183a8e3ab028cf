package dev.failoverlab.harness.run;

/** Wall-clock compute time of one agent query at simulated time {@code tSeconds} (not deterministic). */
public record QueryTiming(double tSeconds, String endpoint, double wallMillis, long llmInputTokens,
                          long llmOutputTokens) {
}
