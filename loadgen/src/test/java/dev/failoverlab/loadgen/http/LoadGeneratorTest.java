package dev.failoverlab.loadgen.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.failoverlab.loadgen.profile.LoadProfile;
import dev.failoverlab.loadgen.profile.LoadSegment;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

final class LoadGeneratorTest {

    private static LoadOptions constant(URI target, double rps, double seconds) {
        return LoadOptions.of(target, new LoadProfile(List.of(new LoadSegment.Constant(rps, seconds))))
                .withArrivals(ArrivalProcess.UNIFORM);
    }

    /** Every intended arrival ends in exactly one bucket. */
    private static void assertAccounted(LoadResult r) {
        assertThat(r.completed() + r.ioErrors() + r.timeouts() + r.unsent()).isEqualTo(r.intended());
        assertThat(r.sent() + r.expired() + r.unsent()).isEqualTo(r.intended());
    }

    @Test
    void thousandPerSecondIsAchievedWithinTwoPercent() {
        List<IntervalReport> seconds = new CopyOnWriteArrayList<>();
        try (TestServer server = TestServer.ok()) {
            LoadResult r = LoadGenerator.run(constant(server.uri(), 1000, 3), seconds::add);

            assertThat(r.achievedRps()).isCloseTo(1000, within(20.0));
            assertThat(r.intended()).isEqualTo(3000);
            assertThat(r.completed()).isGreaterThan(2950);
            assertThat(r.statusCounts()).isEqualTo(Map.of(200, r.completed()));
            assertThat(r.errors()).isZero();
            assertThat(r.unsent()).isLessThan(50);
            assertThat(server.requests()).isEqualTo(r.completed());
            assertThat(seconds).hasSizeBetween(3, 4);
            assertThat(seconds.get(1).targetRps()).isCloseTo(1000, within(1e-9));
            assertThat(seconds.get(1).completed()).isBetween(900L, 1100L);
            assertAccounted(r);
        }
    }

    @Test
    void aSendQuantumKeepsTheRateAndItsWaitShowsInTheLatency() {
        try (TestServer server = TestServer.ok()) {
            LoadResult r = LoadGenerator.run(constant(server.uri(), 1000, 3).withSendQuantum(Duration.ofMillis(5)),
                    LoadListener.NONE);

            assertThat(r.achievedRps()).isCloseTo(1000, within(20.0));
            assertThat(r.errors()).isZero();
            // due times are spread evenly, releases come every 5 ms: the median wait is about 2.5 ms
            assertThat(r.percentileMs(50) - r.serviceTimePercentileMs(50)).isGreaterThan(1.0);
            assertAccounted(r);
        }
    }

    @Test
    void aStallShowsInLatencyFromTheIntendedTimeButNotInServiceTime() {
        CountDownLatch stalled = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // one handler thread: the 300th request holds the whole server for 500 ms (the server's stall, not a
        // timing assertion: the latch is only counted down after the run)
        try (TestServer server = TestServer.start(1, n -> {
            if (n == 300) {
                stalled.countDown();
                release.await(500, TimeUnit.MILLISECONDS);
            }
            return 200;
        })) {
            LoadResult r = LoadGenerator.run(constant(server.uri(), 1000, 2).withConnections(8), LoadListener.NONE);
            release.countDown();

            assertThat(stalled.getCount()).isZero();
            // a busy machine may leave a few arrivals of the last milliseconds unsent; they are counted, not lost
            assertThat(r.completed()).isGreaterThan(1950);
            assertThat(r.percentileMs(99)).as("latency p99 includes the wait behind the stall").isGreaterThan(400);
            assertThat(r.latency().getMaxValue() / 1000.0).isGreaterThanOrEqualTo(490);
            assertThat(r.serviceTimePercentileMs(99)).as("only the 8 requests in flight saw it as service time")
                    .isLessThan(200);
            assertThat(r.countAtOrAbove(Duration.ofMillis(250))).isGreaterThan(100);
            assertThat(r.late()).isGreaterThan(300);
            assertAccounted(r);
        }
    }

    @Test
    void arrivalsHeldUpByAStalledConnectionAreCountedLate() {
        CountDownLatch release = new CountDownLatch(1);
        try (TestServer server = TestServer.start(1, n -> {
            if (n == 20) {
                release.await(200, TimeUnit.MILLISECONDS);
            }
            return 200;
        })) {
            LoadResult r = LoadGenerator.run(constant(server.uri(), 200, 1).withConnections(1), LoadListener.NONE);

            assertThat(r.completed()).isEqualTo(200);
            assertThat(r.unsent()).isZero();
            // 40 arrivals fall inside the 200 ms stall; all but the first ~2 wait more than 10 ms
            assertThat(r.late()).isBetween(30L, 60L);
            assertAccounted(r);
        }
    }

    @Test
    void arrivalsNeverSentByTheEndAreUnsentAndTheStuckRequestTimesOut() {
        CountDownLatch release = new CountDownLatch(1);
        try (TestServer server = TestServer.start(1, n -> {
            if (n == 10) {
                release.await();
            }
            return 200;
        })) {
            LoadResult r = LoadGenerator.run(constant(server.uri(), 200, 0.5).withConnections(1)
                    .withTimeout(Duration.ofMillis(800)), LoadListener.NONE);
            release.countDown();

            assertThat(r.intended()).isEqualTo(100);
            assertThat(r.sent()).isEqualTo(10);
            assertThat(r.completed()).isEqualTo(9);
            assertThat(r.timeouts()).isEqualTo(1);
            assertThat(r.unsent()).isEqualTo(90);
            assertThat(r.errors()).isEqualTo(1);
            assertAccounted(r);
        }
    }

    @Test
    void waitingLongerThanTheTimeoutExpiresAsATimeout() {
        CountDownLatch release = new CountDownLatch(1);
        try (TestServer server = TestServer.start(1, n -> {
            if (n == 1) {
                release.await();
            }
            return 200;
        })) {
            LoadResult r = LoadGenerator.run(constant(server.uri(), 100, 0.6).withConnections(1)
                    .withTimeout(Duration.ofMillis(300)), LoadListener.NONE);
            release.countDown();

            assertThat(r.expired()).as("arrivals that waited 300 ms for the only connection").isPositive();
            assertThat(r.timeouts()).isEqualTo(r.expired() + 1 + (r.sent() - 1 - r.completed()));
            assertAccounted(r);
        }
    }

    @Test
    void serverErrorsAreCountedByStatusAndAsErrors() {
        try (TestServer server = TestServer.start(2, n -> n % 10 == 0 ? 500 : 200)) {
            LoadResult r = LoadGenerator.run(constant(server.uri(), 500, 1).withConnections(4), LoadListener.NONE);

            assertThat(r.statusCounts()).isEqualTo(Map.of(200, 450L, 500, 50L));
            assertThat(r.ok()).isEqualTo(450);
            assertThat(r.errors()).isEqualTo(50);
            assertThat(r.ioErrors()).isZero();
        }
    }

    @Test
    void resetConnectionsAreErrorsAndAreReopened() throws IOException {
        try (RawServer server = new RawServer((n, out) -> {
            if (n % 5 == 0) {
                return false;
            }
            RawServer.write(out, n % 2 == 0
                    ? "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"
                    : "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
            return true;
        })) {
            LoadResult r = LoadGenerator.run(constant(server.uri(), 200, 0.5).withConnections(2), LoadListener.NONE);

            assertThat(r.intended()).isEqualTo(100);
            assertThat(r.ioErrors()).isEqualTo(20);
            assertThat(r.ok()).isEqualTo(80);
            assertThat(r.errors()).isEqualTo(20);
            assertThat(r.connectFailures()).isZero();
            assertAccounted(r);
        }
    }

    @Test
    void stopEndsEarlyAndKeepsTheResultsSoFar() {
        CountDownLatch firstSecond = new CountDownLatch(1);
        try (TestServer server = TestServer.ok()) {
            RunningLoad running = LoadGenerator.start(constant(server.uri(), 200, 60), r -> firstSecond.countDown());
            assertThat(firstSecond.await(10, TimeUnit.SECONDS)).isTrue();
            running.stop();
            LoadResult r = running.await();

            assertThat(running.isRunning()).isFalse();
            assertThat(r.durationSeconds()).isBetween(1.0, 5.0);
            assertThat(r.completed()).isGreaterThanOrEqualTo(190);
            assertThat(r.intervals()).isNotEmpty();
            assertAccounted(r);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void unusableTargetsFailBeforeTheRunWithOneLine() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        LoadProfile profile = new LoadProfile(List.of(new LoadSegment.Constant(10, 1)));

        assertThatThrownBy(() -> LoadGenerator.run(LoadOptions.of(URI.create("http://127.0.0.1:" + closedPort + "/"),
                profile), LoadListener.NONE))
                .isInstanceOf(LoadException.class).hasMessageContaining("cannot connect to 127.0.0.1:" + closedPort)
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> LoadGenerator.run(LoadOptions.of(URI.create("https://127.0.0.1/"), profile),
                LoadListener.NONE))
                .isInstanceOf(LoadException.class).hasMessageContaining("only plain http");
        assertThatThrownBy(() -> LoadGenerator.run(LoadOptions.of(URI.create("http://no-such-host.invalid/"),
                profile), LoadListener.NONE))
                .isInstanceOf(LoadException.class).hasMessageContaining("unknown host 'no-such-host.invalid'");
    }
}
