package dev.failoverlab.agent.config;

import java.nio.file.Path;
import java.util.Set;

/**
 * Guard rails of the one write path: which namespaces and deployments the agent may touch, whether it only
 * pretends (dry run), how far one scale step may go, how many actions a minute it may take, and where the
 * audit log goes (null: log only).
 */
public record GuardConfig(
        Set<String> allowedNamespaces,
        Set<String> allowedDeployments,
        boolean dryRun,
        int maxScaleStep,
        int maxReplicas,
        int maxActionsPerMinute,
        Path auditLog) {

    public GuardConfig {
        allowedNamespaces = Set.copyOf(allowedNamespaces);
        allowedDeployments = Set.copyOf(allowedDeployments);
    }

    public static GuardConfig defaults() {
        return new GuardConfig(Set.of("mcp-failover-clean"), Set.of("web-blue", "web-green"), false, 4, 20, 12, null);
    }
}
