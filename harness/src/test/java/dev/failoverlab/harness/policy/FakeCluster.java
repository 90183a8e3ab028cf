package dev.failoverlab.harness.policy;

import dev.failoverlab.agent.port.ClusterUnavailableException;
import dev.failoverlab.agent.port.ClusterView;
import dev.failoverlab.agent.port.DeploymentInfo;
import dev.failoverlab.agent.port.PodInfo;
import dev.failoverlab.agent.port.PodMetrics;
import dev.failoverlab.agent.port.ProbeResult;
import dev.failoverlab.agent.port.Routing;
import dev.failoverlab.agent.port.ScrapeSample;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A hand-driven cluster: tests set what the API server, metrics-server, Prometheus and probes show. */
final class FakeCluster implements ClusterView {
    final Map<String, DeploymentInfo> deployments = new LinkedHashMap<>();
    final Map<String, List<PodInfo>> pods = new HashMap<>();
    final Map<String, List<PodMetrics>> metrics = new HashMap<>();
    final Map<String, List<ScrapeSample>> scrapes = new HashMap<>();
    final Map<String, Deque<ProbeResult>> probeScript = new HashMap<>();
    final List<String> probed = new ArrayList<>();
    Routing routing = new Routing(Map.of("blue", 1.0, "green", 0.0), "blue");
    boolean metricsDown;

    void deployment(String name, String color, int specReplicas, long cpuRequestMillis) {
        deployments.put(name, new DeploymentInfo(name, color, specReplicas, specReplicas, specReplicas,
                cpuRequestMillis, 256L << 20, 256L << 20));
    }

    void setSpecReplicas(String name, int replicas) {
        DeploymentInfo d = deployments.get(name);
        deployments.put(name, new DeploymentInfo(d.name(), d.color(), replicas, d.readyReplicas(),
                d.updatedReplicas(), d.cpuRequestMillis(), d.memoryRequestBytes(), d.memoryLimitBytes()));
    }

    void select(String color) {
        Map<String, Double> shares = new HashMap<>();
        for (DeploymentInfo d : deployments.values()) {
            shares.put(d.color(), d.color().equals(color) ? 1.0 : 0.0);
        }
        routing = new Routing(shares, color);
    }

    /** Probe results for a colour, consumed one per probe; an empty script means healthy. */
    void probes(String color, ProbeResult... results) {
        probeScript.computeIfAbsent(color, c -> new ArrayDeque<>()).addAll(List.of(results));
    }

    @Override
    public String namespace() {
        return "mcp-failover-clean";
    }

    @Override
    public String service() {
        return "web";
    }

    @Override
    public List<DeploymentInfo> deployments() {
        return List.copyOf(deployments.values());
    }

    @Override
    public List<PodInfo> pods(String deployment) {
        return pods.getOrDefault(deployment, List.of());
    }

    @Override
    public List<PodMetrics> podMetrics(String deployment) {
        if (metricsDown) {
            throw new ClusterUnavailableException("metrics-server", "503 service unavailable");
        }
        return metrics.getOrDefault(deployment, List.of());
    }

    @Override
    public Routing routing() {
        return routing;
    }

    @Override
    public List<ScrapeSample> scrapes(String color, Duration lookback) {
        if (metricsDown) {
            throw new ClusterUnavailableException("prometheus", "connection refused");
        }
        return scrapes.getOrDefault(color, List.of());
    }

    @Override
    public ProbeResult probe(String color) {
        probed.add(color);
        Deque<ProbeResult> script = probeScript.get(color);
        return script == null || script.isEmpty() ? new ProbeResult(true, 3, "200 OK") : script.poll();
    }
}
