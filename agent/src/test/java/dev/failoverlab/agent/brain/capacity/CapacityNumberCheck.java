package dev.failoverlab.agent.brain.capacity;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failoverlab.agent.api.AgentResponse;
import dev.failoverlab.agent.evidence.NumbersInEvidence;
import java.util.List;

/** The evidence rule for the capacity tests: the shared {@link NumbersInEvidence} check. */
final class CapacityNumberCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CapacityNumberCheck() {
    }

    static List<String> unmatched(AgentResponse response) {
        return NumbersInEvidence.unmatched(JSON.valueToTree(response));
    }
}
