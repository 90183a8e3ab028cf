package dev.failoverlab.harness.sim;

import dev.failoverlab.agent.port.ClusterView;
import dev.failoverlab.agent.port.DeploymentInfo;
import dev.failoverlab.agent.port.PodInfo;
import dev.failoverlab.agent.port.PodMetrics;
import dev.failoverlab.agent.port.ProbeResult;
import dev.failoverlab.agent.port.Routing;
import dev.failoverlab.agent.port.ScrapeSample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a policy may see of the simulated cluster: API-server state now, metrics-server and Prometheus samples as
 * last taken, and a health probe through one ready pod. The probe only answers {@code /healthz}: it fails when no
 * pod is ready or the chosen pod's accept queue is full, and ignores the app's slow and error knobs — which is why a
 * binary health watcher misses a degradation.
 */
final class SimClusterView implements ClusterView {
    private final Simulation sim;

    SimClusterView(Simulation sim) {
        this.sim = sim;
    }

    @Override
    public String namespace() {
        return sim.scenario.cluster().namespace();
    }

    @Override
    public String service() {
        return sim.scenario.cluster().service();
    }

    @Override
    public List<DeploymentInfo> deployments() {
        List<DeploymentInfo> result = new ArrayList<>(sim.deployments.length);
        for (SimDeployment d : sim.deployments) {
            result.add(d.info());
        }
        return result;
    }

    @Override
    public List<PodInfo> pods(String deployment) {
        SimDeployment d = sim.deployment(deployment);
        List<PodInfo> result = new ArrayList<>(d.pods.size());
        for (SimPod pod : d.pods) {
            result.add(pod.info());
        }
        return result;
    }

    @Override
    public List<PodMetrics> podMetrics(String deployment) {
        return sim.metricsServer.latest(sim.deployment(deployment));
    }

    @Override
    public Routing routing() {
        return sim.router.routing();
    }

    @Override
    public List<ScrapeSample> scrapes(String color, Duration lookback) {
        if (lookback == null || lookback.isNegative()) {
            throw new IllegalArgumentException("scrapes(" + color + ", " + lookback
                    + "): lookback must be a duration >= 0");
        }
        return sim.prometheus.since(sim.colorIndex(color).index, sim.clock.now - lookback.toNanos() / 1e9);
    }

    @Override
    public ProbeResult probe(String color) {
        SimDeployment d = sim.colorIndex(color);
        double baseMs = sim.workload.baseLatencyMs();
        if (d.readyCount == 0) {
            return new ProbeResult(false, baseMs, "no ready endpoints");
        }
        SimPod pod = d.ready[Math.floorMod(d.probeCursor++, d.readyCount)];
        if (pod.threadsBusy >= sim.workload.concurrency() && pod.acceptLen >= sim.workload.queueLimit()) {
            return new ProbeResult(false, baseMs, "503 from " + pod.name + " (accept queue full)");
        }
        double waitMs = 0;
        if (pod.threadsBusy >= sim.workload.concurrency()) {
            // waits in the accept queue until a thread frees up for it
            waitMs = (pod.acceptLen + 1) * pod.holdEwma * 1000.0 / sim.workload.concurrency();
        }
        return new ProbeResult(true, baseMs + waitMs,
                String.format(Locale.ROOT, "200 from %s", pod.name));
    }
}
