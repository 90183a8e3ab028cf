package dev.failoverlab.harness.calibrate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The workload's own endpoints that calibration reads besides the load: {@code /metrics} for its CPU seconds and
 * request count, {@code /readyz} to know when to start.
 */
final class WorkloadEndpoint {
    static final String CPU_SECONDS = "process_cpu_seconds_total";
    static final String REQUESTS = "http_requests_total";
    private static final Map<String, String> ROOT_HANDLER = Map.of("handler", "/");
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** CPU seconds and requests of {@code GET /} at one scrape, and when the scrape was answered (wall nanos). */
    record Counters(double cpuSeconds, double requests, long nanoTime) {
    }

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    WorkloadEndpoint(URI base) {
        this.base = base;
    }

    URI base() {
        return base;
    }

    Counters counters() {
        String body = get("/metrics", true);
        PrometheusText metrics = PrometheusText.parse(body);
        if (!metrics.has(CPU_SECONDS)) {
            throw new IllegalStateException(base.resolve("/metrics") + " has no " + CPU_SECONDS
                    + ": is it the Failover Lab workload?");
        }
        return new Counters(metrics.sum(CPU_SECONDS, Map.of()), metrics.sum(REQUESTS, ROOT_HANDLER),
                System.nanoTime());
    }

    /** Whether {@code /readyz} answers 200 now (any failure to connect is "not yet"). */
    boolean ready() {
        try {
            HttpResponse<Void> r = client.send(request("/readyz"), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String get(String path, boolean require200) {
        try {
            HttpResponse<String> r = client.send(request(path), HttpResponse.BodyHandlers.ofString());
            if (require200 && r.statusCode() != 200) {
                throw new IllegalStateException("GET " + base.resolve(path) + " answered " + r.statusCode());
            }
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException("GET " + base.resolve(path) + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + base.resolve(path), e);
        }
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).GET().build();
    }
}
