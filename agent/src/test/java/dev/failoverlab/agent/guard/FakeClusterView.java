package dev.failoverlab.agent.guard;

import dev.failoverlab.agent.port.ClusterUnavailableException;
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
import java.util.Map;

/** A blue/green pair as the API server would show it; replicas can be changed and the API can "go down". */
final class FakeClusterView implements ClusterView {
    private final String namespace;
    private final List<DeploymentInfo> deployments = new ArrayList<>();
    private boolean down;

    FakeClusterView(String namespace, int blueReplicas, int greenReplicas) {
        this.namespace = namespace;
        deployments.add(deployment("web-blue", "blue", blueReplicas));
        deployments.add(deployment("web-green", "green", greenReplicas));
    }

    void add(String name, String color, int replicas) {
        deployments.add(deployment(name, color, replicas));
    }

    void goDown() {
        down = true;
    }

    private static DeploymentInfo deployment(String name, String color, int replicas) {
        return new DeploymentInfo(name, color, replicas, replicas, replicas, 500, 256L << 20, 256L << 20);
    }

    @Override
    public String namespace() {
        return namespace;
    }

    @Override
    public String service() {
        return "web";
    }

    @Override
    public List<DeploymentInfo> deployments() {
        if (down) {
            throw new ClusterUnavailableException("api-server", "connection refused");
        }
        return List.copyOf(deployments);
    }

    @Override
    public List<PodInfo> pods(String deployment) {
        return List.of();
    }

    @Override
    public List<PodMetrics> podMetrics(String deployment) {
        return List.of();
    }

    @Override
    public Routing routing() {
        return new Routing(Map.of("blue", 1.0), "blue");
    }

    @Override
    public List<ScrapeSample> scrapes(String color, Duration lookback) {
        return List.of();
    }

    @Override
    public ProbeResult probe(String color) {
        throw new ClusterUnavailableException("probe", "not simulated in guard tests");
    }
}
