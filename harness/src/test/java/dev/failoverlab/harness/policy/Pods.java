package dev.failoverlab.harness.policy;

import dev.failoverlab.agent.port.PodInfo;
import dev.failoverlab.agent.port.PodMetrics;
import java.time.Duration;
import java.time.Instant;

/** Pods and metrics-server samples for HPA tests. */
final class Pods {
    static final Duration METRIC_WINDOW = Duration.ofSeconds(15);

    private Pods() {
    }

    /** Running and ready for an hour before {@code now}: long past CPU initialisation. */
    static PodInfo settled(String name, Instant now) {
        Instant start = now.minus(Duration.ofHours(1));
        return new PodInfo(name, "web-blue", "blue", PodInfo.Phase.RUNNING, start, true, start.plusSeconds(10), 0);
    }

    static PodInfo pending(String name) {
        return new PodInfo(name, "web-blue", "blue", PodInfo.Phase.PENDING, null, false, null, 0);
    }

    static PodInfo terminating(String name, Instant now) {
        Instant start = now.minus(Duration.ofHours(1));
        return new PodInfo(name, "web-blue", "blue", PodInfo.Phase.TERMINATING, start, true, start, 0);
    }

    static PodInfo started(String name, Instant start, boolean ready, Instant readyTransition) {
        return new PodInfo(name, "web-blue", "blue", PodInfo.Phase.RUNNING, start, ready, readyTransition, 0);
    }

    static PodMetrics cpu(String pod, double millis, Instant timestamp) {
        return new PodMetrics(pod, timestamp, METRIC_WINDOW, millis, 100L << 20);
    }
}
