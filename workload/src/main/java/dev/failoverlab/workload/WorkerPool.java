package dev.failoverlab.workload;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP server's executor: a fixed pool of THREADS workers behind an unbounded queue (requests beyond the pool
 * wait, as they would in a thread-per-request server), that also
 * <ul>
 *   <li>stamps each exchange with the time the server dispatched it, so the latency histogram includes the time
 *       spent waiting for a worker;</li>
 *   <li>counts dispatched exchanges not yet finished, so a drain can wait for exactly those;</li>
 *   <li>gives every worker its own {@link SplittableRandom}, split from the seeded root when the thread is made,
 *       so per-request draws need neither locks nor thread-locals.</li>
 * </ul>
 */
final class WorkerPool implements Executor {

    /** A worker thread with the per-thread state the request handler reads. */
    static final class Worker extends Thread {
        final SplittableRandom random;
        long dispatchedAtNanos;

        Worker(Runnable task, String name, SplittableRandom random) {
            super(task, name);
            this.random = random;
        }
    }

    private final ThreadPoolExecutor executor;
    private final AtomicInteger pending = new AtomicInteger();
    private final Object idle = new Object();
    private volatile boolean draining;

    WorkerPool(int threads, long seed, String namePrefix) {
        SplittableRandom root = new SplittableRandom(seed);
        AtomicInteger number = new AtomicInteger();
        ThreadFactory factory = task -> {
            SplittableRandom own;
            synchronized (root) {
                own = root.split();
            }
            Worker worker = new Worker(task, namePrefix + number.incrementAndGet(), own);
            worker.setDaemon(true);
            return worker;
        };
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                factory);
    }

    @Override
    public void execute(Runnable exchange) {
        long dispatchedAt = System.nanoTime();
        pending.incrementAndGet();
        try {
            executor.execute(() -> run(exchange, dispatchedAt));
        } catch (RuntimeException e) {
            finished();
            throw e;
        }
    }

    private void run(Runnable exchange, long dispatchedAt) {
        ((Worker) Thread.currentThread()).dispatchedAtNanos = dispatchedAt;
        try {
            exchange.run();
        } finally {
            finished();
        }
    }

    private void finished() {
        // notify only while draining: a monitor per idle moment would cost the hot path at 10^4 requests/s
        if (pending.decrementAndGet() == 0 && draining) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    /** Exchanges dispatched to the pool (queued or running) and not yet finished. */
    int pending() {
        return pending.get();
    }

    /**
     * Waits until no exchange is queued or running, or the timeout passes.
     *
     * @return whether the pool went idle within the timeout
     */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        draining = true; // before reading pending: a finisher that misses this flag has already made pending 0
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (pending.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
            return true;
        }
    }

    /** Stops the workers; those still busy (a drain that timed out) are interrupted. */
    void shutdownNow() {
        executor.shutdownNow();
    }

    boolean awaitTermination(Duration timeout) throws InterruptedException {
        return executor.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }
}
