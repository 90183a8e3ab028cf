package dev.failoverlab.loadgen.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A raw-socket HTTP/1.1 server for the cases the JDK server cannot produce: chosen framing (chunked, split
 * writes) and connection resets. A thread per connection; requests are counted from 1 across connections.
 */
final class RawServer implements AutoCloseable {
    /** Writes the answer to request {@code n}, or returns false to reset the connection instead. */
    @FunctionalInterface
    interface Responder {
        boolean respond(long n, OutputStream out) throws IOException;
    }

    private final ServerSocket socket;
    private final AtomicLong requests = new AtomicLong();
    private final Responder responder;

    RawServer(Responder responder) {
        this.responder = responder;
        try {
            socket = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "raw-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/raw");
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                s.setTcpNoDelay(true);
                Thread t = new Thread(() -> serve(s), "raw-server-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            while (readRequestHead(in)) {
                if (!responder.respond(requests.incrementAndGet(), out)) {
                    s.setSoLinger(true, 0); // close with RST: the client sees "connection reset"
                    return;
                }
                out.flush();
            }
        } catch (IOException gone) {
            // the client closed the connection
        }
    }

    /** Reads up to the blank line ending a GET request; false at end of stream. */
    private static boolean readRequestHead(InputStream in) throws IOException {
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return false;
            }
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return true;
    }

    static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
