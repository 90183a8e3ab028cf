package dev.failoverlab.harness.sim.live;

import dev.failoverlab.harness.sim.LiveSimulation;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The one thread that advances a live simulation: every tick it processes the events up to where the wall clock
 * has got. A failure inside the model stops the thread and is kept for the caller to report.
 */
public final class LiveRunner implements AutoCloseable {
    public static final Duration DEFAULT_TICK = Duration.ofMillis(10);

    private final LiveSimulation live;
    private final long tickNanos;
    private final Thread thread;
    private volatile boolean stopping;
    private volatile Throwable failure;

    private LiveRunner(LiveSimulation live, Duration tick) {
        this.live = live;
        this.tickNanos = tick.toNanos();
        this.thread = new Thread(this::loop, "live-simulation");
        thread.setDaemon(true);
    }

    /** Starts advancing {@code live} every {@code tick} of wall time. */
    public static LiveRunner start(LiveSimulation live, Duration tick) {
        if (tick == null || tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("tick: must be > 0, got " + tick);
        }
        LiveRunner runner = new LiveRunner(live, tick);
        runner.thread.start();
        return runner;
    }

    private void loop() {
        try {
            while (!stopping) {
                live.advance();
                LockSupport.parkNanos(tickNanos);
            }
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }

    /** Why the simulation stopped, or null while it runs (or after a clean close). */
    public Throwable failure() {
        return failure;
    }

    public boolean running() {
        return thread.isAlive();
    }

    @Override
    public void close() {
        stopping = true;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the thread is a daemon: it cannot keep the JVM alive
        }
    }
}
