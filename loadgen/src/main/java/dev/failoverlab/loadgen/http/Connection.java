package dev.failoverlab.loadgen.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
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

    /** Starts a non-blocking connect (Nagle off: requests are small); true if it completed at once. */
    boolean open(Selector selector, InetSocketAddress address) throws IOException {
        channel = SocketChannel.open();
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        boolean connected = channel.connect(address);
        key = channel.register(selector, connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, this);
        return connected;
    }

    /** Closes the socket, if any; the connection is CLOSED afterwards. */
    void close() {
        state = State.CLOSED;
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing a broken socket can fail; it is gone either way
            }
            channel = null;
            key = null;
        }
    }
}
