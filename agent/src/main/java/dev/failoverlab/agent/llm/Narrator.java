package dev.failoverlab.agent.llm;

import dev.failoverlab.agent.api.AgentResponse;
import java.util.Optional;

/**
 * Explains a response's decision in words. Empty when no explanation could be had (endpoint down, timeout,
 * refusal, empty answer); implementations log why and do not throw for such failures.
 */
public interface Narrator {

    Optional<Narration> narrate(String endpoint, AgentResponse response);
}
