package dev.failoverlab.workload;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The workload's Prometheus metrics, in a registry of its own (several servers in one test JVM must not share
 * counters): {@code http_requests_total{handler,code}}, {@code http_request_duration_seconds{handler}} (a classic
 * histogram with fixed buckets, so the harness's histogram_quantile and Flagger-style checks read it like any
 * other), {@code http_requests_in_flight}, {@code workload_info{color}} and the JVM/process metrics (calibration
 * reads {@code process_cpu_seconds_total}).
 *
 * <p>The per-request path touches only cached label children: no label lookup, no allocation, no exemplar sampling.
 */
final class WorkloadMetrics {

    /** The two instrumented endpoints; their label value is the path. */
    enum Handler {
        ROOT("/"), PING("/ping");

        final String label;

        Handler(String label) {
            this.label = label;
        }
    }

    static final double[] DURATION_BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    /** Status codes the instrumented handlers answer; others (none today) go through the labelled lookup. */
    private static final int[] CACHED_CODES = {200, 405, 500};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Counter requests;
    private final Gauge inFlight;
    private final CounterDataPoint[][] requestsByCode = new CounterDataPoint[Handler.values().length][600];
    private final DistributionDataPoint[] durations = new DistributionDataPoint[Handler.values().length];

    WorkloadMetrics(String color) {
        requests = Counter.builder()
                .name("http_requests_total")
                .help("HTTP requests answered, by handler and status code")
                .labelNames("handler", "code")
                .withoutExemplars()
                .register(registry);
        Histogram duration = Histogram.builder()
                .name("http_request_duration_seconds")
                .help("Time from the server dispatching a request to its response being written, queueing included")
                .labelNames("handler")
                .classicOnly()
                .classicUpperBounds(DURATION_BUCKETS)
                .withoutExemplars()
                .register(registry);
        inFlight = Gauge.builder()
                .name("http_requests_in_flight")
                .help("Requests being handled right now")
                .withoutExemplars()
                .register(registry);
        Info info = Info.builder()
                .name("workload_info")
                .help("The colour this workload instance serves as")
                .labelNames("color")
                .register(registry);
        info.setLabelValues(color);
        JvmMetrics.builder().register(registry);
        for (Handler handler : Handler.values()) {
            durations[handler.ordinal()] = duration.labelValues(handler.label);
            for (int code : CACHED_CODES) {
                requestsByCode[handler.ordinal()][code] = requests.labelValues(handler.label, Integer.toString(code));
            }
        }
    }

    void started() {
        inFlight.inc();
    }

    /** A request given up without an answer (its worker was stopped after a drain timed out). */
    void abandoned() {
        inFlight.dec();
    }

    /** One answered request: its status and the seconds since the server dispatched it. */
    void finished(Handler handler, int code, double seconds) {
        inFlight.dec();
        CounterDataPoint counter = code >= 0 && code < 600 ? requestsByCode[handler.ordinal()][code] : null;
        if (counter == null) {
            counter = requests.labelValues(handler.label, Integer.toString(code));
        }
        counter.inc();
        durations[handler.ordinal()].observe(seconds);
    }

    String contentType() {
        return writer.getContentType();
    }

    /** The exposition in the Prometheus text format. */
    byte[] scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16_384);
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the metrics exposition to memory", e);
        }
        return out.toByteArray();
    }
}
