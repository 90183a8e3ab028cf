package dev.failoverlab.agent.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Deployment-time configuration of the agent. Defaults ({@link #defaults()}) match the runbook's demo: SLO p95
 * 100 ms, 1 % errors, 99.9 % availability; HPA-style 50 % CPU target; actions only when the caller asks.
 *
 * @param slo                SLO the agent defends
 * @param vcpuHour           price of one requested vCPU for an hour
 * @param gibHour            price of one requested GiB of memory for an hour
 * @param window             observation window for health (Prometheus {@code increase} range)
 * @param lookback           history used for forecasting
 * @param scaleUpCpuTarget   CPU utilisation (fraction of request) the agent plans capacity for
 * @param executeByDefault   whether {@code /failover-assessment} executes when the caller does not say
 * @param learningStore      JSON-lines episode file; null keeps learning in memory only
 * @param defaultContext     business context used when a caller gives none
 */
public record AgentConfig(
        Slo slo,
        double vcpuHour,
        double gibHour,
        Duration window,
        Duration lookback,
        double scaleUpCpuTarget,
        boolean executeByDefault,
        GuardConfig guard,
        Path learningStore,
        Map<String, String> defaultContext) {

    public AgentConfig {
        defaultContext = Map.copyOf(defaultContext);
    }

    /** The SLO: p95 latency, error rate and availability targets. */
    public record Slo(double latencyP95Ms, double errorRatePercent, double availabilityPercent) {
        public double errorRate() {
            return errorRatePercent / 100.0;
        }
    }

    public static AgentConfig defaults() {
        return new AgentConfig(new Slo(100, 1.0, 99.9), 0.0316, 0.0042, Duration.ofMinutes(1), Duration.ofHours(1),
                0.5, false, GuardConfig.defaults(), null, Map.of());
    }

    public AgentConfig withSlo(Slo newSlo) {
        return new AgentConfig(newSlo, vcpuHour, gibHour, window, lookback, scaleUpCpuTarget, executeByDefault, guard,
                learningStore, defaultContext);
    }

    public AgentConfig withPrices(double newVcpuHour, double newGibHour) {
        return new AgentConfig(slo, newVcpuHour, newGibHour, window, lookback, scaleUpCpuTarget, executeByDefault,
                guard, learningStore, defaultContext);
    }

    public AgentConfig withExecution(boolean execute, GuardConfig newGuard) {
        return new AgentConfig(slo, vcpuHour, gibHour, window, lookback, scaleUpCpuTarget, execute, newGuard,
                learningStore, defaultContext);
    }

    public AgentConfig withLearningStore(Path store) {
        return new AgentConfig(slo, vcpuHour, gibHour, window, lookback, scaleUpCpuTarget, executeByDefault, guard,
                store, defaultContext);
    }

    public AgentConfig withContext(Map<String, String> context) {
        return new AgentConfig(slo, vcpuHour, gibHour, window, lookback, scaleUpCpuTarget, executeByDefault, guard,
                learningStore, context);
    }

    /** Hourly cost of one pod with the given CPU request (millicores) and memory request (bytes). */
    public double podCostPerHour(long cpuMillis, long memoryBytes) {
        return cpuMillis / 1000.0 * vcpuHour + memoryBytes / (1024.0 * 1024 * 1024) * gibHour;
    }
}
