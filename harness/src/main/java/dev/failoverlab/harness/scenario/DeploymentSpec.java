package dev.failoverlab.harness.scenario;

/**
 * One Deployment of the pair. {@code minReplicas}/{@code maxReplicas} are its HPA bounds.
 * CPU and memory are per pod; requests equal limits (Guaranteed QoS) unless limits are given.
 */
public record DeploymentSpec(
        String name,
        String color,
        int replicas,
        int minReplicas,
        int maxReplicas,
        long cpuMillis,
        long cpuLimitMillis,
        long memoryBytes,
        long memoryLimitBytes) {
}
