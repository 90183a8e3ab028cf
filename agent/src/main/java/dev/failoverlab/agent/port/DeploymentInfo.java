package dev.failoverlab.agent.port;

/**
 * A Deployment's spec and status as the API server reports them.
 *
 * @param specReplicas      desired replicas ({@code spec.replicas})
 * @param readyReplicas     pods passing readiness
 * @param updatedReplicas   pods running the latest template (a rollout is in progress while this lags)
 * @param cpuRequestMillis  CPU request per pod in millicores (the HPA's utilisation denominator)
 * @param memoryRequestBytes memory request per pod
 * @param memoryLimitBytes  memory limit per pod (OOM kill above it)
 */
public record DeploymentInfo(
        String name,
        String color,
        int specReplicas,
        int readyReplicas,
        int updatedReplicas,
        long cpuRequestMillis,
        long memoryRequestBytes,
        long memoryLimitBytes) {
}
