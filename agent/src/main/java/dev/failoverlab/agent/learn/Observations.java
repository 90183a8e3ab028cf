package dev.failoverlab.agent.learn;

import dev.failoverlab.agent.observe.ColorObservation;
import dev.failoverlab.agent.observe.ServiceObservation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code observation} episodes: what every endpoint saw of both colours at query time. They are resolved when
 * recorded; {@code observed} holds {@code <colour>.<metric>} for the metrics below, and a metric that was not
 * measured (NaN: no traffic, a failed source) is left out rather than stored.
 */
public final class Observations {
    public static final String P95_MS = "p95_ms";
    public static final String ERROR_RATE = "error_rate";
    public static final String CPU_UTILIZATION = "cpu_utilization";
    public static final String MEMORY_BYTES_PER_POD = "memory_bytes_per_pod";
    public static final String RPS = "rps";
    public static final String TRAFFIC_SHARE = "traffic_share";

    private Observations() {
    }

    /** The per-colour measurements of one query as {@code <colour>.<metric>} values. */
    public static Map<String, Double> measurements(ServiceObservation observation) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (ColorObservation c : observation.colors()) {
            put(out, c.color(), P95_MS, c.p95Ms());
            put(out, c.color(), ERROR_RATE, c.errorRate());
            put(out, c.color(), CPU_UTILIZATION, c.cpuUtilization());
            put(out, c.color(), MEMORY_BYTES_PER_POD, c.memoryBytesPerPod());
            put(out, c.color(), RPS, c.rps());
            put(out, c.color(), TRAFFIC_SHARE, c.trafficShare());
        }
        return out;
    }

    /** The observation episode for one query (resolved at once; due when made). */
    public static Episode episode(String id, ServiceObservation observation) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("namespace", observation.namespace());
        labels.put("active_color", observation.activeColor());
        return new Episode(id, EpisodeKind.OBSERVATION.label(), observation.at(), observation.at(),
                observation.service(), Map.of(), measurements(observation), labels, true);
    }

    private static void put(Map<String, Double> out, String colour, String metric, double value) {
        if (Double.isFinite(value)) {
            out.put(colour + "." + metric, value);
        }
    }
}
