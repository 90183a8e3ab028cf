package dev.failoverlab.agent.port;

import java.time.Duration;
import java.time.Instant;

/**
 * One metrics-server sample ({@code metrics.k8s.io} PodMetrics): average CPU over {@code window} ending at
 * {@code timestamp}, and the memory working set at that time.
 */
public record PodMetrics(String pod, Instant timestamp, Duration window, double cpuMillis, long memoryBytes) {
}
