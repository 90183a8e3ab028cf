package dev.failoverlab.loadgen.http;

import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/** One keep-alive connection of the pool and the request it carries; owned by the event loop thread. */
final class Connection {
    enum State { CLOSED, CONNECTING, IDLE, BUSY }

    final ByteBuffer request;
    final ResponseParser parser = new ResponseParser();
    SocketChannel channel;
    SelectionKey key;
    State state = State.CLOSED;
    /** Nanoseconds from the run start: when the current request should have been sent, and when it was. */
    long intended;
    long sentAt;
    long connectStartedAt;
    long retryAt;
    int connectFailures;

    Connection(ByteBuffer request) {
        this.request = request;
    }
}
