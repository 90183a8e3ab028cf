package dev.failoverlab.agent.port;

import java.time.Duration;
import java.util.List;

/**
 * Read-only view of one blue/green service, as the API server, metrics-server and Prometheus show it.
 * Every call may fail with {@link ClusterUnavailableException} when the underlying source is down.
 */
public interface ClusterView {

    String namespace();

    /** The Service that routes users to one colour (or splits them by weight). */
    String service();

    /** Deployments of the pair, in a stable order. */
    List<DeploymentInfo> deployments();

    /** Pods of one deployment that exist right now (pending, running, terminating). */
    List<PodInfo> pods(String deployment);

    /** metrics-server view: the latest CPU/memory sample per running pod (15 s resolution, so possibly stale). */
    List<PodMetrics> podMetrics(String deployment);

    /** Where the Service sends traffic now. */
    Routing routing();

    /**
     * Prometheus view: scrapes of the request counters and latency histogram of one colour, oldest first,
     * no older than {@code lookback}. Counters are cumulative, as Prometheus stores them.
     */
    List<ScrapeSample> scrapes(String color, Duration lookback);

    /** One HTTP GET of the colour's health endpoint through one of its pods, like a readiness probe. */
    ProbeResult probe(String color);
}
