package dev.failoverlab.workload;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The running workload: the JDK's built-in HTTP server on 0.0.0.0:PORT, a fixed pool of worker threads, readiness
 * that fails while warming up and from the moment a drain starts, and a graceful drain.
 *
 * <p>Drain: readiness answers 503 at once; the listening socket is closed (no new connections); responses tell
 * keep-alive clients {@code Connection: close}; requests already dispatched (running or queued for a worker) finish,
 * for at most the timeout; then every connection is closed and the workers stop.
 */
public final class WorkloadServer implements AutoCloseable {

    /**
     * Without TCP_NODELAY the JDK server's small responses wait for the client's delayed ACK: about 40 ms per
     * keep-alive response (measured 719 vs 77,358 requests/s with wrk). The server reads this property once, when
     * its configuration class loads, so it is set before any server exists; an explicit -D setting wins.
     */
    static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    static {
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
    }

    /** CPU burned to get the work loop compiled before readiness: far below any WARMUP_SECONDS a probe uses. */
    private static final long JIT_WARMUP_NANOS = 150_000_000L;

    private final WorkloadConfig config;
    private final HttpServer http;
    private final WorkerPool pool;
    private final WorkloadMetrics metrics;
    private final CountDownLatch warmedUp = new CountDownLatch(1);
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile boolean draining;
    private boolean stopped;

    private WorkloadServer(WorkloadConfig config, Runnable requestGate) {
        this.config = config;
        this.metrics = new WorkloadMetrics(config.color());
        this.pool = new WorkerPool(config.threads(), config.seed(), "workload-" + config.color() + "-");
        try {
            this.http = HttpServer.create(new InetSocketAddress(config.port()), 0);
        } catch (IOException e) {
            pool.shutdownNow();
            throw new UncheckedIOException("cannot listen on port " + config.port() + ": " + e.getMessage(), e);
        }
        http.setExecutor(pool);
        http.createContext("/", new RequestRouter(config, metrics, this::warmedUp, () -> draining, requestGate));
    }

    /** Binds 0.0.0.0:{@code config.port()} and starts serving; readiness follows after the warm-up. */
    public static WorkloadServer start(WorkloadConfig config) {
        return start(config, () -> { });
    }

    /** As {@link #start(WorkloadConfig)}, with a hook run at the start of each {@code GET /} (tests hold requests). */
    static WorkloadServer start(WorkloadConfig config, Runnable requestGate) {
        WorkloadServer server = new WorkloadServer(Objects.requireNonNull(config, "config"),
                Objects.requireNonNull(requestGate, "requestGate"));
        server.http.start();
        server.startWarmup();
        return server;
    }

    public WorkloadConfig config() {
        return config;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** Where a client on this machine reaches the server: {@code http://127.0.0.1:PORT/}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    /** What {@code /readyz} answers: warmed up and not draining. */
    public boolean ready() {
        return warmedUp() && !draining;
    }

    /** Waits for the warm-up to end; whether it did within the timeout. */
    public boolean awaitWarmedUp(Duration timeout) throws InterruptedException {
        return warmedUp.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Requests dispatched to the workers (queued or running) and not yet answered. */
    public int pendingRequests() {
        return pool.pending();
    }

    private boolean warmedUp() {
        return warmedUp.getCount() == 0;
    }

    private void startWarmup() {
        if (config.warmupSeconds() == 0) {
            warmedUp.countDown();
            return;
        }
        long readyAt = System.nanoTime() + Math.round(config.warmupSeconds() * 1e9);
        Thread warmup = new Thread(() -> warmUp(readyAt), "workload-warmup");
        warmup.setDaemon(true);
        warmup.start();
    }

    /** JIT-compiles the request's work (demand draws and the burn loop), then waits out WARMUP_SECONDS. */
    private void warmUp(long readyAt) {
        CpuDemand demand = new CpuDemand(config.workMs(), config.workCv());
        SplittableRandom random = new SplittableRandom(config.seed() ^ 0x5DEECE66DL);
        long burned = 0;
        while (burned < JIT_WARMUP_NANOS && System.nanoTime() < readyAt && stopping.getCount() > 0) {
            demand.drawNanos(random);
            CpuBurner.burn(200_000);
            burned += 200_000;
        }
        try {
            if (!stopping.await(readyAt - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                warmedUp.countDown();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Drains and stops: readiness fails at once, no new connections are accepted, dispatched requests get up to
     * {@code timeout} to finish, then all connections close. Returns when the server has stopped; a second call
     * (the shutdown hook after {@link #close()}) returns at once.
     *
     * @return whether every dispatched request finished within the timeout
     */
    public synchronized boolean drain(Duration timeout) {
        if (stopped) {
            return pool.pending() == 0;
        }
        draining = true;
        stopping.countDown();
        if (!timeout.isZero() && !timeout.isNegative()) {
            // HttpServer.stop closes the listening socket first, then waits for exchanges; on JDK 17 that wait runs
            // its full length when nothing is in flight, so it runs on its own thread and the stop(0) below ends it
            int seconds = (int) Math.min(Integer.MAX_VALUE - 1L, timeout.toSeconds() + 1);
            Thread listenerCloser = new Thread(() -> http.stop(seconds), "workload-listener-close");
            listenerCloser.setDaemon(true);
            listenerCloser.start();
        }
        boolean finished;
        try {
            finished = pool.awaitIdle(timeout.isNegative() ? Duration.ZERO : timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        http.stop(0);
        pool.shutdownNow();
        stopped = true;
        return finished;
    }

    /** Stops at once: in-flight requests are cut off (use {@link #drain(Duration)} to let them finish). */
    @Override
    public void close() {
        drain(Duration.ZERO);
    }
}
