package dev.failoverlab.harness.scenario;

import dev.failoverlab.loadgen.yaml.SourceLocation;
import java.time.Duration;
import java.util.List;

/**
 * A question a scenario puts to the agent at a given moment, as an operator following the runbook would
 * (e.g. {@code /optimize} with the runbook's body when the load doubles). Policies that are not agents ignore
 * these. {@code bodyJson} is the request body as JSON text.
 */
public record ScriptedQuery(Duration at, String endpoint, String bodyJson, SourceLocation location) {

    /** Endpoints a scenario may call, as in the runbook. */
    public static final List<String> ENDPOINTS = List.of("analyze", "evaluate", "failover-assessment", "optimize",
            "insights");
}
