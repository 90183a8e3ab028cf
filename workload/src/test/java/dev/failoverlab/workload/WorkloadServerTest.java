package dev.failoverlab.workload;

import static dev.failoverlab.workload.TestHttp.get;
import static dev.failoverlab.workload.TestHttp.samples;
import static dev.failoverlab.workload.TestHttp.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class WorkloadServerTest {

    private static final WorkloadConfig FAST = WorkloadConfig.defaults().withPort(0).withWork(0, 0)
            .withWarmupSeconds(0).withThreads(4);

    private WorkloadServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void endpointsAnswerWithTheirStatusAndBody() {
        server = WorkloadServer.start(FAST.withColor("green"));

        assertThat(server.baseUri().toString()).isEqualTo("http://127.0.0.1:" + server.port() + "/");
        assertThat(server.port()).isPositive();
        HttpResponse<String> root = get(server.baseUri(), "/");
        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(root.body()).isEqualTo("green\n");
        assertThat(root.headers().firstValue("content-type")).hasValue("text/plain; charset=utf-8");
        assertThat(get(server.baseUri(), "/ping").body()).isEqualTo("pong\n");
        assertThat(get(server.baseUri(), "/healthz").statusCode()).isEqualTo(200);
        assertThat(get(server.baseUri(), "/readyz").statusCode()).isEqualTo(200);
        assertThat(get(server.baseUri(), "/metrics").headers().firstValue("content-type").orElseThrow())
                .startsWith("text/plain; version=0.0.4");
        assertThat(get(server.baseUri(), "/nothing-here").statusCode()).isEqualTo(404);
        assertThat(get(server.baseUri(), "/ping/extra").statusCode()).isEqualTo(404);
        HttpResponse<String> post = send(server.baseUri(), "POST", "/");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("allow")).hasValue("GET");
        assertThat(send(server.baseUri(), "DELETE", "/ping").statusCode()).isEqualTo(405);
        assertThat(send(server.baseUri(), "PUT", "/readyz").statusCode()).isEqualTo(405);
    }

    @Test
    void metricsCountRequestsByHandlerAndCodeWithTheClassicBuckets() {
        server = WorkloadServer.start(FAST.withErrorPercent(100));
        for (int i = 0; i < 3; i++) {
            assertThat(get(server.baseUri(), "/").statusCode()).isEqualTo(500);
        }
        for (int i = 0; i < 5; i++) {
            get(server.baseUri(), "/ping");
        }
        send(server.baseUri(), "POST", "/");
        get(server.baseUri(), "/healthz"); // not an instrumented handler

        String exposition = get(server.baseUri(), "/metrics").body();
        Map<String, Double> samples = samples(exposition);

        assertThat(samples).contains(
                entry("http_requests_total{code=\"500\",handler=\"/\"}", 3.0),
                entry("http_requests_total{code=\"200\",handler=\"/\"}", 0.0),
                entry("http_requests_total{code=\"405\",handler=\"/\"}", 1.0),
                entry("http_requests_total{code=\"200\",handler=\"/ping\"}", 5.0),
                entry("http_request_duration_seconds_count{handler=\"/\"}", 4.0),
                entry("http_request_duration_seconds_count{handler=\"/ping\"}", 5.0),
                entry("http_request_duration_seconds_bucket{handler=\"/ping\",le=\"+Inf\"}", 5.0),
                entry("http_request_duration_seconds_bucket{handler=\"/ping\",le=\"10.0\"}", 5.0),
                entry("http_requests_in_flight", 0.0),
                entry("workload_info{color=\"blue\"}", 1.0));
        assertThat(samples.keySet()).noneMatch(series -> series.contains("healthz"));
        assertThat(exposition).contains("# TYPE http_request_duration_seconds histogram")
                .doesNotContain("native");
        assertThat(samples.get("process_cpu_seconds_total")).isPositive();
        // exactly the 13 configured bounds plus +Inf, cumulative
        String[] bounds = {"0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5",
            "5.0", "10.0", "+Inf"};
        double previous = 0;
        for (String bound : bounds) {
            Double count = samples.get("http_request_duration_seconds_bucket{handler=\"/ping\",le=\"" + bound + "\"}");
            assertThat(count).as("bucket le=%s", bound).isNotNull().isGreaterThanOrEqualTo(previous);
            previous = count;
        }
        assertThat(samples.keySet().stream().filter(s -> s.startsWith("http_request_duration_seconds_bucket{handler=\"/\""))
                .count()).isEqualTo(bounds.length);
    }

    @Test
    void inFlightCountsARequestBeingHandled() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server = WorkloadServer.start(FAST, gate(entered, release));

        CompletableFuture<HttpResponse<String>> held = TestHttp.CLIENT.sendAsync(
                TestHttp.request(server.baseUri(), "GET", "/"), HttpResponse.BodyHandlers.ofString());
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(samples(get(server.baseUri(), "/metrics").body())).containsEntry("http_requests_in_flight", 1.0);
        // the metrics exchange itself may still be winding down on its worker after its response was read
        assertThat(server.pendingRequests()).isBetween(1, 2);
        release.countDown();
        assertThat(held.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(samples(get(server.baseUri(), "/metrics").body())).containsEntry("http_requests_in_flight", 0.0);
    }

    @Test
    void readinessFailsWhileWarmingUpButHealthIsFine() throws Exception {
        server = WorkloadServer.start(FAST.withWarmupSeconds(3_600));

        assertThat(server.ready()).isFalse();
        HttpResponse<String> ready = get(server.baseUri(), "/readyz");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).isEqualTo("warming up\n");
        assertThat(get(server.baseUri(), "/healthz").statusCode()).isEqualTo(200);
        assertThat(get(server.baseUri(), "/").statusCode()).as("serves while warming up").isEqualTo(200);
        assertThat(server.awaitWarmedUp(Duration.ofMillis(1))).isFalse();
    }

    @Test
    void readinessTurnsOnAfterTheWarmUp() throws Exception {
        server = WorkloadServer.start(FAST.withWarmupSeconds(0.2));

        assertThat(server.awaitWarmedUp(Duration.ofSeconds(10))).isTrue();
        assertThat(server.ready()).isTrue();
        HttpResponse<String> ready = get(server.baseUri(), "/readyz");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("ready\n");
    }

    static Runnable gate(CountDownLatch entered, CountDownLatch release) {
        return () -> {
            entered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }
}
