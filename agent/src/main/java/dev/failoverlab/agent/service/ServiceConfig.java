package dev.failoverlab.agent.service;

import dev.failoverlab.agent.config.AgentConfig;
import dev.failoverlab.agent.config.GuardConfig;
import dev.failoverlab.agent.llm.LlmSettings;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * The service's configuration after flags and environment are read.
 *
 * @param host               interface to listen on
 * @param port               TCP port (0 = any free port)
 * @param llm                the narrator's endpoint, or empty for a deterministic-only agent
 * @param dryRun             check every action and apply none
 * @param allowedNamespaces  namespaces the agent may change
 * @param allowedDeployments deployments the agent may scale or route to
 * @param auditLog           JSON-lines audit file; null logs audit lines instead
 * @param learningStore      JSON-lines episode file; null keeps learning in memory
 */
public record ServiceConfig(String host, int port, Optional<LlmSettings> llm, boolean dryRun,
                            Set<String> allowedNamespaces, Set<String> allowedDeployments, Path auditLog,
                            Path learningStore) {

    public ServiceConfig {
        allowedNamespaces = Set.copyOf(allowedNamespaces);
        allowedDeployments = Set.copyOf(allowedDeployments);
    }

    /** The agent's configuration: the project defaults with this service's guard rails and stores. */
    public AgentConfig agentConfig() {
        AgentConfig defaults = AgentConfig.defaults();
        GuardConfig d = defaults.guard();
        GuardConfig guard = new GuardConfig(allowedNamespaces, allowedDeployments, dryRun, d.maxScaleStep(),
                d.maxReplicas(), d.maxActionsPerMinute(), auditLog);
        return defaults.withExecution(defaults.executeByDefault(), guard).withLearningStore(learningStore);
    }
}
