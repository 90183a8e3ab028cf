package dev.failoverlab.harness.sim;

import dev.failoverlab.agent.port.ClusterView;
import dev.failoverlab.agent.port.DeploymentInfo;
import dev.failoverlab.agent.port.PodInfo;
import dev.failoverlab.agent.port.PodMetrics;
import dev.failoverlab.agent.port.ProbeResult;
import dev.failoverlab.agent.port.Routing;
import dev.failoverlab.agent.port.ScrapeSample;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;

/**
 * The simulator's cluster view for other threads: each call runs under the live simulation's lock, so it sees one
 * instant. Results are fresh copies (records, copied lists and arrays), safe to use after the lock is released.
 */
final class LiveClusterView implements ClusterView {
    private final ClusterView inner;
    private final Lock lock;

    LiveClusterView(ClusterView inner, Lock lock) {
        this.inner = inner;
        this.lock = lock;
    }

    private <T> T locked(Supplier<T> call) {
        lock.lock();
        try {
            return call.get();
        } finally {
            lock.unlock();
        }
    }

    @Override public String namespace() { return inner.namespace(); }
    @Override public String service() { return inner.service(); }
    @Override public List<DeploymentInfo> deployments() { return locked(inner::deployments); }
    @Override public List<PodInfo> pods(String deployment) { return locked(() -> inner.pods(deployment)); }
    @Override public List<PodMetrics> podMetrics(String deployment) { return locked(() -> inner.podMetrics(deployment)); }
    @Override public Routing routing() { return locked(inner::routing); }

    @Override
    public List<ScrapeSample> scrapes(String color, Duration lookback) {
        return locked(() -> inner.scrapes(color, lookback));
    }

    @Override public ProbeResult probe(String color) { return locked(() -> inner.probe(color)); }
}
