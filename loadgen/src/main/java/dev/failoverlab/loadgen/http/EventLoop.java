package dev.failoverlab.loadgen.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The engine: one thread, one selector, a fixed pool of non-blocking keep-alive connections. Due arrivals join a
 * FIFO backlog and leave it on the next free connection (wrk2's model); latency runs from the intended send
 * time. It sleeps in select() until the next arrival, tick, timeout or I/O, so an idle run costs no CPU; sends
 * may be up to ~1 ms late, which the latency already includes.
 */
final class EventLoop implements Runnable {
    private static final long SECOND = 1_000_000_000L;
    private static final long MILLI = 1_000_000L;
    private static final long SCAN_EVERY = 5 * MILLI;
    private static final long MAX_STOP_DRAIN = SECOND;
    private static final long DRAIN_GRACE = SECOND / 4;

    private final HttpTarget target;
    private final LoadListener listener;
    private final Recorder recorder;
    private final ArrivalSchedule schedule;
    private final Selector selector;
    private final ConnectionPool pool;
    private final LongQueue backlog = new LongQueue();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private final long timeoutNanos;
    private final long lateNanos;
    private final long quantumNanos;
    /** With a send quantum: when the requests due so far are next released. */
    private long nextRelease;
    private final Consumer<SelectionKey> onReady = this::onReady;
    private final CompletableFuture<LoadResult> done = new CompletableFuture<>();
    private volatile boolean stopRequested;

    private long start;
    private long now;
    private long loadEnd;
    private long nextArrival;
    private long nextTick = SECOND;
    private long nextScan;
    private long drainDeadline = Long.MAX_VALUE;
    private boolean loadOver;
    private int busy;

    EventLoop(LoadOptions options, HttpTarget target, LoadListener listener) throws IOException {
        this.target = target;
        this.listener = listener;
        this.recorder = new Recorder(options.profile());
        this.schedule = ArrivalSchedule.of(options.profile(), options.arrivals(), options.seed());
        this.selector = Selector.open();
        this.timeoutNanos = options.timeout().toNanos();
        this.pool = new ConnectionPool(selector, target, recorder, options.connections(), timeoutNanos);
        this.lateNanos = options.lateThreshold().toNanos();
        this.quantumNanos = options.sendQuantum().toNanos();
        this.loadEnd = toNanos(options.profile().durationSeconds());
    }

    CompletableFuture<LoadResult> done() {
        return done;
    }

    /** Ends the load now; in-flight requests get up to a second (or the timeout) to finish. Any thread. */
    void requestStop() {
        stopRequested = true;
        selector.wakeup();
    }

    @Override
    public void run() {
        try {
            done.complete(loop());
        } catch (Throwable t) {
            done.completeExceptionally(t);
        } finally {
            pool.closeAll();
            try {
                selector.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }

    private LoadResult loop() throws IOException {
        start = System.nanoTime();
        now = 0;
        pool.openAll(now);
        nextArrival = toNanos(schedule.next());
        while (true) {
            now = clock();
            if (stopRequested && drainDeadline == Long.MAX_VALUE) {
                loadEnd = Math.min(loadEnd, now);
                drainDeadline = now + Math.min(timeoutNanos, MAX_STOP_DRAIN);
            }
            enqueueDueArrivals();
            expireBacklog();
            dispatch();
            if (!loadOver && now >= loadEnd) {
                loadOver = true;
                recorder.unsent(backlog.size());
                backlog.clear();
            }
            if (now >= nextScan) {
                scanConnections();
                nextScan = now + SCAN_EVERY;
            }
            while (now >= tickDue()) {
                listener.interval(recorder.closeInterval(nextTick / 1e9, backlog.size()));
                nextTick += SECOND;
            }
            if (loadOver && (busy == 0 || now >= drainDeadline)) {
                break;
            }
            waitForWork();
        }
        abandonInFlight();
        if (recorder.intervalHasActivity() && now / 1e9 > recorder.intervalStart() + 1e-3) {
            listener.interval(recorder.closeInterval(now / 1e9, 0));
        }
        return recorder.result(loadEnd / 1e9);
    }

    /**
     * When the next tick falls at the end of the load while responses are still draining, wait up to a quarter
     * second so the last interval includes them instead of a few-millisecond stub with a meaningless rate.
     */
    private long tickDue() {
        return loadOver && busy > 0 && nextTick >= loadEnd ? nextTick + DRAIN_GRACE : nextTick;
    }

    private void enqueueDueArrivals() {
        if (quantumNanos > 0) {
            if (now < nextRelease) {
                return;
            }
            nextRelease = (now / quantumNanos + 1) * quantumNanos;
        }
        while (nextArrival <= now && nextArrival < loadEnd) {
            backlog.add(nextArrival);
            recorder.intended();
            nextArrival = toNanos(schedule.next());
        }
    }

    private void expireBacklog() {
        while (!backlog.isEmpty() && now - backlog.peek() >= timeoutNanos) {
            backlog.poll();
            recorder.expired();
        }
    }

    private void dispatch() {
        while (!backlog.isEmpty() && pool.hasIdle()) {
            send(pool.takeIdle(), backlog.poll());
        }
    }

    private void send(Connection c, long intended) {
        c.intended = intended;
        c.sentAt = now;
        c.state = Connection.State.BUSY;
        c.parser.reset();
        busy++;
        recorder.sent(now - intended > lateNanos);
        c.request.clear();
        try {
            c.channel.write(c.request);
            if (c.request.hasRemaining()) {
                c.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            }
        } catch (IOException e) {
            fail(c);
        }
    }

    private void waitForWork() throws IOException {
        long wake = Math.min(tickDue(), nextScan);
        if (pool.hasIdle() && !loadOver) {
            // after a stop it may lie in the past, never to be sent
            wake = Math.min(wake, quantumNanos > 0 ? Math.max(nextArrival, nextRelease) : nextArrival);
        }
        if (!backlog.isEmpty()) {
            wake = Math.min(wake, backlog.peek() + timeoutNanos);
        }
        wake = Math.min(wake, loadOver ? drainDeadline : loadEnd);
        long wait = wake - clock();
        if (wait <= 0 || stopRequested && drainDeadline == Long.MAX_VALUE) {
            selector.selectNow(onReady);
        } else if (wait < MILLI) {
            if (busy == 0) {
                // nothing can arrive that needs a timestamp: sleep precisely instead of select's whole millisecond
                LockSupport.parkNanos(wait);
                selector.selectNow(onReady);
            } else {
                selector.select(onReady, 1);
            }
        } else {
            selector.select(onReady, wait / MILLI);
        }
    }

    private void onReady(SelectionKey key) {
        Connection c = (Connection) key.attachment();
        now = clock();
        try {
            if (!key.isValid()) {
                return;
            }
            if (key.isConnectable()) {
                pool.finishConnect(c);
                return;
            }
            if (key.isWritable() && c.state == Connection.State.BUSY) {
                c.channel.write(c.request);
                if (!c.request.hasRemaining()) {
                    key.interestOps(SelectionKey.OP_READ);
                }
            }
            if (key.isValid() && key.isReadable()) {
                read(c);
            }
        } catch (IOException e) {
            fail(c);
        }
    }

    private void read(Connection c) throws IOException {
        while (true) {
            readBuffer.clear();
            int n = c.channel.read(readBuffer);
            if (n < 0) {
                endOfStream(c);
                return;
            }
            if (n == 0) {
                return;
            }
            if (c.state != Connection.State.BUSY) {
                pool.reopen(c, now); // bytes nobody asked for: the stream is out of step, start afresh
                return;
            }
            readBuffer.flip();
            if (c.parser.feed(readBuffer)) {
                complete(c);
                return;
            }
            if (n < readBuffer.capacity()) {
                return;
            }
        }
    }

    private void complete(Connection c) {
        recorder.response(c.parser.status(), now - c.intended, now - c.sentAt);
        busy--;
        if (c.parser.keepAlive()) {
            pool.release(c);
        } else {
            pool.reopen(c, now);
        }
    }

    private void endOfStream(Connection c) {
        if (c.state == Connection.State.BUSY) {
            if (c.parser.endOfStream()) {
                complete(c);
                return;
            }
            recorder.ioError();
            busy--;
        }
        pool.reopen(c, now); // on an idle connection: the server closed it while unused, not an error
    }

    /** An I/O exception on a connection: the request on it (if any) failed; the connection is re-opened. */
    private void fail(Connection c) {
        switch (c.state) {
            case BUSY -> {
                recorder.ioError();
                busy--;
                pool.reopen(c, now);
            }
            case IDLE -> pool.reopen(c, now);
            case CONNECTING -> pool.connectFailed(c, now);
            default -> c.close();
        }
    }

    /** Every few ms: in-flight timeouts, then stuck connects and closed connections due for a retry. */
    private void scanConnections() {
        for (Connection c : pool.all()) {
            if (c.state == Connection.State.BUSY && now - c.sentAt >= timeoutNanos) {
                recorder.timeout(now - c.intended, now - c.sentAt);
                busy--;
                pool.reopen(c, now);
            }
        }
        pool.scan(now, !loadOver);
    }

    /** After a stop, requests still in flight at the drain deadline are given up as timeouts: never silent. */
    private void abandonInFlight() {
        for (Connection c : pool.all()) {
            if (c.state == Connection.State.BUSY) {
                recorder.timeout(now - c.intended, now - c.sentAt);
                busy--;
                c.close();
            }
        }
    }

    private long clock() {
        return System.nanoTime() - start;
    }

    private static long toNanos(double seconds) {
        return Double.isInfinite(seconds) ? Long.MAX_VALUE : (long) (seconds * 1e9);
    }
}
