package dev.failoverlab.workload;

import static dev.failoverlab.workload.WorkloadServerTest.gate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.failoverlab.workload.TestHttp.RawConnection;
import dev.failoverlab.workload.TestHttp.Response;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

final class WorkloadDrainTest {

    private static final WorkloadConfig FAST = WorkloadConfig.defaults().withPort(0).withWork(0, 0)
            .withWarmupSeconds(0).withThreads(4);

    @Test
    void drainFailsReadinessRefusesConnectionsAndLetsTheInFlightRequestFinish() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        WorkloadServer server = WorkloadServer.start(FAST, gate(entered, release));
        try (RawConnection keepAlive = new RawConnection(server.port())) {
            assertThat(keepAlive.get("/readyz").status()).isEqualTo(200);
            CompletableFuture<HttpResponse<String>> inFlight = TestHttp.CLIENT.sendAsync(
                    TestHttp.request(server.baseUri(), "GET", "/"), HttpResponse.BodyHandlers.ofString());
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(() -> server.drain(Duration.ofSeconds(20)));
            awaitTrue("readiness to fail", () -> !server.ready());
            Response ready = keepAlive.get("/readyz");
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.body()).isEqualTo("draining\n");
            assertThat(ready.headers()).containsEntry("connection", "close");
            awaitTrue("new connections to be refused", () -> refused(server.port()));
            assertThat(drained).as("drain waits for the in-flight request").isNotDone();

            release.countDown();
            HttpResponse<String> answer = inFlight.get(10, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("blue\n");
            assertThat(drained.get(10, TimeUnit.SECONDS)).as("every request finished").isTrue();
            assertThat(server.pendingRequests()).isZero();
        } finally {
            release.countDown();
            server.close();
        }
    }

    @Test
    void drainGivesUpAfterTheTimeoutAndCutsTheRequestOff() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        WorkloadServer server = WorkloadServer.start(FAST, gate(entered, release));
        try {
            CompletableFuture<HttpResponse<String>> stuck = TestHttp.CLIENT.sendAsync(
                    TestHttp.request(server.baseUri(), "GET", "/"), HttpResponse.BodyHandlers.ofString());
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

            long start = System.nanoTime();
            boolean finished = server.drain(Duration.ofMillis(300));
            double seconds = (System.nanoTime() - start) / 1e9;

            assertThat(finished).isFalse();
            assertThat(seconds).isBetween(0.29, 5.0);
            ExecutionException cutOff = org.assertj.core.api.Assertions.catchThrowableOfType(ExecutionException.class,
                    () -> stuck.get(10, TimeUnit.SECONDS));
            assertThat(cutOff).as("the client sees the connection closed").isNotNull();
            assertThat(cutOff.getCause()).isInstanceOf(IOException.class);
        } finally {
            release.countDown();
            server.close();
        }
    }

    @Test
    void drainWithNothingInFlightReturnsPromptlyAndASecondCallIsHarmless() {
        WorkloadServer server = WorkloadServer.start(FAST);
        assertThat(TestHttp.get(server.baseUri(), "/ping").statusCode()).isEqualTo(200);

        long start = System.nanoTime();
        assertThat(server.drain(Duration.ofSeconds(20))).isTrue();
        // the JDK 17 HttpServer.stop(n) alone would wait the full n seconds here
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(5.0);
        assertThat(server.drain(Duration.ofSeconds(20))).isTrue();
        server.close();
        assertThat(server.ready()).isFalse();
        assertThat(refused(server.port())).isTrue();
    }

    private static boolean refused(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Polls a condition that another thread makes true; bounded, no sleeping. */
    private static void awaitTrue(String what, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.onSpinWait();
        }
    }
}
