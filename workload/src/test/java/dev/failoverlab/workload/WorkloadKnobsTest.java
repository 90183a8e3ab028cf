package dev.failoverlab.workload;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

final class WorkloadKnobsTest {

    /** z of a two-sided 99.9 % normal interval. */
    private static final double Z_999 = 3.2905;

    @Test
    void slowRequestsAndRandomErrorsHitTheirPercentages() throws Exception {
        int requests = 2_000;
        long slowDelayMs = 100;
        WorkloadConfig config = WorkloadConfig.defaults().withPort(0).withWork(0, 0).withWarmupSeconds(0)
                .withThreads(64).withSlow(20, slowDelayMs).withErrorPercent(5).withSeed(11);
        AtomicInteger slowSeenByClient = new AtomicInteger();
        long[] latencyNanos = new long[requests];
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        Map<String, Double> metrics;
        try (WorkloadServer server = WorkloadServer.start(config)) {
            ExecutorService clients = Executors.newFixedThreadPool(40);
            try {
                List<Future<?>> done = new ArrayList<>();
                AtomicInteger left = new AtomicInteger(requests);
                for (int c = 0; c < 40; c++) {
                    done.add(clients.submit(() -> {
                        for (int i = left.decrementAndGet(); i >= 0; i = left.decrementAndGet()) {
                            long start = System.nanoTime();
                            HttpResponse<String> response = TestHttp.get(server.baseUri(), "/");
                            latencyNanos[i] = System.nanoTime() - start;
                            // a slow request sleeps the delay, so its latency cannot be below it
                            if (latencyNanos[i] >= slowDelayMs * 1_000_000) {
                                slowSeenByClient.incrementAndGet();
                            }
                            switch (response.statusCode()) {
                                case 500 -> errors.incrementAndGet();
                                case 200 -> { }
                                default -> other.incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                clients.shutdownNow();
            }
            metrics = TestHttp.samples(TestHttp.get(server.baseUri(), "/metrics").body());
        }
        // slow as the server measured it: above the delay's bucket. A fast request rarely waits 100 ms on the
        // server; at the client (40 client threads on a shared 2-core machine) it sometimes does, so the client's
        // count is only checked to include them.
        double all = metrics.get("http_request_duration_seconds_count{handler=\"/\"}");
        double fast = metrics.get("http_request_duration_seconds_bucket{handler=\"/\",le=\"0.1\"}");
        int slow = (int) (all - fast);
        Arrays.sort(latencyNanos);

        assertThat(other.get()).isZero();
        assertThat(all).isEqualTo(requests);
        assertWithinBinomialInterval("slow", slow, requests, 0.20);
        assertThat(slowSeenByClient.get()).isGreaterThanOrEqualTo(slow);
        assertThat(latencyNanos[(int) Math.ceil(0.95 * requests) - 1]).as("client p95")
                .isGreaterThanOrEqualTo(slowDelayMs * 1_000_000);
        assertWithinBinomialInterval("errors", errors.get(), requests, 0.05);
    }

    @Test
    void workBurnsAboutTheRequestedCpu() {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int requests = 15;
        double workMs = 20;
        WorkloadConfig config = WorkloadConfig.defaults().withPort(0).withWork(workMs, 0).withWarmupSeconds(0)
                .withThreads(2);
        try (WorkloadServer server = WorkloadServer.start(config)) {
            TestHttp.get(server.baseUri(), "/"); // connection set up, loop compiled

            long before = os.getProcessCpuTime();
            for (int i = 0; i < requests; i++) {
                assertThat(TestHttp.get(server.baseUri(), "/").statusCode()).isEqualTo(200);
            }
            double cpuMs = (os.getProcessCpuTime() - before) / 1e6;

            double expectedMs = requests * workMs;
            // at least the demand (it is burned as thread CPU time); the client, JIT and GC add some on top
            assertThat(cpuMs).as("process CPU ms for %d requests of %.0f ms", requests, workMs)
                    .isBetween(expectedMs * 0.95, expectedMs + 400);
        }
    }

    private static void assertWithinBinomialInterval(String what, int observed, int n, double p) {
        double sd = Math.sqrt(n * p * (1 - p));
        double low = n * p - Z_999 * sd;
        double high = n * p + Z_999 * sd;
        assertThat((double) observed)
                .as(String.format(Locale.ROOT, "%s: %d of %d, 99.9%% interval [%.0f, %.0f]", what, observed, n, low,
                        high))
                .isBetween(low, high);
    }
}
