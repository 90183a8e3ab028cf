package dev.failoverlab.agent.api;

import dev.failoverlab.agent.evidence.Evidence;

/**
 * What every endpoint answers besides its runbook keys: the {@code evidence} behind each number, the {@code mode}
 * ({@code deterministic} or {@code llm:<model>}), and, when an LLM is configured and its text passed the number
 * check, a {@code narrative} in words (null otherwise).
 */
public interface AgentResponse {

    Evidence evidence();

    String mode();

    String narrative();

    /** A copy carrying an LLM narrative and the mode that produced it. */
    AgentResponse withNarrative(String narrative, String mode);
}
