package dev.failoverlab.loadgen.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;

/**
 * The fixed set of keep-alive connections of one event loop: which are idle (FIFO, so all stay warm), and
 * (re)connecting with back-off after a failure. Owned by the event-loop thread; times are nanoseconds from the
 * run start.
 */
final class ConnectionPool {
    private static final long MILLI = 1_000_000L;

    private final Selector selector;
    private final InetSocketAddress address;
    private final Recorder recorder;
    private final Connection[] all;
    private final ArrayDeque<Connection> idle;
    private final long connectTimeoutNanos;

    ConnectionPool(Selector selector, HttpTarget target, Recorder recorder, int size, long connectTimeoutNanos) {
        this.selector = selector;
        this.address = target.address();
        this.recorder = recorder;
        this.all = new Connection[size];
        this.idle = new ArrayDeque<>(size);
        this.connectTimeoutNanos = connectTimeoutNanos;
        for (int i = 0; i < size; i++) {
            all[i] = new Connection(target.newRequestView());
        }
    }

    Connection[] all() {
        return all;
    }

    boolean hasIdle() {
        return !idle.isEmpty();
    }

    Connection takeIdle() {
        return idle.pollFirst();
    }

    /** The connection finished its request and stays open for the next one. */
    void release(Connection c) {
        c.state = Connection.State.IDLE;
        idle.addLast(c);
    }

    void openAll(long now) {
        for (Connection c : all) {
            open(c, now);
        }
    }

    /** Closes the connection (whatever it was doing) and starts a fresh connect at once. */
    void reopen(Connection c, long now) {
        if (c.state == Connection.State.IDLE) {
            idle.remove(c);
        }
        c.close();
        open(c, now);
    }

    private void open(Connection c, long now) {
        c.state = Connection.State.CONNECTING;
        c.connectStartedAt = now;
        try {
            if (c.open(selector, address)) {
                connected(c);
            }
        } catch (IOException e) {
            connectFailed(c, now);
        }
    }

    void finishConnect(Connection c) throws IOException {
        if (c.channel.finishConnect()) {
            c.key.interestOps(SelectionKey.OP_READ);
            connected(c);
        }
    }

    private void connected(Connection c) {
        c.connectFailures = 0;
        release(c);
    }

    /** Backs off 10, 20, 40 ... 320 ms so a down server is retried steadily without spinning. */
    void connectFailed(Connection c, long now) {
        recorder.connectFailure();
        c.close();
        c.retryAt = now + (10 * MILLI << Math.min(5, c.connectFailures));
        c.connectFailures++;
    }

    /** Gives up connects that hang longer than the timeout; retries closed connections that are due. */
    void scan(long now, boolean reconnect) {
        for (Connection c : all) {
            if (c.state == Connection.State.CONNECTING && now - c.connectStartedAt >= connectTimeoutNanos) {
                connectFailed(c, now);
            } else if (c.state == Connection.State.CLOSED && reconnect && now >= c.retryAt) {
                open(c, now);
            }
        }
    }

    void closeAll() {
        for (Connection c : all) {
            c.close();
        }
    }
}
