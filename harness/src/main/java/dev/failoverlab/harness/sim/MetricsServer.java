package dev.failoverlab.harness.sim;

import dev.failoverlab.agent.port.PodMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * metrics-server: every 15 s, per running pod, the average CPU over the last 15 s window and the memory working
 * set. A pod (or a restarted container) gets its first sample only after it has run one full window, so new pods
 * are invisible for 15–30 s, as on a real cluster.
 */
final class MetricsServer {
    static final double RESOLUTION_SECONDS = 15;
    private static final Duration WINDOW = Duration.ofSeconds(15);
    private static final double MIB = 1024.0 * 1024.0;

    private final Simulation sim;

    MetricsServer(Simulation sim) {
        this.sim = sim;
    }

    void tick() {
        double now = sim.clock.now;
        for (SimDeployment d : sim.deployments) {
            for (SimPod pod : d.pods) {
                if (!pod.containerRunning()) {
                    continue;
                }
                pod.flushCpu(now);
                boolean fullWindow = pod.metricsIncarnation == pod.incarnation
                        && now - pod.metricsTime >= RESOLUTION_SECONDS - 1e-9;
                if (fullWindow) {
                    double cpuMillis = (pod.cpuSeconds - pod.metricsCpu) / (now - pod.metricsTime) * 1000.0;
                    double memory = pod.memoryMiB(now, sim.workload.memoryBaseMiB(),
                            sim.workload.memoryPerInflightMiB());
                    pod.latestMetrics = new PodMetrics(pod.name, SimClock.instant(now), WINDOW, cpuMillis,
                            Math.round(memory * MIB));
                }
                pod.metricsCpu = pod.cpuSeconds;
                pod.metricsTime = now;
                pod.metricsIncarnation = pod.incarnation;
            }
        }
        sim.queue.push(now + RESOLUTION_SECONDS, EventType.METRICS, 0);
    }

    List<PodMetrics> latest(SimDeployment d) {
        List<PodMetrics> result = new ArrayList<>();
        for (SimPod pod : d.pods) {
            if (pod.latestMetrics != null && pod.containerRunning()) {
                result.add(pod.latestMetrics);
            }
        }
        return result;
    }
}
