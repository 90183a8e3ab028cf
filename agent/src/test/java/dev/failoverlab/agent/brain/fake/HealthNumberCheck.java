package dev.failoverlab.agent.brain.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failoverlab.agent.evidence.NumbersInEvidence;
import java.util.List;

/** The evidence rule for the health and failover tests: {@link NumbersInEvidence}, plus a readable dump. */
public final class HealthNumberCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HealthNumberCheck() {
    }

    /** The numbers of {@code response} that no evidence entry supports; empty when the rule holds. */
    public static List<String> unsupported(Object response) {
        return NumbersInEvidence.unmatched(JSON.valueToTree(response));
    }

    /** The response as indented JSON, for assertion messages. */
    public static String json(Object response) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(response);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
