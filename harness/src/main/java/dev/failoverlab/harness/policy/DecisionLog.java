package dev.failoverlab.harness.policy;

/**
 * What a policy decided and why, beyond the actions the actuator records by itself: decisions to hold,
 * observations that led to an action, and the compute cost of each query to an agent.
 */
public interface DecisionLog {

    /** A decision or observation worth a line in the run's event log. */
    void note(String detail);

    /**
     * One agent query: which endpoint, how long it took on the wall clock, and LLM tokens used (0 without one).
     */
    void query(String endpoint, double wallMillis, long llmInputTokens, long llmOutputTokens);
}
